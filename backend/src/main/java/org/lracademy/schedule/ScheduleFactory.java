package org.lracademy.schedule;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lracademy.spec.Checks;

/**
 * Turns a {@link ScheduleSpec} into an {@link LrSchedule} after checking every parameter against the limits the
 * {@link #catalogue()} publishes. All violations are collected, each naming its field (for example
 * {@code params.T_max} or {@code params.schedulers[1].gamma}), the value and the rule.
 */
public final class ScheduleFactory {

    /** The most parameter groups a schedule may serve. */
    public static final int MAX_GROUPS = 8;
    /** The most children of a SequentialLR or ChainedScheduler. */
    public static final int MAX_CHILDREN = 8;
    /** The most elements of a list parameter such as {@code milestones}. */
    public static final int MAX_LIST = 1000;

    private ScheduleFactory() {
    }

    /** Every scheduler with its description and parameters, in a stable order. */
    public static List<SchedulerInfo> catalogue() {
        return Families.infos();
    }

    /**
     * Checks and builds a schedule whose fields sit at the top of the request ({@code scheduler},
     * {@code params.*}), for a run of {@code totalSteps} steps held in a field called {@code steps}.
     *
     * @param baseLrs each parameter group's base rate (1 to {@link #MAX_GROUPS} of them)
     * @throws org.lracademy.spec.InvalidSpecException naming every violation
     */
    public static LrSchedule build(ScheduleSpec spec, List<Double> baseLrs, long totalSteps) {
        Checks checks = new Checks();
        Optional<LrSchedule> schedule = check(spec, baseLrs, totalSteps, checks, "", "steps");
        checks.throwIfAny();
        return schedule.orElseThrow(() -> new IllegalStateException("a schedule without violations was not built"));
    }

    /**
     * Checks a schedule embedded in a larger spec, adding its violations to the caller's {@code checks}, and
     * builds it when it has none.
     *
     * @param spec       the schedule part of the request; a missing one is reported as required
     * @param baseLrs    each parameter group's base rate (1 to {@link #MAX_GROUPS}); values the caller has
     *                   already reported as invalid may be passed as NaN
     * @param totalSteps how many steps the caller will ask for ({@code OneCycleLR} refuses longer runs)
     * @param prefix     what goes before this package's field names, for example {@code schedule.}
     * @param stepsField the caller's field that holds {@code totalSteps}, for example {@code steps}
     * @return the schedule, or empty when any of its checks failed
     */
    public static Optional<LrSchedule> check(ScheduleSpec spec, List<Double> baseLrs, long totalSteps,
            Checks checks, String prefix, String stepsField) {
        if (baseLrs.isEmpty() || baseLrs.size() > MAX_GROUPS || totalSteps < 0) {
            throw new IllegalArgumentException("a schedule serves 1 to " + MAX_GROUPS + " groups and a run of at "
                    + "least 0 steps; got " + baseLrs.size() + " groups and " + totalSteps + " steps");
        }
        String specField = prefix.isEmpty() ? "scheduler" : prefix.substring(0, prefix.length() - 1);
        if (!checks.present(spec, specField)) {
            return Optional.empty();
        }
        double[] bases = baseLrs.stream().mapToDouble(b -> b == null ? Double.NaN : b).toArray();
        Map<String, Object> params = spec.params() == null ? Map.of() : spec.params();
        Families.Target target = new Families.Target(bases, totalSteps, stepsField, Families.Role.TOP);
        return Families.build(spec.scheduler(), params, prefix + "scheduler", prefix + "params.", target, checks,
                Set.of());
    }

    /**
     * What the schedule does past the end of its annealing window: its own choice for a cosine, the last such
     * child's for a composite, empty where there is no such window (steps, warm restarts, one-cycle).
     */
    public static Optional<AfterEnd> afterEnd(LrSchedule schedule) {
        return schedule instanceof Ending e ? e.afterEnd() : Optional.empty();
    }

    /** Surprises in an accepted schedule worth showing to its author, such as a warm-up cut short. */
    public static List<String> notes(LrSchedule schedule) {
        return schedule instanceof SequentialLR sequence ? sequence.notes() : List.of();
    }
}
