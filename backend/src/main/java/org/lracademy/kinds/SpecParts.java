package org.lracademy.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lracademy.schedule.LrSchedule;
import org.lracademy.schedule.ScheduleFactory;
import org.lracademy.schedule.ScheduleSpec;
import org.lracademy.spec.Checks;
import org.lracademy.spec.InvalidSpecException;
import org.lracademy.training.TrainingSpec;

/** Checks shared by the kinds: tags every job may carry, the schedule of a training, violations gathered. */
final class SpecParts {

    /** Fields any training may carry besides its spec: a label for charts and the comparison it belongs to. */
    static final Set<String> TAGS = Set.of("label", "comparison");
    static final int MAX_LABEL = 120;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SCHEDULE_FIELDS = Set.of("scheduler", "params");

    private SpecParts() {
    }

    static void checkTags(JsonNode spec, Checks checks) {
        JsonNode label = spec.get("label");
        if (label != null && checks.require(label.isTextual(), "label", label, "must be a string")) {
            checks.require(label.asText().length() <= MAX_LABEL, "label", label.asText(),
                    "must be at most " + MAX_LABEL + " characters");
        }
        JsonNode comparison = spec.get("comparison");
        if (comparison != null) {
            checks.require(comparison.isObject() && comparison.size() <= 8, "comparison", comparison,
                    "is set by POST /comparisons: an object of at most 8 fields");
        }
    }

    /**
     * The schedule of a training, built for its planned length; null when the spec has none (the optimiser's
     * constant rate).
     */
    static LrSchedule schedule(TrainingSpec spec, long plannedSteps) {
        JsonNode json = spec.schedule();
        if (json == null || json.isNull()) {
            return null;
        }
        Checks checks = new Checks();
        json.fieldNames().forEachRemaining(f -> checks.require(SCHEDULE_FIELDS.contains(f), "schedule." + f, null,
                "is not a known field; a schedule holds scheduler and params (its base rate is optimizer.lr and "
                        + "its length the training's)"));
        JsonNode params = json.path("params");
        if (!params.isMissingNode() && !params.isNull()) {
            checks.require(params.isObject(), "schedule.params", params, "must be an object");
        }
        JsonNode scheduler = json.path("scheduler");
        checks.require(scheduler.isTextual(), "schedule.scheduler", scheduler.isMissingNode() ? null : scheduler,
                "is required: a scheduler name from GET /api/v1/schedules");
        checks.throwIfAny();
        @SuppressWarnings("unchecked")
        Map<String, Object> values = params.isObject() ? JSON.convertValue(params, Map.class) : Map.of();
        String stepsField = spec.steps() != null ? "steps" : "epochs";
        Optional<LrSchedule> schedule = ScheduleFactory.check(new ScheduleSpec(scheduler.asText(), values),
                List.of(spec.optimizer().lr()), plannedSteps, checks, "schedule.", stepsField);
        checks.throwIfAny();
        LrSchedule built = schedule.orElseThrow();
        // A schedule may grow the rate (ExponentialLR with gamma above 1): every step stays within the optimiser's
        // limits.
        for (long step = 0; step < plannedSteps; step++) {
            double lr = built.lr(step, 0);
            if (!(lr >= 0 && lr <= TrainingSpec.OptimizerSpec.MAX_LR)) {
                double most = TrainingSpec.OptimizerSpec.MAX_LR;
                checks.require(false, "schedule.params", lr, "give a rate outside 0.." + most + " at step " + step
                        + "; every step's rate must stay within optimizer.lr's limits");
                break;
            }
        }
        checks.throwIfAny();
        return built;
    }

    /**
     * Reads the training part of a request, reporting its violations together with those the caller has
     * already found.
     *
     * @param otherFields the request's fields that are not the training's
     */
    static TrainingSpec training(JsonNode json, Set<String> otherFields, Checks found) {
        TrainingSpec spec;
        try {
            spec = TrainingSpec.fromJson(json, otherFields);
        } catch (InvalidSpecException e) {
            e.violations().forEach(found::add);
            found.throwIfAny();
            throw e;
        }
        found.throwIfAny();
        return spec;
    }
}
