package org.lracademy.schedule;

import static org.lracademy.schedule.ParamInfo.Type.NUMBER;

import java.util.Optional;

/**
 * {@code torch.optim.lr_scheduler.ExponentialLR}: the rate is multiplied by {@code gamma} every step. Surprise:
 * PyTorch 1.13 applies one extra decay when constructed with {@code last_epoch >= 0}; resuming here is by step
 * count, so that cannot happen.
 */
record ExponentialLR(double[] bases, double gamma) implements ClosedForm, Chainable {

    static final SchedulerInfo INFO = new SchedulerInfo("ExponentialLR",
            "Multiplies the rate by gamma every step: base * gamma^t.",
            CommonParams.withLastEpoch(
                    ParamInfo.required("gamma", NUMBER, "The factor of each step's decay.").above(0)));

    static Optional<LrSchedule> build(Params p, Families.Target target) {
        return p.ok("gamma") ? Optional.of(new ExponentialLR(target.bases(), p.number("gamma"))) : Optional.empty();
    }

    @Override
    public double at(long t, double base) {
        return base * Math.pow(gamma, t);
    }

    @Override
    public double next(long t, double current, double base) {
        return t == 0 ? current : current * gamma;
    }
}
