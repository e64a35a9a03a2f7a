package org.lracademy.schedule;


import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code torch.optim.lr_scheduler.ChainedScheduler}: every step, each child in order applies its recursive
 * update to the same rate. Surprise: the result is a product of the children's factors only when every cosine
 * has {@code eta_min = 0}; otherwise the cosine's affine update acts on a rate the others already changed, and
 * the rate can fall below {@code eta_min} (cosine T_max=10, eta_min=0.01 with exponential 0.95 gives 0.0095 at
 * step 10). This is the one schedule computed by PyTorch's recursion; children without a recursive form
 * (warm restarts, the Hugging Face cosine) overwrite the rate with their own value, as in PyTorch.
 *
 * <p>Evaluation walks forward from the last step asked for, per group, so asking for steps in order costs one
 * update per step; asking for an earlier step walks again from 0.
 */
final class ChainedScheduler implements LrSchedule, Ending {

    static final SchedulerInfo INFO = new SchedulerInfo("ChainedScheduler",
            "Applies every child's recursive update, in order, to the same rate at every step (PyTorch's "
                    + "chaining; not a product of closed forms when a cosine has eta_min > 0).",
            CommonParams.withLastEpoch(
                    CommonParams.SCHEDULERS));

    private final List<LrSchedule> children;
    private final double[] bases;
    private final long[] lastStep;
    private final double[] lastLr;

    private ChainedScheduler(List<LrSchedule> children, double[] bases) {
        this.children = List.copyOf(children);
        this.bases = bases.clone();
        this.lastStep = new long[bases.length];
        this.lastLr = new double[bases.length];
        Arrays.fill(lastStep, -1);
    }

    static Optional<LrSchedule> build(Params p, Families.Target target) {
        return Families.children(p, target.as(Families.Role.CHAINED_CHILD))
                .map(children -> new ChainedScheduler(children, target.bases()));
    }

    @Override
    public synchronized double lr(long step, int group) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be at least 0, got " + step);
        }
        if (step < lastStep[group]) {
            lastStep[group] = -1;
        }
        double lr = lastStep[group] < 0 ? bases[group] : lastLr[group];
        for (long t = lastStep[group] + 1; t <= step; t++) {
            for (LrSchedule child : children) {
                lr = child instanceof Chainable c ? c.next(t, lr, bases[group]) : child.lr(t, group);
            }
        }
        lastStep[group] = step;
        lastLr[group] = lr;
        return lr;
    }

    @Override
    public int groups() {
        return bases.length;
    }

    @Override
    public Optional<AfterEnd> afterEnd() {
        return Families.lastAfterEnd(children);
    }
}
