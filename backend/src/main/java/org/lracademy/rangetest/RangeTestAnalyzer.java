package org.lracademy.rangetest;

import java.util.Map;
import java.util.Optional;

/**
 * Analyses a recorded range-test curve: smooths it, finds where the stop rule ends it, suggests learning rates
 * from the usable part, recommends a range and diagnoses the raw curve. The curve may come from this product's
 * sweep or from any other tool, as long as the rates increase.
 */
public final class RangeTestAnalyzer {

    private RangeTestAnalyzer() {
    }

    /**
     * Analyses a curve.
     *
     * @param lrs strictly increasing rates, positive in exponential mode
     * @param losses the raw loss at each rate; NaN or infinite where it was not finite
     */
    public static RangeTestAnalysis analyse(double[] lrs, double[] losses, AnalysisSettings settings) {
        return analyse(lrs, losses, settings, new Stop(lrs.length - 1, StopReason.COMPLETED));
    }

    /**
     * Analyses the curve of a sweep that ended as {@code sweepStop} says; a cancelled sweep keeps its reason,
     * any other ending is recomputed from the data by the same rule the sweep applied.
     */
    static RangeTestAnalysis analyse(double[] lrs, double[] losses, AnalysisSettings settings, Stop sweepStop) {
        if (lrs.length != losses.length) {
            throw new IllegalArgumentException("lrs and losses differ in length: " + lrs.length + " and "
                    + losses.length);
        }
        double[] smoothed = LossSmoother.smooth(losses, settings.beta());
        Stop stop = sweepStop.reason() == StopReason.CANCELLED ? sweepStop : stop(losses, smoothed, settings);
        int last = stop.reason() == StopReason.NON_FINITE_LOSS ? stop.index() - 1 : stop.index();

        DescentWindow window = new DescentWindow(lrs, losses, smoothed, last, settings);
        Map<String, Suggestion> suggestions = Suggestions.all(window, settings.mode());
        SuggestedRange range = RangeRule.of(window, suggestions);
        Diagnosis diagnosis = CurveDiagnosis.diagnose(losses, null);
        return new RangeTestAnalysis(Numbers.toList(smoothed), stop, suggestions, Suggestions.VALLEY, range,
                diagnosis, dropped(losses, stop, last, settings));
    }

    /** Where the stop rule ends the curve: the first point at which it fires, else the last point. */
    static Stop stop(double[] losses, double[] smoothed, AnalysisSettings settings) {
        StopRule rule = new StopRule(settings.divergeThreshold());
        for (int i = 0; i < losses.length; i++) {
            Optional<StopReason> reason = rule.observe(losses[i], smoothed[i]);
            if (reason.isPresent()) {
                return new Stop(i, reason.get());
            }
        }
        return new Stop(losses.length - 1, StopReason.COMPLETED);
    }

    private static Dropped dropped(double[] losses, Stop stop, int last, AnalysisSettings settings) {
        int nonFinite = 0;
        for (double loss : losses) {
            if (!Double.isFinite(loss)) {
                nonFinite++;
            }
        }
        int usable = last + 1;
        int skippedStart = Math.min(settings.skipStart(), usable);
        int skippedEnd = Math.min(settings.skipEnd(), usable - skippedStart);
        return new Dropped(nonFinite, losses.length - 1 - stop.index(), skippedStart, skippedEnd,
                usable - skippedStart - skippedEnd);
    }
}
