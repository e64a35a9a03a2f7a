package org.lracademy.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * A kind for tests only, installed whatever {@code academy.demo-kinds} says: steps like the demo kind
 * {@code sleep} ({@code steps}, {@code step_ms}), and with {@code fail} given, fails with that message once its
 * steps are done.
 */
@ApplicationScoped
public class ScriptedKind implements JobKind {

    private final SleepKind stepper = new SleepKind();

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public void validate(JsonNode spec) {
        stepper.validate(withoutFail(spec));
    }

    @Override
    public boolean gpuCapable(JsonNode spec) {
        return false;
    }

    @Override
    public Object run(JsonNode spec, String device, JobContext context) throws Exception {
        Object stepped = stepper.run(withoutFail(spec), device, context);
        if (spec.has("fail")) {
            throw new IllegalArgumentException(spec.get("fail").asText());
        }
        return Map.of("steps_run", ((Map<?, ?>) stepped).get("steps"), "device", device);
    }

    private static JsonNode withoutFail(JsonNode spec) {
        ObjectNode copy = spec.deepCopy();
        copy.remove("fail");
        return copy;
    }
}
