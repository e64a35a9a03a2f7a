package org.lracademy.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.lracademy.spec.Checks;

/**
 * A kind for tests only: emits {@code steps} step events {@code step_ms} apart, fails with {@code fail} when
 * given, and stops at the next step once cancelled.
 */
@ApplicationScoped
public class ScriptedKind implements JobKind {

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public void validate(JsonNode spec) {
        Checks checks = new Checks();
        checks.intWithin(spec.has("steps") ? spec.get("steps").asLong() : null, "steps", 1, 10_000);
        checks.intWithin(spec.path("step_ms").asLong(0), "step_ms", 0, 10_000);
        checks.throwIfAny();
    }

    @Override
    public boolean gpuCapable(JsonNode spec) {
        return false;
    }

    @Override
    public Object run(JsonNode spec, String device, JobContext context) throws Exception {
        int steps = spec.get("steps").asInt();
        int i = 0;
        while (i < steps && !context.cancelled()) {
            Thread.sleep(spec.path("step_ms").asLong(0));
            i++;
            context.emit("step", Map.of("step", i, "loss", 1.0 / i));
            context.progress((double) i / steps);
        }
        if (spec.has("fail")) {
            throw new IllegalArgumentException(spec.get("fail").asText());
        }
        return Map.of("steps_run", i, "device", device);
    }
}
