package org.lracademy.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lracademy.schedule.LrSchedule;
import org.lracademy.schedule.ScheduleFactory;
import org.lracademy.schedule.ScheduleSpec;
import org.lracademy.spec.Checks;

/**
 * The body of {@code POST /api/v1/schedules/preview}: a schedule, the base rate of each parameter group and how
 * many steps to show.
 *
 * @param baseLr  the base rate of a single group
 * @param baseLrs one base rate per group (1 to {@link ScheduleFactory#MAX_GROUPS}); with {@code base_lr} as well,
 *                the two must agree on the first group
 * @param steps   how many steps to show, 1 to {@link #MAX_STEPS}
 */
public record SchedulePreviewRequest(String scheduler, Map<String, Object> params,
        @JsonProperty("base_lr") Double baseLr, @JsonProperty("base_lrs") List<Double> baseLrs, Double steps) {

    /** The longest preview: every step of every group travels in one answer. */
    public static final int MAX_STEPS = 100_000;
    /** The largest base rate accepted. */
    public static final double MAX_BASE_LR = 1000;

    /** A request that passed every check. */
    public record Checked(LrSchedule schedule, int steps) {
    }

    /** Checks the whole request at once and builds its schedule; every violation is reported together. */
    public Checked check() {
        Checks checks = new Checks();
        boolean stepsOk = checks.finite(steps, "steps") && checks.require(steps == Math.rint(steps)
                && steps >= 1 && steps <= MAX_STEPS, "steps", steps, "must be an integer between 1 and " + MAX_STEPS);
        Optional<List<Double>> bases = bases(checks);
        Optional<LrSchedule> schedule = bases.flatMap(b -> ScheduleFactory.check(new ScheduleSpec(scheduler, params),
                b, stepsOk ? steps.longValue() : 0, checks, "", "steps"));
        checks.throwIfAny();
        return new Checked(schedule.orElseThrow(), steps.intValue());
    }

    /** The groups' base rates; invalid ones are reported and passed on as NaN so the schedule is still checked. */
    private Optional<List<Double>> bases(Checks checks) {
        if (baseLrs == null) {
            if (!checks.require(baseLr != null, "base_lr", null, "is required, or base_lrs with one rate per group")) {
                return Optional.empty();
            }
            return Optional.of(List.of(rate(baseLr, "base_lr", checks)));
        }
        int most = ScheduleFactory.MAX_GROUPS;
        if (!checks.require(!baseLrs.isEmpty() && baseLrs.size() <= most, "base_lrs", baseLrs.size() + " rates",
                "must hold 1 to " + most + " rates, one per parameter group")) {
            return Optional.empty();
        }
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < baseLrs.size(); i++) {
            rates.add(rate(baseLrs.get(i), "base_lrs[" + i + "]", checks));
        }
        if (baseLr != null) {
            checks.require(baseLr.equals(baseLrs.get(0)), "base_lr", baseLr,
                    "must equal base_lrs[0] when both are given; leave it out with several groups");
        }
        return Optional.of(rates);
    }

    private static double rate(Double value, String field, Checks checks) {
        return checks.within(value, field, 0, MAX_BASE_LR) ? value : Double.NaN;
    }
}
