package org.lracademy.frontend.views;

import com.vaadin.flow.component.UI;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Backend calls made off the UI thread (for example when a job's stream ends), answered on the UI thread. */
final class Background {

    private static final Logger LOG = Logger.getLogger(Background.class);

    private Background() {
    }

    static <T> void call(UI ui, Supplier<T> request, Consumer<T> onAnswer, Consumer<RuntimeException> onFailure) {
        CompletableFuture.supplyAsync(request, Infrastructure.getDefaultWorkerPool()).whenComplete((answer, error) ->
                ui.access(() -> {
                    if (error == null) {
                        onAnswer.accept(answer);
                    } else if (error.getCause() instanceof RuntimeException failure) {
                        onFailure.accept(failure);
                    } else {
                        LOG.warn("A background call to the backend failed", error);
                    }
                }));
    }
}
