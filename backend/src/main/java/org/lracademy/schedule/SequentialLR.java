package org.lracademy.schedule;

import static org.lracademy.schedule.ParamInfo.Type.INTEGER_LIST;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code torch.optim.lr_scheduler.SequentialLR}: child {@code k} runs from milestone {@code k - 1} on, with its
 * clock restarted at 0 and from the shared base rate. Surprises: a cosine after a warm-up starts at the base rate
 * whatever the warm-up reached, so a milestone before the warm-up's end makes the rate jump; a milestone 0
 * misbehaves in PyTorch, so milestones must be strictly increasing and at least 1.
 */
final class SequentialLR implements LrSchedule, Ending {

    static final SchedulerInfo INFO = new SchedulerInfo("SequentialLR",
            "Runs its child schedulers one after the other: child k takes over at milestone k-1, restarting its "
                    + "own step count at 0 from the base rate.",
            CommonParams.withLastEpoch(
                    CommonParams.SCHEDULERS,
                    ParamInfo.required("milestones", INTEGER_LIST, "The steps at which the next child takes over: "
                            + "one fewer than the children, strictly increasing.")
                            .atLeast(1).atMost(CommonParams.INT_MAX)));

    private final List<LrSchedule> children;
    private final long[] milestones;

    private SequentialLR(List<LrSchedule> children, long[] milestones) {
        this.children = List.copyOf(children);
        this.milestones = milestones.clone();
    }

    static Optional<LrSchedule> build(Params p, Families.Target target) {
        Optional<List<LrSchedule>> children = Families.children(p, target.as(Families.Role.SEQUENTIAL_CHILD));
        if (!p.ok("milestones") || !p.ok("schedulers")) {
            return Optional.empty();
        }
        long[] milestones = p.integers("milestones");
        int expected = p.children("schedulers").size() - 1;
        boolean ok = p.checks().require(milestones.length == expected, p.field("milestones"), milestones.length
                + " milestones", "must hold one milestone fewer than schedulers (" + expected + ")");
        for (int i = 1; i < milestones.length; i++) {
            ok &= p.checks().require(milestones[i] > milestones[i - 1], p.field("milestones") + "[" + i + "]",
                    milestones[i], "must be greater than the milestone before it (" + milestones[i - 1] + ")");
        }
        return ok && children.isPresent() ? Optional.of(new SequentialLR(children.get(), milestones))
                : Optional.empty();
    }

    @Override
    public double lr(long step, int group) {
        int k = 0;
        while (k < milestones.length && milestones[k] <= step) {
            k++;
        }
        long start = k == 0 ? 0 : milestones[k - 1];
        return children.get(k).lr(step - start, group);
    }

    @Override
    public int groups() {
        return children.get(0).groups();
    }

    /** Where a milestone ends a LinearLR before its factor has finished moving, so that the rate jumps. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (int k = 0; k < milestones.length; k++) {
            long start = k == 0 ? 0 : milestones[k - 1];
            if (children.get(k) instanceof LinearLR linear && linear.totalIters() > milestones[k] - start) {
                notes.add("Milestone " + milestones[k] + " ends schedulers[" + k + "] (LinearLR, total_iters "
                        + linear.totalIters() + ") after " + (milestones[k] - start) + " steps, before its factor "
                        + "reaches end_factor: the rate jumps at step " + milestones[k] + ".");
            }
        }
        return notes;
    }

    @Override
    public Optional<AfterEnd> afterEnd() {
        return Families.lastAfterEnd(children);
    }
}
