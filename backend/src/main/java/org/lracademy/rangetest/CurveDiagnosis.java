package org.lracademy.rangetest;

/**
 * Judges any loss curve (a training run, not only a range test) as diverging, oscillating, too slow or
 * converging, and returns the figures that led to the verdict. The rules are tried in that order.
 */
public final class CurveDiagnosis {

    /** Fewest finite points a curve needs to be judged. */
    public static final int MIN_POINTS = 4;

    /** Diverging when the tail ends at least this fraction above the head (10 % higher than it started). */
    static final double DIVERGING_RISE = 0.10;

    /** Diverging when the fit over the last quarter rises by at least this fraction, even if still below the head. */
    static final double DIVERGING_TAIL_RISE = 0.5;

    /** Oscillating needs consecutive differences to change sign at least this often (a steady fall has none). */
    static final double OSCILLATION_SIGN_CHANGES = 0.5;

    /** Oscillating needs steps in the tail to move the loss by at least this fraction of its starting size. */
    static final double OSCILLATION_MIN_SWING = 0.05;

    /** Oscillating needs the tail's swing to be at least this fraction of the overall relative drop. */
    static final double OSCILLATION_SWING_TO_DROP = 0.25;

    /** Too slow when the loss fell by less than this fraction of where it started. */
    static final double TOO_SLOW_DROP = 0.10;

    private CurveDiagnosis() {
    }

    /**
     * Diagnoses a curve.
     *
     * @param losses the loss at each point; NaN or infinite where it was not finite
     * @param steps the step of each point, strictly increasing, or {@code null} for 0, 1, 2, …
     */
    public static Diagnosis diagnose(double[] losses, double[] steps) {
        int n = 0;
        while (n < losses.length && Double.isFinite(losses[n])) {
            n++;
        }
        Integer nonFinite = n < losses.length ? n : null;
        if (n < MIN_POINTS) {
            return nonFinite != null
                    ? new Diagnosis(Verdict.DIVERGING, null, nonFiniteReason(n), losses.length, nonFinite,
                            null, null, null, null, null, null, null)
                    : new Diagnosis(null, Suggestion.INSUFFICIENT_POINTS, "at least " + MIN_POINTS
                            + " finite points are needed to judge a curve", losses.length, null, null, null, null,
                            null, null, null, null);
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = steps == null ? i : steps[i];
        }

        // Where the curve started and ended, and how far it fell, relative to where it started.
        int edge = Math.max(1, n / 10);
        double head = mean(losses, 0, edge);
        double tail = mean(losses, n - edge, n);
        double scale = head != 0 ? Math.abs(head) : Math.abs(tail);
        double relativeDrop = scale == 0 ? 0 : (head - tail) / scale;

        // The trend of the last quarter, in log space when every loss there is positive.
        int tailFrom = n - Math.max(3, n / 4);
        boolean positive = true;
        for (int i = tailFrom; i < n; i++) {
            positive &= losses[i] > 0;
        }
        double span = x[n - 1] - x[tailFrom];
        Double tailLogSlope = null;
        double tailChange;
        if (positive) {
            double[] logs = new double[n];
            for (int i = tailFrom; i < n; i++) {
                logs[i] = Math.log(losses[i]);
            }
            tailLogSlope = slope(x, logs, tailFrom, n);
            tailChange = Math.expm1(tailLogSlope * span);
        } else {
            tailChange = scale == 0 ? 0 : slope(x, losses, tailFrom, n) * span / scale;
        }

        // How jagged the curve is: sign changes of its differences, and the size of its steps near the end.
        double signChanges = signChangeFraction(losses, n);
        double swing = 0;
        for (int i = tailFrom; i < n - 1; i++) {
            swing += Math.abs(losses[i + 1] - losses[i]);
        }
        double tailSwing = scale == 0 ? 0 : swing / (n - 1 - tailFrom) / scale;

        Verdict verdict;
        String reason;
        if (nonFinite != null) {
            verdict = Verdict.DIVERGING;
            reason = nonFiniteReason(n);
        } else if (relativeDrop <= -DIVERGING_RISE || tailChange >= DIVERGING_TAIL_RISE) {
            verdict = Verdict.DIVERGING;
            reason = relativeDrop <= -DIVERGING_RISE
                    ? "the loss ended " + percent(-relativeDrop) + " above where it started"
                    : "the loss rose by " + percent(tailChange) + " over the last quarter of the curve";
        } else if (signChanges >= OSCILLATION_SIGN_CHANGES && tailSwing >= OSCILLATION_MIN_SWING
                && tailSwing >= OSCILLATION_SWING_TO_DROP * Math.max(relativeDrop, 0)) {
            verdict = Verdict.OSCILLATING;
            reason = "the loss changes direction at " + percent(signChanges) + " of the steps and moves by "
                    + percent(tailSwing) + " of its starting size per step near the end, against an overall fall of "
                    + percent(relativeDrop);
        } else if (relativeDrop < TOO_SLOW_DROP) {
            verdict = Verdict.TOO_SLOW;
            reason = "the loss fell by only " + percent(relativeDrop) + " of where it started";
        } else {
            verdict = Verdict.CONVERGING;
            reason = "the loss fell by " + percent(relativeDrop) + " of where it started, without blowing up or"
                    + " swinging";
        }
        // Figures that overflowed (losses near the largest double) are left out rather than sent as NaN.
        return new Diagnosis(verdict, null, reason, losses.length, nonFinite, Numbers.orNull(head),
                Numbers.orNull(tail), Numbers.orNull(relativeDrop),
                tailLogSlope == null ? null : Numbers.orNull(tailLogSlope), Numbers.orNull(tailChange),
                signChanges, Numbers.orNull(tailSwing));
    }

    private static String nonFiniteReason(int index) {
        return "the loss was not a finite number at point " + index;
    }

    private static String percent(double fraction) {
        return Math.round(fraction * 1000) / 10.0 + " %";
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }

    /** Least-squares slope of {@code y} against {@code x} over [from, to). */
    private static double slope(double[] x, double[] y, int from, int to) {
        double mx = mean(x, from, to);
        double my = mean(y, from, to);
        double sxy = 0;
        double sxx = 0;
        for (int i = from; i < to; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    /** Of the consecutive pairs of non-zero differences, the fraction whose signs differ. */
    private static double signChangeFraction(double[] losses, int n) {
        int pairs = 0;
        int changes = 0;
        double previous = 0;
        for (int i = 0; i < n - 1; i++) {
            double d = losses[i + 1] - losses[i];
            if (d == 0) {
                continue;
            }
            if (previous != 0) {
                pairs++;
                if (Math.signum(d) != Math.signum(previous)) {
                    changes++;
                }
            }
            previous = d;
        }
        return pairs == 0 ? 0 : (double) changes / pairs;
    }
}
