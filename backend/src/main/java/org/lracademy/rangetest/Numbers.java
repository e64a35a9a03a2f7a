package org.lracademy.rangetest;

import java.util.ArrayList;
import java.util.List;

/** Conversions between primitive series, where NaN marks a missing value, and JSON-ready lists with nulls. */
final class Numbers {

    private Numbers() {
    }

    static Double orNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    static List<Double> toList(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(orNull(v));
        }
        return out;
    }

    /** A list whose nulls (not-finite numbers in JSON) become NaN. */
    static double[] toArray(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = values.get(i);
            out[i] = v == null ? Double.NaN : v;
        }
        return out;
    }

    /** The q-quantile of sorted values, interpolating linearly between order statistics. */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
