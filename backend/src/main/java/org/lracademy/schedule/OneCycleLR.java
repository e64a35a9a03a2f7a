package org.lracademy.schedule;

import static org.lracademy.schedule.ParamInfo.Type.BOOLEAN;
import static org.lracademy.schedule.ParamInfo.Type.NUMBER;
import static org.lracademy.schedule.ParamInfo.Type.NUMBER_OR_LIST;
import static org.lracademy.schedule.ParamInfo.Type.STRING;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code torch.optim.lr_scheduler.OneCycleLR}: the rate rises from {@code max_lr / div_factor} to
 * {@code max_lr}, then falls far below the start, in two phases (or three, returning to the start first), while
 * momentum moves the opposite way. Surprises: the optimizer's own rate is ignored; momentum is cycled (and so
 * switched on for plain SGD) unless {@code cycle_momentum} is false; phase ends are fractional
 * ({@code pct_start * total - 1}), so the peak may fall between steps and never be reached exactly; and PyTorch
 * extrapolates one step past {@code total_steps}, then fails. Here a run may not be longer than
 * {@code total_steps}, and {@code pct_start * total_steps} must be at least 2 so that no phase is empty.
 */
final class OneCycleLR implements LrSchedule {

    static final SchedulerInfo INFO = new SchedulerInfo("OneCycleLR",
            "Raises the rate from max_lr/div_factor to max_lr over pct_start of the run, then anneals it to "
                    + "max_lr/(div_factor*final_div_factor); momentum cycles the opposite way. Ignores the base rate.",
            CommonParams.withLastEpoch(
                    ParamInfo.required("max_lr", NUMBER_OR_LIST, "The peak rate, or one per parameter group.")
                            .above(0),
                    ParamInfo.optional("total_steps", ParamInfo.Type.INTEGER, null, "The length of the cycle in "
                            + "steps; required unless epochs and steps_per_epoch are given.")
                            .atLeast(2).atMost(CommonParams.INT_MAX),
                    CommonParams.optionalPositiveInt("epochs", "With steps_per_epoch, gives total_steps when that "
                            + "is absent."),
                    CommonParams.optionalPositiveInt("steps_per_epoch", "With epochs, gives total_steps when that "
                            + "is absent."),
                    ParamInfo.optional("pct_start", NUMBER, 0.3, "The fraction of the cycle spent raising the "
                            + "rate; pct_start * total_steps must be at least 2.").atLeast(0).atMost(1),
                    ParamInfo.optional("anneal_strategy", STRING, "cos", "The shape of every phase.")
                            .oneOf("cos", "linear"),
                    ParamInfo.optional("cycle_momentum", BOOLEAN, true, "Whether momentum (or Adam's first beta) "
                            + "is cycled between max_momentum and base_momentum."),
                    ParamInfo.optional("base_momentum", NUMBER_OR_LIST, 0.85, "The momentum at the peak rate, or "
                            + "one per group.").atLeast(0).atMost(1),
                    ParamInfo.optional("max_momentum", NUMBER_OR_LIST, 0.95, "The momentum at the lowest rates, "
                            + "or one per group.").atLeast(0).atMost(1),
                    ParamInfo.optional("div_factor", NUMBER, 25.0, "The starting rate is max_lr / div_factor.")
                            .above(0),
                    ParamInfo.optional("final_div_factor", NUMBER, 1e4, "The final rate is the starting rate / "
                            + "final_div_factor.").above(0),
                    ParamInfo.optional("three_phase", BOOLEAN, false, "Whether the rate first returns to the "
                            + "starting rate before the final annealing.")));

    private enum Level { INITIAL, MAX, MIN }

    /** One phase: where it ends (fractional), the rate levels it joins, and whether momentum starts/ends at max. */
    private record Phase(double end, Level from, Level to, boolean momentumFromMax, boolean momentumToMax) {
    }

    private final double[] initialLr;
    private final double[] maxLr;
    private final double[] minLr;
    private final double[] baseMomentum;
    private final double[] maxMomentum;
    private final boolean cycleMomentum;
    private final boolean linear;
    private final List<Phase> phases;

