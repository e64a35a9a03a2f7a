package org.lracademy.rangetest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StopRuleTest {

    /** Where the rule stops an unsmoothed series, or -1 when it never does. */
    private static int stopIndex(double threshold, double... losses) {
        StopRule rule = new StopRule(threshold);
        for (int i = 0; i < losses.length; i++) {
            if (rule.observe(losses[i], losses[i]).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void positiveLossStopsOnlyWhenItPassesThresholdTimesBest() {
        assertEquals(-1, stopIndex(4, 2, 1, 1, 4));
        assertEquals(3, stopIndex(4, 2, 1, 1, 4.0001));
    }

    @Test
    void firstPointNeverStopsTheSweep() {
        assertEquals(-1, stopIndex(4, 1000));
    }

    @Test
    void negativeLossStopsWhenTheRiseExceedsThresholdMinusOneTimesTheBestsSize() {
        // best = −2, T = 4: the allowed rise is 3 · 2 = 6, so up to 4.
        assertEquals(-1, stopIndex(4, -1, -2, 3.9, 4));
        assertEquals(3, stopIndex(4, -1, -2, 3.9, 4.1));
    }

    @Test
    void zeroLossNeverStopsWhileItStaysAtZero() {
        assertEquals(-1, stopIndex(4, 0, 0, 0, 0));
        assertEquals(3, stopIndex(4, 1, 0, 0, 0.5));
    }

    @Test
    void thresholdZeroSwitchesTheDivergenceStopOff() {
        assertEquals(-1, stopIndex(0, 1, 100, 1e6));
    }

    @Test
    void nonFiniteLossStopsEvenWithTheDivergenceStopOff() {
        assertEquals(2, stopIndex(0, 1, 2, Double.NaN, 1));
        assertEquals(1, stopIndex(4, 1, Double.POSITIVE_INFINITY));
    }
}
