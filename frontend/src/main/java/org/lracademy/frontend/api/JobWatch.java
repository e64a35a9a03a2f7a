package org.lracademy.frontend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * Follows one job's event stream and hands each event to a listener on the UI thread. A stream that breaks
 * before the job ended is resumed from the last event seen, so no point is drawn twice or lost.
 */
public final class JobWatch {

    private static final Logger LOG = Logger.getLogger(JobWatch.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED");
    /** Resumes a broken stream this many times in a row (about five minutes), e.g. while a job waits in line. */
    private static final int RETRIES = 60;
    private static final int MAX_DELAY_SECONDS = 5;

    /** What a view does with a job's events; each method runs with the UI locked. */
    public interface Listener {
        default void state(JsonNode event) {
        }

        void step(JsonNode event);

        default void epoch(JsonNode event) {
        }

        default void result(JsonNode event) {
        }

        /** Per-layer statistics, for trainings that ask for them with {@code layer_stats_every}. */
        default void layers(JsonNode event) {
        }

        /** The stream closed: {@code state} is the job's last known state. */
        void ended(String state, String reason);
    }

    private final UI ui;
    private final Backend backend;
    private final String owner;
    private final String jobId;
    private final Listener listener;
    private volatile String lastEventId = "";
    private volatile String state = "QUEUED";
    private volatile String reason = "";
    private volatile Cancellable subscription;
    private volatile boolean stopped;
    private volatile int failures;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();

    private JobWatch(UI ui, Backend backend, String owner, String jobId, Listener listener) {
        this.ui = ui;
        this.backend = backend;
        this.owner = owner;
        this.jobId = jobId;
        this.listener = listener;
    }

    /** Starts following the job for an attached component; the watch stops when the component is detached. */
    public static JobWatch start(Component host, Backend backend, String owner, String jobId, Listener listener) {
        UI ui = host.getUI().orElseThrow(() -> new IllegalStateException("Jobs are watched for attached views"));
        JobWatch watch = new JobWatch(ui, backend, owner, jobId, listener);
        host.addDetachListener(detach -> watch.stop());
        watch.subscribe();
        return watch;
    }

    public void stop() {
        stopped = true;
        Cancellable current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    private void subscribe() {
        if (stopped) {
            return;
        }
        subscription = backend.events(owner, jobId, lastEventId).subscribe().with(this::onEvent, this::onFailure,
                this::onEnd);
    }

    private void onEvent(SseEvent<String> event) {
        failures = 0;
        if (event.id() != null) {
            lastEventId = event.id();
        }
        JsonNode data;
        try {
            data = JSON.readTree(event.data() == null ? "{}" : event.data());
        } catch (java.io.IOException e) {
            LOG.debugf("Job %s sent an event that is not JSON: %s", jobId, event.data());
            return;
        }
        String name = event.name() == null ? "" : event.name();
        if (name.equals("state")) {
            state = data.path("state").asText(state);
            reason = data.path("reason").asText(reason);
        }
        deliver(() -> dispatch(name, data));
    }

    /** Hands events to the UI in batches, at most ten times a second, so a fast job does not flood the page. */
    private void deliver(Runnable task) {
        queue.add(task);
        if (flushing.compareAndSet(false, true)) {
            CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(() -> ui.access(() -> {
                flushing.set(false);
                for (Runnable next = queue.poll(); next != null; next = queue.poll()) {
                    next.run();
                }
            }));
        }
    }

    private void dispatch(String name, JsonNode data) {
        switch (name) {
            case "state" -> listener.state(data);
            case "step" -> listener.step(data);
            case "epoch" -> listener.epoch(data);
            case "result" -> listener.result(data);
            case "layers" -> listener.layers(data);
            default -> LOG.debugf("Job %s sent an event of unknown kind '%s'", jobId, name);
        }
    }

    private void onFailure(Throwable failure) {
        if (stopped) {
            return;
        }
        if (!FINAL.contains(state) && ++failures <= RETRIES) {
            LOG.debugf("The event stream of job %s broke (%s); resuming after event %s", jobId, failure.getMessage(),
                    lastEventId);
            resumeLater();
            return;
        }
        LOG.warnf("The event stream of job %s could not be followed: %s", jobId, failure.getMessage());
        deliver(() -> listener.ended(state, "live updates stopped; reload the page to see the rest"));
    }

    private void resumeLater() {
        CompletableFuture.delayedExecutor(Math.min(failures, MAX_DELAY_SECONDS), TimeUnit.SECONDS)
                .execute(this::subscribe);
    }

    /**
     * The stream closed. Unless its last state event was final, the job is asked for its state: a stream can close
     * early (a restart of the backend, a proxy's timeout), and then it is resumed.
     */
    private void onEnd() {
        if (stopped) {
            return;
        }
        if (FINAL.contains(state)) {
            deliver(() -> listener.ended(state, reason));
            return;
        }
        CompletableFuture.runAsync(() -> {
            try {
                JsonNode job = backend.job(owner, jobId);
                state = job.path("state").asText(state);
                reason = job.path("reason").asText(reason);
            } catch (RuntimeException e) {
                LOG.debugf("The state of job %s could not be read: %s", jobId, e.getMessage());
            }
            if (FINAL.contains(state) || ++failures > RETRIES) {
                deliver(() -> listener.ended(state, reason));
            } else {
                resumeLater();
            }
        }, Infrastructure.getDefaultWorkerPool());
    }
}
