package org.lracademy.rangetest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs one range test: walks the ladder, trains one step per rung, records the loss, smooths it, and stops at
 * the first non-finite loss, on divergence, on cancellation or after the last rung. The analysis of the
 * recorded curve is part of the result.
 */
public final class RangeTestSweep {

    private final SweepPlan plan;

    public RangeTestSweep(SweepPlan plan) {
        this.plan = plan;
    }

    /**
     * Runs the sweep on the calling thread.
     *
     * @param trainer trains the steps; see its contract on isolation
     * @param listener receives every recorded point as it happens
     * @param cancelled polled before every step; once it answers true, the sweep ends with {@code cancelled}
     */
    public RangeTestResult run(StepTrainer trainer, SweepListener listener, BooleanSupplier cancelled) {
        double[] ladder = plan.ladder();
        LossSmoother smoother = new LossSmoother(plan.analysis().beta());
        StopRule rule = new StopRule(plan.analysis().divergeThreshold());
        List<SweepPoint> points = new ArrayList<>();
        Stop stop = new Stop(-1, StopReason.COMPLETED);

        for (int step = 0; step < ladder.length; step++) {
            // Cancellation is honoured between steps, never inside one.
            if (cancelled.getAsBoolean()) {
                stop = new Stop(points.size() - 1, StopReason.CANCELLED);
                break;
            }

            // Train, then decide whether this step yields a point and which loss it records.
            double loss = trainer.step(ladder[step]);
            if (Double.isFinite(loss) && plan.lossSource() == LossSource.VALIDATION) {
                boolean due = (step + 1) % plan.validateEvery() == 0 || step == ladder.length - 1;
                if (!due) {
                    continue;
                }
                loss = trainer.validationLoss();
            }

            // Record and publish the point before judging it, so a listener also sees the point that stops us.
            double smoothed = smoother.add(loss);
            SweepPoint point = SweepPoint.of(step, ladder[step], loss, smoothed);
            points.add(point);
            listener.onPoint(point);

            Optional<StopReason> reason = rule.observe(loss, smoothed);
            if (reason.isPresent()) {
                stop = new Stop(points.size() - 1, reason.get());
                break;
            }
            stop = new Stop(points.size() - 1, StopReason.COMPLETED);
        }
        return RangeTestResult.of(points, stop, plan);
    }
}
