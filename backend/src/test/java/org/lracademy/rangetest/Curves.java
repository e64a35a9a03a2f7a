package org.lracademy.rangetest;

import java.util.function.DoubleUnaryOperator;

/** Synthetic curves for the tests, built from closed-form formulas, independently of the code under test. */
final class Curves {

    private Curves() {
    }

    /** {@code n} rates from {@code a} to {@code b}, equally spaced in log10. */
    static double[] logSpaced(double a, double b, int n) {
        double[] lrs = new double[n];
        double la = Math.log10(a);
        double lb = Math.log10(b);
        for (int k = 0; k < n; k++) {
            lrs[k] = Math.pow(10, la + (lb - la) * k / (n - 1));
        }
        return lrs;
    }

    static double[] map(double[] lrs, DoubleUnaryOperator loss) {
        double[] out = new double[lrs.length];
        for (int i = 0; i < lrs.length; i++) {
            out[i] = loss.applyAsDouble(lrs[i]);
        }
        return out;
    }

    /** The U of the fault log: {@code (log10 η + 3)² + 1}, lowest at η = 1e-3. */
    static double u(double lr) {
        double x = Math.log10(lr) + 3;
        return x * x + 1;
    }

    static double[] constant(int n, double value) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, value);
        return out;
    }
}
