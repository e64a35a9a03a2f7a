package org.lracademy.rangetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LossSmootherTest {

    @Test
    void constantLossStaysExactlyConstantFromTheFirstStep() {
        double[] smoothed = LossSmoother.smooth(Curves.constant(20, 1.0), 0.98);

        for (int i = 0; i < smoothed.length; i++) {
            assertEquals(1.0, smoothed[i], 0.0, "step " + i);
        }
    }

    @Test
    void alternatingLossFollowsTheClosedFormOfTheCorrectedAverage() {
        double beta = 0.98;
        double[] losses = new double[20];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = i % 2 == 0 ? 1 : 2;
        }
        double[] smoothed = LossSmoother.smooth(losses, beta);

        // By hand: s1 = 1; s2 = (0.98·0.02·1 + 0.02·2) / (1 − 0.98²) = 0.0596 / 0.0396.
        assertEquals(1.0, smoothed[0], 0.0);
        assertEquals(0.0596 / 0.0396, smoothed[1], 1e-12);
        // In general s_n = Σ_j (1 − β) β^(n−j) ℓ_j / (1 − β^n), summed directly.
        for (int n = 1; n <= losses.length; n++) {
            double sum = 0;
            for (int j = 1; j <= n; j++) {
                sum += (1 - beta) * Math.pow(beta, n - j) * losses[j - 1];
            }
            assertEquals(sum / (1 - Math.pow(beta, n)), smoothed[n - 1], 1e-12, "step " + n);
        }
    }

    @Test
    void nonFiniteLossIsLeftOutOfTheAverage() {
        double[] smoothed = LossSmoother.smooth(new double[] {2, Double.POSITIVE_INFINITY, 4, Double.NaN}, 0.5);

        assertEquals(2.0, smoothed[0], 0.0);
        assertTrue(Double.isNaN(smoothed[1]));
        // The second finite loss: (0.5·0.5·2 + 0.5·4) / (1 − 0.25) = 2.5 / 0.75.
        assertEquals(2.5 / 0.75, smoothed[2], 1e-12);
        assertTrue(Double.isNaN(smoothed[3]));
    }

    @Test
    void zeroBetaReturnsTheRawLoss() {
        double[] raw = {3, 1, 4, 1, 5};
        double[] smoothed = LossSmoother.smooth(raw, 0);

        for (int i = 0; i < raw.length; i++) {
            assertEquals(raw[i], smoothed[i], 0.0);
        }
    }

    @Test
    void betaOutsideTheUnitIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LossSmoother(1));
        assertThrows(IllegalArgumentException.class, () -> new LossSmoother(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new LossSmoother(Double.NaN));
    }
}
