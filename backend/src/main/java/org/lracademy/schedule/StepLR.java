package org.lracademy.schedule;

import static org.lracademy.schedule.ParamInfo.Type.NUMBER;

import java.util.Optional;

/**
 * {@code torch.optim.lr_scheduler.StepLR}: the rate is multiplied by {@code gamma} every {@code step_size}
 * steps. Surprise: PyTorch accepts {@code step_size = 0} and fails with a modulo by zero at the first step; it is
 * refused here.
 */
record StepLR(double[] bases, long stepSize, double gamma) implements ClosedForm, Chainable {

    static final SchedulerInfo INFO = new SchedulerInfo("StepLR",
            "Multiplies the rate by gamma every step_size steps.",
            CommonParams.withLastEpoch(
                    CommonParams.positiveInt("step_size", null, "The number of steps between decays."),
                    ParamInfo.optional("gamma", NUMBER, 0.1, "The factor of each decay.").above(0)));

    static Optional<LrSchedule> build(Params p, Families.Target target) {
        if (!p.ok("step_size", "gamma")) {
            return Optional.empty();
        }
        return Optional.of(new StepLR(target.bases(), p.integer("step_size"), p.number("gamma")));
    }

    @Override
    public double at(long t, double base) {
        return base * Math.pow(gamma, t / stepSize);
    }

    @Override
    public double next(long t, double current, double base) {
        return t == 0 || t % stepSize != 0 ? current : current * gamma;
    }
}
