package org.lracademy.schedule;

import static org.lracademy.schedule.ParamInfo.Type.NUMBER;

import java.util.Optional;

/**
 * {@code torch.optim.lr_scheduler.LinearLR}: the factor moves linearly from {@code start_factor} to
 * {@code end_factor} over {@code total_iters} steps, then stays. Surprises: PyTorch 1.13 accepts a start factor
 * of 0 and then divides by zero at the first step (later versions refuse it); the closed form used here is well
 * defined there, so 0 is accepted except inside {@code ChainedScheduler}, which needs the recursive form.
 * {@code total_iters = 0} leaves PyTorch stuck at the start factor forever, so it is refused.
 */
record LinearLR(double[] bases, double startFactor, double endFactor, long totalIters)
        implements ClosedForm, Chainable {

    static final SchedulerInfo INFO = new SchedulerInfo("LinearLR",
            "Scales the rate by a factor that moves linearly from start_factor to end_factor over total_iters "
                    + "steps (a warm-up when start_factor < end_factor), then keeps end_factor.",
            CommonParams.withLastEpoch(
                    ParamInfo.optional("start_factor", NUMBER, 1.0 / 3, "The factor at step 0.").atLeast(0)
                            .atMost(1),
                    ParamInfo.optional("end_factor", NUMBER, 1.0, "The factor from step total_iters on.")
                            .atLeast(0).atMost(1),
                    CommonParams.positiveInt("total_iters", 5L, "The number of steps the factor takes to move.")));

    static Optional<LrSchedule> build(Params p, Families.Target target) {
        if (!p.ok("start_factor", "end_factor", "total_iters")) {
            return Optional.empty();
        }
        double start = p.number("start_factor");
        if (target.role() == Families.Role.CHAINED_CHILD && !p.checks().require(start > 0,
                p.field("start_factor"), start, "must be greater than 0 inside ChainedScheduler, whose recursive "
                        + "update divides by it")) {
            return Optional.empty();
        }
        return Optional.of(new LinearLR(target.bases(), start, p.number("end_factor"), p.integer("total_iters")));
    }

    @Override
    public double at(long t, double base) {
        return base * (startFactor + (endFactor - startFactor) * Math.min(t, totalIters) / totalIters);
    }

    @Override
    public double next(long t, double current, double base) {
        if (t == 0) {
            return current * startFactor;
        }
        if (t > totalIters) {
            return current;
        }
        double slope = endFactor - startFactor;
        return current * (1.0 + slope / (totalIters * startFactor + (t - 1) * slope));
    }
}