    private OneCycleLR(Params p, int groups, long total) {
        double div = p.number("div_factor");
        maxLr = perGroup(p.numbers("max_lr"), groups);
        initialLr = new double[groups];
        minLr = new double[groups];
        for (int g = 0; g < groups; g++) {
            initialLr[g] = maxLr[g] / div;
            minLr[g] = initialLr[g] / p.number("final_div_factor");
        }
        baseMomentum = perGroup(p.numbers("base_momentum"), groups);
        maxMomentum = perGroup(p.numbers("max_momentum"), groups);
        cycleMomentum = p.flag("cycle_momentum");
        linear = p.text("anneal_strategy").equals("linear");
        double pct = p.number("pct_start");
        if (p.flag("three_phase")) {
            phases = List.of(new Phase(pct * total - 1, Level.INITIAL, Level.MAX, true, false),
                    new Phase(2 * pct * total - 2, Level.MAX, Level.INITIAL, false, true),
                    new Phase(total - 1, Level.INITIAL, Level.MIN, true, true));
        } else {
            phases = List.of(new Phase(pct * total - 1, Level.INITIAL, Level.MAX, true, false),
                    new Phase(total - 1, Level.MAX, Level.MIN, false, true));
        }
    }

    static Optional<LrSchedule> build(Params p, Families.Target target) {
        int groups = target.bases().length;
        boolean listsOk = true;
        for (String name : new String[] {"max_lr", "base_momentum", "max_momentum"}) {
            listsOk &= p.ok(name) && (!p.isList(name) || p.checks().require(p.numbers(name).length == groups,
                    p.field(name), p.numbers(name).length + " values", "must hold one value per parameter group ("
                            + groups + "), or be a single number"));
        }
        Optional<Long> total = totalSteps(p);
        boolean phasesOk = total.isPresent() && p.ok("pct_start") && p.checks().require(
                p.number("pct_start") * total.get() >= 2, p.field("pct_start"), p.number("pct_start"),
                "times the total number of steps (" + total.get() + ") must be at least 2, or the first phase is "
                        + "empty and PyTorch divides by zero");
        boolean runFits = total.isPresent() && p.checks().require(target.totalSteps() <= total.get(),
                target.stepsField(), target.totalSteps(), "must not exceed OneCycleLR's total steps ("
                        + total.get() + "): PyTorch cannot step past the end of the cycle");
        boolean othersOk = p.ok("anneal_strategy", "cycle_momentum", "div_factor", "final_div_factor", "three_phase");
        return listsOk && phasesOk && runFits && othersOk ? Optional.of(new OneCycleLR(p, groups, total.get()))
                : Optional.empty();
    }

    /** total_steps when given (PyTorch lets it win), else epochs * steps_per_epoch. */
    private static Optional<Long> totalSteps(Params p) {
        if (!p.ok("total_steps", "epochs", "steps_per_epoch")) {
            return Optional.empty();
        }
        if (p.has("total_steps")) {
            return Optional.of(p.integer("total_steps"));
        }
        if (!p.checks().require(p.has("epochs") && p.has("steps_per_epoch"), p.field("total_steps"), null,
                "is required unless both epochs and steps_per_epoch are given")) {
            return Optional.empty();
        }
        long total = p.integer("epochs") * p.integer("steps_per_epoch");
        return p.checks().require(total >= 2 && total <= CommonParams.INT_MAX, p.field("epochs"),
                p.integer("epochs"), "times steps_per_epoch must give between 2 and "
                        + ParamInfo.plain(CommonParams.INT_MAX) + " total steps, not " + total)
                ? Optional.of(total) : Optional.empty();
    }

    private static double[] perGroup(double[] given, int groups) {
        double[] out = new double[groups];
        for (int g = 0; g < groups; g++) {
            out[g] = given.length == 1 ? given[0] : given[g];
        }
        return out;
    }

    @Override
    public double lr(long step, int group) {
        return anneal(step, (phase, pct) -> anneal(level(phase.from(), group), level(phase.to(), group), pct));
    }

    @Override
    public OptionalDouble momentum(long step, int group) {
        if (!cycleMomentum) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(anneal(step, (phase, pct) -> anneal(
                phase.momentumFromMax() ? maxMomentum[group] : baseMomentum[group],
                phase.momentumToMax() ? maxMomentum[group] : baseMomentum[group], pct)));
    }

    @Override
    public int groups() {
        return maxLr.length;
    }

    private interface PhaseValue {
        double at(Phase phase, double pct);
    }

    /** Finds the phase of a step as PyTorch does: the first whose end is not before it, else the last. */
    private double anneal(long step, PhaseValue value) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be at least 0, got " + step);
        }
        double start = 0;
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            if (step <= phase.end() || i == phases.size() - 1) {
                return value.at(phase, (step - start) / (phase.end() - start));
            }
            start = phase.end();
        }
        throw new IllegalStateException("a one-cycle schedule always has phases");
    }

    private double anneal(double from, double to, double pct) {
        if (linear) {
            return (to - from) * pct + from;
        }
        return to + (from - to) / 2.0 * (Math.cos(Math.PI * pct) + 1);
    }

    private double level(Level level, int group) {
        return switch (level) {
            case INITIAL -> initialLr[group];
            case MAX -> maxLr[group];
            case MIN -> minLr[group];
        };
    }
}
