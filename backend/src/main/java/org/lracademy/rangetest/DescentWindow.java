package org.lracademy.rangetest;

/**
 * The part of a smoothed curve the suggestions look at: the usable points (up to the stop, before any
 * non-finite loss) less the skipped ones, and within them the descent from the highest point before the
 * minimum down to the minimum. Every suggestion is taken inside the descent, so none lands on the rising arm.
 */
final class DescentWindow {

    /** Fewest points a window needs before any method is tried. */
    static final int MIN_POINTS = 3;

    /**
     * Half width of the centred moving average of the raw loss that locates the bottom of the curve without the
     * moving average's lag (2: five points, enough to ignore a single outlier).
     */
    static final int CENTRED_HALF_WIDTH = 2;

    /**
     * A descent smaller than this fraction of the loss's size counts as no descent at all: a flat curve gets
     * no suggestion rather than a confident one at its left edge.
     */
    static final double FLAT_RELATIVE_DROP = 0.01;

    final double[] lrs;
    final double[] smoothed;
    final double[] axis;
    /** The fall proper starts once the smoothed loss has covered this fraction of its drop. */
    static final double START_DROP_FRACTION = 0.10;

    /** First and last index of the window. */
    final int lo;
    final int hi;
    /** Last usable index of the whole curve (the window may end earlier because of skip_end). */
    final int last;
    /**
     * End of the descent: the first lowest point of the smoothed loss in the window, or of a centred average of
     * the raw loss if that comes earlier. The smoothed loss lags the raw one, so its lowest point lies right of
     * the raw curve's, already on the rising arm; ending at whichever comes first keeps every suggestion off it.
     */
    final int min;
    /** Index of the highest smoothed loss between {@code lo} and {@code min}. */
    final int peak;
    /** Null when the window can be used, else the status every method reports. */
    final String status;

    DescentWindow(double[] lrs, double[] raw, double[] smoothed, int last, AnalysisSettings settings) {
        this.lrs = lrs;
        this.smoothed = smoothed;
        this.last = last;
        this.axis = new double[lrs.length];
        for (int i = 0; i < lrs.length; i++) {
            axis[i] = settings.mode().axis(lrs[i]);
        }
        lo = settings.skipStart();
        hi = last - settings.skipEnd();
        if (hi - lo + 1 < MIN_POINTS) {
            min = -1;
            peak = -1;
            status = Suggestion.INSUFFICIENT_POINTS;
            return;
        }
        min = Math.min(argExtreme(smoothed, lo, hi, -1), argExtreme(centred(raw, last), lo, hi, -1));
        peak = argExtreme(smoothed, lo, min, 1);
        double drop = smoothed[peak] - smoothed[min];
        double scale = Math.max(Math.abs(smoothed[peak]), Math.abs(smoothed[min]));
        status = drop <= FLAT_RELATIVE_DROP * scale ? Suggestion.NO_CLEAR_DESCENT : null;
    }

    boolean usable() {
        return status == null;
    }

    /**
     * Where the fall proper begins: the first point at which the smoothed loss has covered
     * {@link #START_DROP_FRACTION} of its drop. A long flat stretch before it holds no information about the rate,
     * only noise, and a rule that counted it as part of the fall would point into it.
     */
    int start() {
        double target = smoothed[peak] - START_DROP_FRACTION * drop();
        int start = peak;
        while (start < min - 1 && smoothed[start] > target) {
            start++;
        }
        return start;
    }

    /** Total fall of the smoothed loss over the descent. */
    double drop() {
        return smoothed[peak] - smoothed[min];
    }

    /** Whether the smoothed loss falls from point {@code i} to the next. */
    boolean fallsAfter(int i) {
        return smoothed[i + 1] < smoothed[i];
    }

    /**
     * The candidate itself when the loss falls right after it, else the nearest point of the descent where it
     * does (the nearer one on the left on a tie). Guards a rule against landing on a bump of a noisy curve.
     */
    int settle(int candidate) {
        for (int distance = 0; distance <= min - peak; distance++) {
            for (int i : new int[] {candidate - distance, candidate + distance}) {
                if (i >= peak && i < min && fallsAfter(i)) {
                    return i;
                }
            }
        }
        return min - 1;
    }

    Suggestion pointAt(int i) {
        return Suggestion.at(lrs[i], smoothed[i], i);
    }

    /**
     * The smoothed loss at a rate between recorded ones, interpolated linearly on the mode's axis.
     * The rate must lie within the usable curve.
     */
    double lossAt(double lr, SweepMode mode) {
        int j = 0;
        while (j < last - 1 && lrs[j + 1] < lr) {
            j++;
        }
        double t = (mode.axis(lr) - axis[j]) / (axis[j + 1] - axis[j]);
        return smoothed[j] + t * (smoothed[j + 1] - smoothed[j]);
    }

    /** The mean of each raw loss with its neighbours up to {@link #CENTRED_HALF_WIDTH} away, within [0, last]. */
    private static double[] centred(double[] raw, int last) {
        double[] out = new double[last + 1];
        for (int i = 0; i <= last; i++) {
            int from = Math.max(0, i - CENTRED_HALF_WIDTH);
            int to = Math.min(last, i + CENTRED_HALF_WIDTH);
            double sum = 0;
            for (int j = from; j <= to; j++) {
                sum += raw[j];
            }
            out[i] = sum / (to - from + 1);
        }
        return out;
    }

    /** First index of the smallest (sign −1) or largest (sign 1) value in [from, to]. */
    private static int argExtreme(double[] values, int from, int to, int sign) {
        int best = from;
        for (int i = from + 1; i <= to; i++) {
            if (sign * (values[i] - values[best]) > 0) {
                best = i;
            }
        }
        return best;
    }
}
