package org.lracademy.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lracademy.spec.Checks;
import org.lracademy.spec.InvalidSpecException;
import org.lracademy.spec.Violation;

class ScheduleFactoryTest {

    private static List<String> fields(InvalidSpecException e) {
        return e.violations().stream().map(Violation::field).toList();
    }

    private static List<String> fieldsOf(Checks checks) {
        try {
            checks.throwIfAny();
            return List.of();
        } catch (InvalidSpecException e) {
            return fields(e);
        }
    }

    @Test
    void embeddedScheduleReportsItsFieldsUnderTheCallersPrefix() {
        Checks checks = new Checks();
        ScheduleSpec spec = new ScheduleSpec("SequentialLR", Map.of("milestones", List.of(5), "schedulers", List.of(
                Map.of("name", "LinearLR", "total_iters", 5),
                Map.of("name", "CosineAnnealingLR", "T_max", 0))));

        Optional<LrSchedule> schedule = ScheduleFactory.check(spec, List.of(0.1), 100, checks, "schedule.", "steps");

        assertTrue(schedule.isEmpty());
        assertEquals(List.of("schedule.params.schedulers[1].T_max"), fieldsOf(checks));
    }

    @Test
    void oneCycleShorterThanTheRunIsReportedOnTheCallersStepsField() {
        Checks checks = new Checks();
        ScheduleSpec spec = new ScheduleSpec("OneCycleLR", Map.of("max_lr", 0.1, "total_steps", 100));

        ScheduleFactory.check(spec, List.of(0.1), 120, checks, "schedule.", "epochs");

        assertEquals(List.of("epochs"), fieldsOf(checks));
    }

    @Test
    void missingScheduleIsRequiredUnderItsOwnName() {
        Checks checks = new Checks();

        ScheduleFactory.check(null, List.of(0.1), 10, checks, "schedule.", "steps");

        assertEquals(List.of("schedule"), fieldsOf(checks));
    }

    @Test
    void missingParamsMeansEveryRequiredParameterIsReported() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> ScheduleFactory.build(new ScheduleSpec("CosineWithWarmup", null), List.of(0.1), 10));

        assertEquals(List.of("params.num_warmup_steps", "params.num_training_steps"), fields(e));
    }

    @Test
    void everyViolationIsCollectedBeforeFailing() {
        Map<String, Object> params = new HashMap<>();
        params.put("max_lr", List.of(0.1, Double.NaN));
        params.put("total_steps", 10);
        params.put("pct_start", 2.0);
        params.put("anneal_strategy", "cubic");
        params.put("colour", "red");

        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> ScheduleFactory.build(new ScheduleSpec("OneCycleLR", params), List.of(0.1, 0.01), 10));

        assertTrue(fields(e).containsAll(List.of("params.colour", "params.max_lr[1]", "params.pct_start",
                "params.anneal_strategy")), fields(e).toString());
    }

    @Test
    void lambdaLrWithoutAKnownFunctionIsRefused() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> ScheduleFactory.build(new ScheduleSpec("LambdaLR", Map.of("lr_lambda", "x")), List.of(0.1), 5));

        assertEquals(List.of("scheduler"), fields(e));
    }

    @Test
    void everyCatalogueDefaultPassesItsOwnLimits() {
        for (SchedulerInfo info : ScheduleFactory.catalogue()) {
            assertFalse(info.description().isBlank(), info.name());
            for (ParamInfo p : info.params()) {
                assertFalse(p.required() && p.defaultValue() != null, info.name() + "." + p.name());
                if (p.defaultValue() instanceof Number n) {
                    assertTrue(p.admits(n.doubleValue()), info.name() + "." + p.name() + " default " + n);
                }
                if (p.defaultValue() instanceof String s) {
                    assertTrue(p.allowed().contains(s), info.name() + "." + p.name() + " default " + s);
                }
            }
        }
    }

    @Test
    void afterEndComesFromTheLastCosineOfAComposite() {
        ScheduleSpec spec = new ScheduleSpec("SequentialLR", Map.of("milestones", List.of(5), "schedulers", List.of(
                Map.of("name", "CosineAnnealingLR", "T_max", 5),
                Map.of("name", "CosineAnnealingLR", "T_max", 5, "after_end", "hold"))));

        LrSchedule schedule = ScheduleFactory.build(spec, List.of(0.1), 20);

        assertEquals(Optional.of(AfterEnd.HOLD), ScheduleFactory.afterEnd(schedule));
        assertEquals(Optional.empty(), ScheduleFactory.afterEnd(
                ScheduleFactory.build(new ScheduleSpec("StepLR", Map.of("step_size", 3)), List.of(0.1), 20)));
    }
}
