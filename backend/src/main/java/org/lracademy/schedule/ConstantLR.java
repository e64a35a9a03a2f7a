package org.lracademy.schedule;

import static org.lracademy.schedule.ParamInfo.Type.NUMBER;

import java.util.Optional;

/**
 * {@code torch.optim.lr_scheduler.ConstantLR}: the base rate times {@code factor} for the first
 * {@code total_iters} steps, then the base rate. Surprise: PyTorch's recursive form restores the rate by
 * multiplying with {@code 1/factor}, so a factor of 0 crashes there; factors are limited to (0, 1].
 */
record ConstantLR(double[] bases, double factor, long totalIters) implements ClosedForm, Chainable {

    static final SchedulerInfo INFO = new SchedulerInfo("ConstantLR",
            "Multiplies the rate by a constant factor until total_iters, then uses the base rate.",
            CommonParams.withLastEpoch(
                    ParamInfo.optional("factor", NUMBER, 1.0 / 3, "The factor applied before total_iters.")
                            .above(0).atMost(1),
                    CommonParams.positiveInt("total_iters", 5L, "The number of steps that use the factor.")));

    static Optional<LrSchedule> build(Params p, Families.Target target) {
        if (!p.ok("factor", "total_iters")) {
            return Optional.empty();
        }
        return Optional.of(new ConstantLR(target.bases(), p.number("factor"), p.integer("total_iters")));
    }

    @Override
    public double at(long t, double base) {
        return t < totalIters ? base * factor : base;
    }

    @Override
    public double next(long t, double current, double base) {
        if (t == 0) {
            return current * factor;
        }
        return t == totalIters ? current * (1.0 / factor) : current;
    }
}
