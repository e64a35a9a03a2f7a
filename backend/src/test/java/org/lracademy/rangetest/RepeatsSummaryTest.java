package org.lracademy.rangetest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatsSummaryTest {

    private static final AnalysisSettings RAW = new AnalysisSettings(SweepMode.EXP, 0, 0, 0, 0);

    @Test
    void constantRunsGiveTheirMedianQuartilesAndExtremes() {
        double[] lrs = Curves.logSpaced(1e-5, 1, 20);
        RepeatsSummary summary = RepeatsSummary.of(lrs, List.of(Curves.constant(20, 1), Curves.constant(20, 3),
                Curves.constant(20, 2)), AnalysisSettings.defaults());

        assertEquals(2.0, summary.median().get(7), 0.0);
        assertEquals(1.5, summary.q1().get(7), 0.0);
        assertEquals(2.5, summary.q3().get(7), 0.0);
        assertEquals(1.0, summary.min().get(19), 0.0);
        assertEquals(3.0, summary.max().get(0), 0.0);
        assertEquals(3, summary.count().get(19));
        assertEquals(0, summary.suggestionSpread().get("valley").count());
    }

    @Test
    void runsThatStopEarlyStopContributing() {
        double[] lrs = Curves.logSpaced(1e-5, 1, 20);
        double[] stopped = Curves.constant(20, 1);
        stopped[10] = Double.NaN;

        RepeatsSummary summary = RepeatsSummary.of(lrs, List.of(Curves.constant(20, 2), stopped), RAW);

        assertEquals(1.5, summary.median().get(9), 0.0);
        assertEquals(2.0, summary.median().get(12), 0.0);
        assertEquals(1, summary.count().get(12));
    }

    @Test
    void finishedSweepsAreSummarisedOnTheLadderOfTheLongest() {
        SweepPlan plan = JsonSpecs.read("{\"num_iter\":30}", RangeTestOptions.class).plan();
        RangeTestResult full = new RangeTestSweep(plan).run(new RangeTestSweepTest.LandscapeTrainer(lr -> 2),
                p -> { }, () -> false);
        RangeTestResult nan = new RangeTestSweep(plan).run(new RangeTestSweepTest.LandscapeTrainer(
                lr -> lr > 1 ? Double.NaN : 1), p -> { }, () -> false);

        RepeatsSummary summary = RepeatsSummary.ofResults(List.of(nan, full), plan.analysis());

        // Rates above 1 start at step 26 of 30: 8·26/29 = 7.17 > 7 > 8·25/29 = 6.90. Before it both runs count.
        assertEquals(30, summary.median().size());
        assertEquals(1.5, summary.median().get(25), 0.0);
        assertEquals(2.0, summary.median().get(26), 0.0);
        assertEquals(1, summary.count().get(29));
    }

    @Test
    void valleySpreadFollowsTheShiftOfTheCurves() {
        // Ten rates per decade; the runs are the same U shifted by one and two decades to the left.
        double[] lrs = Curves.logSpaced(1e-6, 1, 61);
        List<double[]> runs = List.of(1.0, 10.0, 100.0).stream()
                .map(c -> Curves.map(lrs, lr -> Curves.u(lr * c))).toList();

        RepeatsSummary.Spread valley = RepeatsSummary.of(lrs, runs, RAW).suggestionSpread().get("valley");

        // Minima at indices 30, 20, 10, losses at index 0 of 10, 5 and 2 (drops 9, 4 and 1). The falls proper start
        // where a tenth of the drop is covered, x² ≤ 8.1, 3.6 and 0.9: at indices 2, 2 and 1. Falls of lengths 28,
        // 18 and 9 give valleys at 2 + 9 + 4 = 15, 2 + 6 + 3 = 11 and 1 + 3 + 1 = 5: 10^−4.5, 10^−4.9 and 10^−5.5.
        assertEquals(3, valley.count());
        assertEquals(Math.pow(10, -5.5), valley.min(), 1e-18);
        assertEquals(Math.pow(10, -4.9), valley.median(), 1e-17);
        assertEquals(Math.pow(10, -4.5), valley.max(), 1e-16);
        assertEquals(Math.pow(10, 1.0), valley.ratio(), 1e-9);
    }
}
