package org.lracademy.schedule;

import static org.lracademy.schedule.ParamInfo.Type.INTEGER_LIST;
import static org.lracademy.schedule.ParamInfo.Type.NUMBER;

import java.util.Optional;

/**
 * {@code torch.optim.lr_scheduler.MultiStepLR}: the rate is multiplied by {@code gamma} at each milestone.
 * Surprise: PyTorch keeps the milestones as a multiset, so a milestone listed twice decays by gamma squared;
 * that is kept. A milestone 0 would never apply in PyTorch's recursive form, so milestones start at 1.
 */
record MultiStepLR(double[] bases, long[] milestones, double gamma) implements ClosedForm, Chainable {

    static final SchedulerInfo INFO = new SchedulerInfo("MultiStepLR",
            "Multiplies the rate by gamma at each milestone step; a milestone listed twice decays twice.",
            CommonParams.withLastEpoch(
                    ParamInfo.required("milestones", INTEGER_LIST,
                            "The steps at which the rate decays, in non-decreasing order.")
                            .atLeast(1).atMost(CommonParams.INT_MAX),
                    ParamInfo.optional("gamma", NUMBER, 0.1, "The factor of each decay.").above(0)));

    static Optional<LrSchedule> build(Params p, Families.Target target) {
        if (!p.ok("milestones", "gamma")) {
            return Optional.empty();
        }
        long[] milestones = p.integers("milestones");
        for (int i = 1; i < milestones.length; i++) {
            if (!p.checks().require(milestones[i] >= milestones[i - 1], p.field("milestones") + "[" + i + "]",
                    milestones[i], "must not be below the milestone before it (" + milestones[i - 1] + ")")) {
                return Optional.empty();
            }
        }
        return Optional.of(new MultiStepLR(target.bases(), milestones, p.number("gamma")));
    }

    @Override
    public double at(long t, double base) {
        return base * Math.pow(gamma, passed(t));
    }

    @Override
    public double next(long t, double current, double base) {
        long hits = t == 0 ? 0 : passed(t) - passed(t - 1);
        return hits == 0 ? current : current * Math.pow(gamma, hits);
    }

    /** How many milestones (with repetitions) are at or before step t; the milestones are sorted. */
    private int passed(long t) {
        int low = 0;
        int high = milestones.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (milestones[mid] <= t) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
