package org.lracademy.rangetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CurveDiagnosisTest {

    private static double[] series(int n, java.util.function.IntToDoubleFunction f) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = f.applyAsDouble(k);
        }
        return out;
    }

    @Test
    void geometricDecayIsConvergingWithItsExactLogSlope() {
        Diagnosis d = CurveDiagnosis.diagnose(series(100, k -> 2 * Math.pow(0.97, k)), null);

        assertEquals(Verdict.CONVERGING, d.verdict());
        // Head and tail are the means of ten terms 90 steps apart: their ratio is 0.97^90.
        assertEquals(1 - Math.pow(0.97, 90), d.relativeDrop(), 1e-12);
        assertEquals(Math.log(0.97), d.tailLogSlope(), 1e-12);
        assertEquals(0.0, d.signChangeFraction(), 0.0);
        assertNull(d.nonFiniteIndex());
    }

    @Test
    void stepsScaleTheTailSlope() {
        Diagnosis d = CurveDiagnosis.diagnose(series(100, k -> 2 * Math.pow(0.97, k)), series(100, k -> 10 * k));

        assertEquals(Math.log(0.97) / 10, d.tailLogSlope(), 1e-12);
    }

    @Test
    void risingLossIsDiverging() {
        Diagnosis d = CurveDiagnosis.diagnose(series(100, k -> 1 + 0.01 * k), null);

        assertEquals(Verdict.DIVERGING, d.verdict());
        // Head = mean(1.00 … 1.09) = 1.045, tail = mean(1.90 … 1.99) = 1.945.
        assertEquals((1.045 - 1.945) / 1.045, d.relativeDrop(), 1e-12);
    }

    @Test
    void lossThatBlowsUpLateIsDivergingThoughBelowItsStart() {
        Diagnosis d = CurveDiagnosis.diagnose(series(100, k -> k < 80 ? 2 * Math.pow(0.97, k)
                : 2 * Math.pow(0.97, 79) * Math.pow(1.1, k - 79)), null);

        assertEquals(Verdict.DIVERGING, d.verdict());
    }

    @Test
    void nonFiniteLossIsDivergingAtItsIndex() {
        Diagnosis d = CurveDiagnosis.diagnose(series(20, k -> k == 7 ? Double.NaN : 2 - 0.01 * k), null);

        assertEquals(Verdict.DIVERGING, d.verdict());
        assertEquals(7, d.nonFiniteIndex());
        assertEquals(20, d.points());
    }

    @Test
    void flatLossIsTooSlow() {
        Diagnosis d = CurveDiagnosis.diagnose(Curves.constant(50, 2.3), null);

        assertEquals(Verdict.TOO_SLOW, d.verdict());
        assertEquals(0.0, d.relativeDrop(), 0.0);
    }

    @Test
    void lossJumpingUpAndDownIsOscillating() {
        Diagnosis d = CurveDiagnosis.diagnose(series(60, k -> 2 - 0.001 * k + (k % 2 == 0 ? 0.5 : -0.5)), null);

        assertEquals(Verdict.OSCILLATING, d.verdict());
        assertEquals(1.0, d.signChangeFraction(), 0.0);
    }

    @Test
    void negativeLossesAreJudgedWithoutLogarithms() {
        Diagnosis d = CurveDiagnosis.diagnose(series(20, k -> -k), null);

        // Head = mean(0, −1) = −0.5, tail = mean(−18, −19) = −18.5: a fall of 18 against |−0.5|.
        assertEquals(Verdict.CONVERGING, d.verdict());
        assertEquals(36.0, d.relativeDrop(), 1e-12);
        assertNull(d.tailLogSlope());
    }

    @Test
    void threePointsAreTooFewToJudge() {
        Diagnosis d = CurveDiagnosis.diagnose(new double[] {3, 2, 1}, null);

        assertNull(d.verdict());
        assertEquals(Suggestion.INSUFFICIENT_POINTS, d.status());
    }
}
