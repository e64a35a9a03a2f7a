package org.lracademy.rangetest;

/**
 * The learning rates of a sweep. Step {@code k} of {@code N} uses {@code a·(b/a)^(k/(N−1))} in exponential
 * mode and {@code a + k·(b−a)/(N−1)} in linear mode: the first step uses exactly {@code a}, the last exactly
 * {@code b}, and every rung has the same ratio (or gap) as the others.
 */
public final class LrLadder {

    private LrLadder() {
    }

    /**
     * All {@code steps} rates from {@code start} to {@code end}.
     *
     * @throws IllegalArgumentException unless {@code 0 < start < end}, both finite, and {@code steps >= 2}
     */
    public static double[] of(SweepMode mode, double start, double end, int steps) {
        if (!(start > 0 && start < end && Double.isFinite(end)) || steps < 2) {
            throw new IllegalArgumentException("a ladder needs 0 < start < end and at least 2 steps; got start = "
                    + start + ", end = " + end + ", steps = " + steps);
        }
        double[] lrs = new double[steps];
        int last = steps - 1;
        for (int k = 0; k < steps; k++) {
            double fraction = (double) k / last;
            lrs[k] = mode == SweepMode.EXP ? start * Math.pow(end / start, fraction)
                    : start + k * ((end - start) / last);
        }
        // The formulas reach both ends in exact arithmetic; pin them so rounding cannot move them.
        lrs[0] = start;
        lrs[last] = end;
        return lrs;
    }
}
