package org.lracademy.schedule;

import static org.lracademy.schedule.ParamInfo.Type.NUMBER;

import java.util.Optional;

/**
 * {@code torch.optim.lr_scheduler.CosineAnnealingLR}: half a cosine from the base rate down to {@code eta_min}
 * over {@code T_max} steps. Surprises: nothing clamps the step, so past {@code T_max} PyTorch follows the cosine
 * back up (period {@code 2 T_max}); {@code after_end = hold} gives the timm and DJL behaviour instead. PyTorch
 * also accepts {@code eta_min} above the base rate and then anneals upwards, and {@code T_max = 0}, which fails
 * at the first step; both are refused here unless asked for.
 */
record CosineAnnealingLR(double[] bases, double tMax, double etaMin, AfterEnd end)
        implements ClosedForm, Chainable, Ending {

    static final SchedulerInfo INFO = new SchedulerInfo("CosineAnnealingLR",
            "Anneals the rate from the base rate to eta_min along half a cosine over T_max steps. With "
                    + "after_end=continue (PyTorch) the rate rises again after T_max; with hold it stays at eta_min.",
            CommonParams.withLastEpoch(
                    ParamInfo.required("T_max", NUMBER, "The number of steps from the base rate down to eta_min.")
                            .above(0).atMost(CommonParams.INT_MAX),
                    CommonParams.ETA_MIN, CommonParams.ALLOW_ETA_MIN_ABOVE_BASE, CommonParams.AFTER_END));

    static Optional<LrSchedule> build(Params p, Families.Target target) {
        boolean etaOk = CommonParams.etaMinWithinBases(p, target.bases());
        if (!etaOk || !p.ok("T_max", "after_end")) {
            return Optional.empty();
        }
        return Optional.of(new CosineAnnealingLR(target.bases(), p.number("T_max"), p.number("eta_min"),
                AfterEnd.of(p.text("after_end"))));
    }

    @Override
    public double at(long t, double base) {
        if (end == AfterEnd.HOLD && t >= tMax) {
            return etaMin;
        }
        // The cosine has period 2 T_max; reducing first keeps the troughs exactly at eta_min.
        double phase = t % (2 * tMax);
        return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * phase / tMax)) / 2;
    }

    @Override
    public double next(long t, double current, double base) {
        if (t == 0 || (end == AfterEnd.HOLD && t > tMax)) {
            return current;
        }
        if ((t - 1 - tMax) % (2 * tMax) == 0) {
            // Right after a trough the ratio below would be 0/0; PyTorch adds the first step of the rise instead.
            return current + (base - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
        }
        double ratio = (1 + Math.cos(Math.PI * t / tMax)) / (1 + Math.cos(Math.PI * (t - 1) / tMax));
        return ratio * (current - etaMin) + etaMin;
    }

    @Override
    public Optional<AfterEnd> afterEnd() {
        return Optional.of(end);
    }
}
