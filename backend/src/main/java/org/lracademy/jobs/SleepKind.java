package org.lracademy.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lracademy.spec.Checks;

/**
 * A demo kind that computes nothing: it emits {@code steps} step events, {@code step_ms} apart, with a made-up
 * decaying loss. Serves to try the queue, the streams and recovery without a model. Offered only when
 * {@code academy.demo-kinds=true}; submit it with {@code POST /api/v1/jobs?kind=sleep}.
 * An optional {@code fail_at_step} makes it fail at that step, to show how a failure is reported.
 */
@ApplicationScoped
public class SleepKind implements JobKind {

    @Override
    public String name() {
        return "sleep";
    }

    @Override
    public void validate(JsonNode spec) {
        Checks checks = new Checks();
        spec.fieldNames().forEachRemaining(f -> checks.require(
                f.equals("steps") || f.equals("step_ms") || f.equals("fail_at_step"), f, null,
                "is not a known field; known fields: steps, step_ms, fail_at_step"));
        integer(checks, spec, "steps", 1, 1_000_000, true);
        integer(checks, spec, "step_ms", 0, 60_000, false);
        integer(checks, spec, "fail_at_step", 1, 1_000_000, false);
        checks.throwIfAny();
    }

    private static void integer(Checks checks, JsonNode spec, String field, long min, long max, boolean required) {
        JsonNode value = spec.get(field);
        if (value == null || value.isNull()) {
            checks.require(!required, field, null, "is required");
        } else if (checks.require(value.isIntegralNumber(), field, value, "must be an integer")) {
            checks.intWithin(value.longValue(), field, min, max);
        }
    }

    @Override
    public boolean gpuCapable(JsonNode spec) {
        return false;
    }

    @Override
    public Object run(JsonNode spec, String device, JobContext context) throws Exception {
        int steps = spec.get("steps").intValue();
        long pause = spec.path("step_ms").asLong(10);
        int failAt = spec.path("fail_at_step").asInt(0);
        int done = 0;
        double loss = 2.5;
        while (done < steps && !context.cancelled()) {
            Thread.sleep(pause);
            done++;
            if (done == failAt) {
                throw new IllegalStateException("failed on purpose at step " + done);
            }
            loss = loss * 0.97;
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("step", done);
            step.put("lr", 0.1);
            step.put("loss", loss);
            context.emit("step", step);
            context.progress((double) done / steps);
        }
        return Map.of("steps", done, "final_loss", loss);
    }
}
