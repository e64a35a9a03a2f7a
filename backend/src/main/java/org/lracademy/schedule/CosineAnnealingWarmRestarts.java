package org.lracademy.schedule;

import java.util.Optional;

/**
 * {@code torch.optim.lr_scheduler.CosineAnnealingWarmRestarts} (SGDR): a cosine from the base rate towards
 * {@code eta_min} that restarts at the base rate after {@code T_0} steps, each cycle {@code T_mult} times longer
 * than the one before. Surprises: at whole steps the rate never reaches {@code eta_min}, because that step is the
 * restart; and PyTorch finds the cycle of a fractional epoch with a floating-point logarithm, which misses exact
 * restarts (T_0 = 1, T_mult = 3, epoch 121 gives eta_min instead of the base rate). The cycle is found here with
 * integer arithmetic.
 *
 * <p>With {@code iters_per_epoch} the schedule follows PyTorch's documented per-batch recipe, which calls
 * {@code step(epoch + batch / iters_per_epoch)} after each batch: step {@code t} then uses the value of epoch
 * {@code (t - 1) / iters_per_epoch}, so the first two steps share the base rate. {@code itersPerEpoch} is 0 for
 * stepping by whole steps.
 */
record CosineAnnealingWarmRestarts(double[] bases, long t0, long tMult, double etaMin, long itersPerEpoch)
        implements ClosedForm {

    static final SchedulerInfo INFO = new SchedulerInfo("CosineAnnealingWarmRestarts",
            "Cosine annealing from the base rate towards eta_min that restarts every cycle; the first cycle "
                    + "lasts T_0 steps and each next one T_mult times longer.",
            CommonParams.withLastEpoch(
                    CommonParams.positiveInt("T_0", null, "The length of the first cycle, in steps (or epochs)."),
                    CommonParams.positiveInt("T_mult", 1L, "How many times longer each cycle is than the last."),
                    CommonParams.ETA_MIN, CommonParams.ALLOW_ETA_MIN_ABOVE_BASE,
                    CommonParams.optionalPositiveInt("iters_per_epoch", "Optional. When given, T_0 counts epochs of "
                            + "this many steps, stepped by fractional epochs as in PyTorch's documented recipe "
                            + "(which lags one step).")));

    static Optional<LrSchedule> build(Params p, Families.Target target) {
        boolean etaOk = CommonParams.etaMinWithinBases(p, target.bases());
        boolean itersOk = p.ok("iters_per_epoch") && (!p.has("iters_per_epoch")
                || p.checks().require(target.role() == Families.Role.TOP, p.field("iters_per_epoch"),
                        p.integer("iters_per_epoch"), "is only accepted at the top level: SequentialLR and "
                                + "ChainedScheduler step their children by whole steps"));
        if (!etaOk || !itersOk || !p.ok("T_0", "T_mult")) {
            return Optional.empty();
        }
        long iters = p.has("iters_per_epoch") ? p.integer("iters_per_epoch") : 0;
        return Optional.of(new CosineAnnealingWarmRestarts(target.bases(), p.integer("T_0"), p.integer("T_mult"),
                p.number("eta_min"), iters));
    }

    @Override
    public double at(long t, double base) {
        double epoch = itersPerEpoch == 0 ? t : Math.max(0, t - 1) / (double) itersPerEpoch;
        long whole = (long) Math.floor(epoch);
        long start;
        long length = t0;
        if (tMult == 1) {
            start = whole - whole % t0;
        } else {
            start = 0;
            while (whole - start >= length) {
                start += length;
                length = length > Long.MAX_VALUE / tMult ? Long.MAX_VALUE : length * tMult;
            }
        }
        double tCur = epoch - start;
        return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * tCur / length)) / 2;
    }
}
