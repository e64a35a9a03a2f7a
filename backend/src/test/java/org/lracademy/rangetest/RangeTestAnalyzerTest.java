package org.lracademy.rangetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RangeTestAnalyzerTest {

    private static final AnalysisSettings RAW_NO_SKIPS = new AnalysisSettings(SweepMode.EXP, 0, 0, 0, 0);

    /** The fault log's curve: a U in log-LR from 1e-7 to 10 over 100 steps, NaN above a rate of 1. */
    static double[] uWithNanAboveOne(double[] lrs) {
        return Curves.map(lrs, lr -> lr > 1 ? Double.NaN : Curves.u(lr));
    }

    /** Every suggestion is finite, inside [first, limit) and where the smoothed loss falls. */
    private static void assertSuggestionsLeftOf(RangeTestAnalysis analysis, double[] lrs, double limit) {
        analysis.suggestions().forEach((method, s) -> {
            assertTrue(s.present(), method + " has a suggestion: " + s);
            assertTrue(Double.isFinite(s.lr()) && Double.isFinite(s.loss()), method);
            assertTrue(s.lr() >= lrs[0] && s.lr() < limit, method + " at " + s.lr() + " lies left of " + limit);
            if (s.index() != null) {
                int i = s.index();
                assertTrue(analysis.smoothed().get(i + 1) < analysis.smoothed().get(i), method + " is on a fall");
            }
        });
    }

    @Test
    void nanAtTheHighRatesIsCutOffBeforeAnySuggestion() {
        double[] lrs = Curves.logSpaced(1e-7, 10, 100);
        double[] losses = uWithNanAboveOne(lrs);

        RangeTestAnalysis analysis = RangeTestAnalyzer.analyse(lrs, losses, AnalysisSettings.defaults()
                .withThreshold(0));

        // 1e-7 · 10^(8k/99) > 1 first for k = 87 (8·87/99 = 7.03); points 87..99 are NaN.
        assertEquals(new Stop(87, StopReason.NON_FINITE_LOSS), analysis.stop());
        assertEquals(13, analysis.dropped().nonFinite());
        assertEquals(12, analysis.dropped().afterStop());
        assertNull(analysis.smoothed().get(87));
        assertSuggestionsLeftOf(analysis, lrs, lrs[87]);
    }

    @Test
    void nanCurveWithTheDefaultStopStillSuggestsLeftOfTheFirstNan() {
        double[] lrs = Curves.logSpaced(1e-7, 10, 100);

        RangeTestAnalysis analysis = RangeTestAnalyzer.analyse(lrs, uWithNanAboveOne(lrs),
                AnalysisSettings.defaults());

        assertTrue(analysis.stop().index() <= 87, "stops no later than the first NaN: " + analysis.stop());
        assertSuggestionsLeftOf(analysis, lrs, lrs[87]);
    }

    @Test
    void uShapedCurveGetsSuggestionsOnlyOnItsFallingArm() {
        double[] lrs = Curves.logSpaced(1e-6, 1, 100);
        double[] losses = Curves.map(lrs, Curves::u);

        RangeTestAnalysis analysis = RangeTestAnalyzer.analyse(lrs, losses, AnalysisSettings.defaults()
                .withThreshold(0));

        // The raw loss is lowest at k = 49 (log10 η = −6 + 6·49/99 = −3.03), its derivative 2(log10 η + 3) is
        // negative for every η below 1e-3.
        assertSuggestionsLeftOf(analysis, lrs, lrs[49]);
        analysis.suggestions().values().forEach(s -> assertTrue(s.lr() < 1e-3));
    }

    @Test
    void noisyUShapedCurvesNeverGetASuggestionOnTheRisingArm() {
        double[] lrs = Curves.logSpaced(1e-6, 1, 100);
        for (long seed = 0; seed < 20; seed++) {
            Random random = new Random(seed);
            double[] losses = Curves.map(lrs, lr -> Curves.u(lr) * (1 + 0.3 * random.nextGaussian()));
            RangeTestAnalysis analysis = RangeTestAnalyzer.analyse(lrs, losses, AnalysisSettings.defaults()
                    .withThreshold(0));

            int lowest = 10;
            for (int i = 10; i <= 94; i++) {
                if (analysis.smoothed().get(i) < analysis.smoothed().get(lowest)) {
                    lowest = i;
                }
            }
            double limit = lrs[lowest];
            analysis.suggestions().values().stream().filter(Suggestion::present)
                    .forEach(s -> assertTrue(s.lr() < limit, "left of the smoothed minimum"));
        }
    }

    @Test
    void randomCurvesNeverBreakTheAnalysisNorItsPromises() {
        Random random = new Random(42);
        for (int trial = 0; trial < 500; trial++) {
            int n = 2 + random.nextInt(200);
            double[] lrs = new double[n];
            double[] losses = new double[n];
            double lr = Math.pow(10, -8 + 4 * random.nextDouble());
            for (int i = 0; i < n; i++) {
                lr *= 1 + random.nextDouble();
                lrs[i] = lr;
                losses[i] = random.nextInt(40) == 0 ? Double.NaN : 10 * random.nextGaussian() - 3 * random.nextInt(3);
            }
            int skipStart = random.nextInt(Math.max(1, n / 2));
            int skipEnd = random.nextInt(n - skipStart - 1);
            AnalysisSettings settings = new AnalysisSettings(random.nextBoolean() ? SweepMode.EXP : SweepMode.LINEAR,
                    random.nextDouble() * 0.99, random.nextBoolean() ? 0 : 1 + 10 * random.nextDouble(), skipStart,
                    skipEnd);

            RangeTestAnalysis analysis = RangeTestAnalyzer.analyse(lrs, losses, settings);

            int firstNan = 0;
            while (firstNan < n && Double.isFinite(losses[firstNan])) {
                firstNan++;
            }
            double limit = firstNan < n ? lrs[firstNan] : Double.POSITIVE_INFINITY;
            for (Suggestion s : analysis.suggestions().values()) {
                if (s.present()) {
                    assertTrue(s.lr() >= lrs[0] && s.lr() <= lrs[n - 1] && s.lr() < limit, "trial " + trial);
                    assertTrue(Double.isFinite(s.loss()), "trial " + trial);
                }
            }
        }
    }

    @Test
    void flatCurveGetsNoClearDescentInsteadOfItsLeftEdge() {
        double[] lrs = Curves.logSpaced(1e-7, 10, 100);

        RangeTestAnalysis analysis = RangeTestAnalyzer.analyse(lrs, Curves.constant(100, 2.3026),
                AnalysisSettings.defaults());

        assertEquals(new Stop(99, StopReason.COMPLETED), analysis.stop());
        analysis.suggestions().values().forEach(s -> {
            assertEquals(Suggestion.NO_CLEAR_DESCENT, s.status());
            assertNull(s.lr());
        });
        assertEquals(Suggestion.NO_CLEAR_DESCENT, analysis.range().status());
        assertNull(analysis.range().upper());
    }

    @Test
    void dropBelowOnePercentCountsAsFlat() {
        double[] lrs = Curves.logSpaced(1e-7, 10, 100);
        double[] losses = Curves.map(lrs, lr -> 2.0 - 0.019 * (Math.log10(lr) + 7) / 8);

        RangeTestAnalysis analysis = RangeTestAnalyzer.analyse(lrs, losses, RAW_NO_SKIPS);

        // The whole fall is 0.019, below 1 % of 2.0.
        assertEquals(Suggestion.NO_CLEAR_DESCENT, analysis.suggestions().get("steep").status());
    }

    @Test
    void divergenceAtTheThirdStepLeavesTooFewPointsForASuggestion() {
        double[] lrs = Curves.logSpaced(1e-7, 10, 100);
        double[] losses = Curves.constant(100, 50);
        losses[0] = 1;
        losses[1] = 1;
        losses[2] = 1;

        RangeTestAnalysis analysis = RangeTestAnalyzer.analyse(lrs, losses, AnalysisSettings.defaults());

        // Smoothed at step 3: 1 + w·49 with w = 0.02 / (1 − 0.98⁴) = 0.2576, far above 4 × 1.
        assertEquals(new Stop(3, StopReason.DIVERGED), analysis.stop());
        analysis.suggestions().values().forEach(s -> assertEquals(Suggestion.INSUFFICIENT_POINTS, s.status()));
        assertEquals(Suggestion.INSUFFICIENT_POINTS, analysis.range().status());
        assertEquals(96, analysis.dropped().afterStop());
    }

    @Test
    void skipEndZeroKeepsTheLastPoint() {
        double[] lrs = Curves.logSpaced(1e-4, 1, 100);
        double[] losses = Curves.map(lrs, lr -> 5 - Math.log10(lr));

        RangeTestAnalysis keepAll = RangeTestAnalyzer.analyse(lrs, losses, RAW_NO_SKIPS.withSkips(10, 0));
        RangeTestAnalysis dropFive = RangeTestAnalyzer.analyse(lrs, losses, RAW_NO_SKIPS.withSkips(10, 5));

        assertEquals(1.0, keepAll.range().upper().lr(), 1e-12);
        assertEquals(lrs[94], dropFive.range().upper().lr(), 0.0);
        assertEquals(90, keepAll.dropped().used());
        assertTrue(keepAll.range().upper().rule().contains("still falling"));
    }

    @Test
    void steepestSegmentIsFoundAgainstLnLrInExpModeAndAgainstLrInLinearMode() {
        double[] lrs = {1, 1.1, 10, 20, 40};
        double[] losses = {5, 4.9, 3, 1, 2};

        // Slopes against ln η: −0.1/ln 1.1 = −1.05, −1.9/ln(10/1.1) = −0.86, −2/ln 2 = −2.89: steepest at 10.
        Suggestion exp = RangeTestAnalyzer.analyse(lrs, losses, RAW_NO_SKIPS).suggestions().get("steep");
        // Slopes against η: −0.1/0.1 = −1, −1.9/8.9 = −0.21, −2/10 = −0.2: steepest at 1.
        Suggestion linear = RangeTestAnalyzer.analyse(lrs, losses, RAW_NO_SKIPS.withMode(SweepMode.LINEAR))
                .suggestions().get("steep");

        assertEquals(10.0, exp.lr(), 0.0);
        assertEquals(1.0, linear.lr(), 0.0);
    }

    @Test
    void smallCurveGetsHandComputedSuggestionsAndRange() {
        double[] lrs = {1, 2, 4, 8, 16};
        double[] losses = {5, 4, 2, 1.5, 3};

        RangeTestAnalysis analysis = RangeTestAnalyzer.analyse(lrs, losses, RAW_NO_SKIPS);

        // Even spacing in ln η: falls of 1, 2, 0.5, so the steepest starts at 2.
        assertEquals(2.0, analysis.suggestions().get("steep").lr(), 0.0);
        // Longest decreasing run 5, 4, 2, 1.5 from index 0 to 3: L = 3, index 0 + 1 + 0 = 1.
        assertEquals(2.0, analysis.suggestions().get("valley").lr(), 0.0);
        // Lowest loss at 8; 8 / 10 lies below the first rate.
        assertEquals(Suggestion.OUT_OF_RANGE, analysis.suggestions().get("minimum").status());
        assertEquals(Suggestion.INSUFFICIENT_POINTS, analysis.suggestions().get("slide").status());
        // Drop 5 − 1.5 = 3.5; 10 % of it is reached first at 4.0 (index 1).
        assertEquals(2.0, analysis.range().lower().lr(), 0.0);
        assertEquals(8.0, analysis.range().upper().lr(), 0.0);
        assertEquals(1.5, analysis.range().upper().loss(), 0.0);
        assertEquals(2.0, analysis.range().cosineMax().lr(), 0.0);
    }

    @Test
    void minimumOverTenIsInterpolatedOnTheLogAxis() {
        double[] lrs = {1, 2, 4, 8, 16, 32, 64};
        double[] losses = {9, 8, 6, 3, 2, 1, 5};

        Suggestion minimum = RangeTestAnalyzer.analyse(lrs, losses, RAW_NO_SKIPS).suggestions().get("minimum");

        // 32 / 10 = 3.2 lies between 2 and 4: t = ln 1.6 / ln 2 = 0.678072, loss = 8 − 2t = 6.643856.
        assertEquals(3.2, minimum.lr(), 1e-12);
        assertEquals(6.643856, minimum.loss(), 1e-6);
        assertNull(minimum.index());
    }

    @Test
    void slideFindsTheStartOfTheSteadyFallOnALongDescent() {
        double[] lrs = Curves.logSpaced(1e-6, 1, 100);
        double[] losses = Curves.map(lrs, Curves::u);

        Suggestion slide = RangeTestAnalyzer.analyse(lrs, losses, RAW_NO_SKIPS).suggestions().get("slide");

        assertNotNull(slide.lr(), slide.toString());
        assertTrue(slide.lr() < 1e-3);
    }
}
