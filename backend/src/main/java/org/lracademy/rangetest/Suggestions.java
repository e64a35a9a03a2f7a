package org.lracademy.rangetest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The suggestion methods. Each works on the descent of a {@link DescentWindow} (smoothed losses, non-finite
 * points and skipped points already removed), so every suggestion lies within the sweep, strictly left of the
 * lowest loss and of any non-finite point, where the smoothed loss is falling.
 */
final class Suggestions {

    static final String VALLEY = "valley";
    static final String STEEP = "steep";
    static final String MINIMUM = "minimum";
    static final String SLIDE = "slide";

    /** The minimum method suggests the rate at the lowest loss divided by this factor. */
    static final double MINIMUM_DIVISOR = 10;

    /** The slide method compares the slope at the two ends of a window this many points wide. */
    static final int SLIDE_SPAN = 15;

    /**
     * The slide method treats the two ends' slopes as alike when they differ by less than this fraction of the
     * descent's total drop per point. Stated relative to the drop so that the rule does not depend on the
     * loss's units (an absolute 0.005 suits a cross-entropy curve that falls by about 2).
     */
    static final double SLIDE_RELATIVE_THRESHOLD = 0.0025;

    private Suggestions() {
    }

    static Map<String, Suggestion> all(DescentWindow w, SweepMode mode) {
        Map<String, Suggestion> out = new LinkedHashMap<>();
        if (!w.usable()) {
            for (String method : new String[] {VALLEY, STEEP, MINIMUM, SLIDE}) {
                out.put(method, Suggestion.none(w.status));
            }
            return out;
        }
        out.put(VALLEY, w.pointAt(valley(w)));
        out.put(STEEP, w.pointAt(steep(w)));
        out.put(MINIMUM, minimum(w, mode));
        out.put(SLIDE, slide(w));
        return out;
    }

    /**
     * About halfway down the longest strictly decreasing subsequence of the fall: with {@code L} the distance from
     * its first to its last point, the point {@code ⌊L/3⌋ + ⌊L/6⌋} after its first. Unlike the rule it follows, the
     * search begins where the fall proper starts ({@link DescentWindow#start()}), not at the curve's highest point:
     * on a long sweep the flat stretch before the fall holds noise that decreases often enough to make the longest
     * subsequence, and the valley would then lie on the plateau, at a rate that barely trains.
     */
    static int valley(DescentWindow w) {
        double[] s = w.smoothed;
        int from = w.start();
        int n = w.min - from + 1;
        int[] length = new int[n];
        int[] previous = new int[n];
        int end = 0;
        for (int i = 0; i < n; i++) {
            length[i] = 1;
            previous[i] = -1;
            for (int j = 0; j < i; j++) {
                if (s[from + j] > s[from + i] && length[j] + 1 > length[i]) {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }
            if (length[i] > length[end]) {
                end = i;
            }
        }
        int start = end;
        while (previous[start] >= 0) {
            start = previous[start];
        }
        int span = end - start;
        return w.settle(from + start + span / 3 + span / 6);
    }

    /** The left end of the steepest falling segment, slope taken against ln(lr) or lr as the mode says. */
    static int steep(DescentWindow w) {
        int best = w.peak;
        double bestSlope = Double.POSITIVE_INFINITY;
        for (int i = w.peak; i < w.min; i++) {
            double slope = (w.smoothed[i + 1] - w.smoothed[i]) / (w.axis[i + 1] - w.axis[i]);
            if (slope < bestSlope) {
                bestSlope = slope;
                best = i;
            }
        }
        return best;
    }

    /** A tenth of the rate at the lowest loss; out of range when that lies below the first recorded rate. */
    static Suggestion minimum(DescentWindow w, SweepMode mode) {
        double lr = w.lrs[w.min] / MINIMUM_DIVISOR;
        if (lr < w.lrs[0]) {
            return Suggestion.none(Suggestion.OUT_OF_RANGE);
        }
        return Suggestion.at(lr, w.lossAt(lr, mode), null);
    }

    /**
     * Slides a window of {@link #SLIDE_SPAN} points leftwards from the lowest loss while the slopes at its two
     * ends still differ, and suggests the left end of the last window where they did: the point where the
     * descent has settled into a steady fall, ahead of the bend into the minimum.
     */
    static Suggestion slide(DescentWindow w) {
        int n = w.min - w.peak + 1;
        if (n < SLIDE_SPAN + 1) {
            return Suggestion.none(Suggestion.INSUFFICIENT_POINTS);
        }
        double[] slope = gradient(w.smoothed, w.peak, w.min);
        double threshold = SLIDE_RELATIVE_THRESHOLD * w.drop();
        int remembered = -1;
        for (int right = n - 1, left = right - SLIDE_SPAN; left >= 0; right--, left--) {
            if (Math.abs(slope[right] - slope[left]) <= threshold) {
                break;
            }
            remembered = left;
        }
        if (remembered < 0) {
            return Suggestion.none(Suggestion.NO_CLEAR_DESCENT);
        }
        return w.pointAt(w.settle(w.peak + remembered));
    }

    /** Slope per point of {@code values[from..to]}: central differences inside, one-sided at both ends. */
    static double[] gradient(double[] values, int from, int to) {
        int n = to - from + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            int left = Math.max(i - 1, 0);
            int right = Math.min(i + 1, n - 1);
            g[i] = (values[from + right] - values[from + left]) / (right - left);
        }
        return g;
    }
}
