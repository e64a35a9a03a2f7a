package org.lracademy.rangetest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a range test produced: the recorded points, how the sweep was set up, and the analysis of the curve
 * (smoothed series, stop, suggestions, recommended range, diagnosis).
 *
 * @param lossSource which loss the points hold
 * @param analysis the analysis of the recorded points; its {@code stop} is the sweep's own stop
 */
public record RangeTestResult(List<SweepPoint> points, @JsonProperty("loss_source") LossSource lossSource,
        @JsonProperty("start_lr") double startLr, @JsonProperty("end_lr") double endLr,
        @JsonProperty("num_iter") int numIter, RangeTestAnalysis analysis) {

    static RangeTestResult of(List<SweepPoint> points, Stop stop, SweepPlan plan) {
        double[] lrs = new double[points.size()];
        double[] losses = new double[points.size()];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = points.get(i).lr();
            Double loss = points.get(i).loss();
            losses[i] = loss == null ? Double.NaN : loss;
        }
        RangeTestAnalysis analysis = RangeTestAnalyzer.analyse(lrs, losses, plan.analysis(), stop);
        return new RangeTestResult(List.copyOf(points), plan.lossSource(), plan.startLr(), plan.endLr(),
                plan.numIter(), analysis);
    }
}
