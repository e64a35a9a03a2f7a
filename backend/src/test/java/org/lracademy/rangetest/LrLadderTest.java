package org.lracademy.rangetest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LrLadderTest {

    /** The cube root of 10: (1 / 1e-3)^(1/9) = 10^(3/9). */
    private static final double CUBE_ROOT_OF_TEN = 2.154434690031884;

    @Test
    void exponentialLadderHasExactEndsAndOneConstantRatio() {
        double[] lrs = LrLadder.of(SweepMode.EXP, 1e-3, 1, 10);

        assertEquals(10, lrs.length);
        assertEquals(1e-3, lrs[0], 0.0);
        assertEquals(1.0, lrs[9], 0.0);
        for (int k = 1; k < lrs.length; k++) {
            assertEquals(CUBE_ROOT_OF_TEN, lrs[k] / lrs[k - 1], 1e-12, "ratio of rung " + k);
        }
    }

    @Test
    void linearLadderHasExactEndsAndEqualGaps() {
        double[] lrs = LrLadder.of(SweepMode.LINEAR, 1e-3, 1, 10);

        assertEquals(1e-3, lrs[0], 0.0);
        assertEquals(1.0, lrs[9], 0.0);
        for (int k = 1; k < lrs.length; k++) {
            assertEquals(0.111, lrs[k] - lrs[k - 1], 1e-12, "gap of rung " + k);
        }
    }

    @Test
    void fourStepExponentialLadderVisitsEveryDecade() {
        double[] lrs = LrLadder.of(SweepMode.EXP, 1e-3, 1, 4);

        assertArrayEquals(new double[] {1e-3, 1e-2, 1e-1, 1}, lrs, 1e-15);
        assertEquals(1e-3, lrs[0], 0.0);
        assertEquals(1.0, lrs[3], 0.0);
    }

    @Test
    void twoStepLadderIsJustTheEnds() {
        assertArrayEquals(new double[] {0.5, 2}, LrLadder.of(SweepMode.EXP, 0.5, 2, 2), 0.0);
    }

    @Test
    void ladderRejectsReversedOrNonPositiveBoundsAndSingleSteps() {
        assertThrows(IllegalArgumentException.class, () -> LrLadder.of(SweepMode.EXP, 1, 1e-3, 10));
        assertThrows(IllegalArgumentException.class, () -> LrLadder.of(SweepMode.EXP, 0, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> LrLadder.of(SweepMode.LINEAR, 1e-3, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> LrLadder.of(SweepMode.EXP, 1e-3, Double.POSITIVE_INFINITY, 10));
    }
}
