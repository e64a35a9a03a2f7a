package org.lracademy.rangetest;

import java.util.Optional;
import org.lracademy.spec.Checks;

/**
 * Checks the analysis options that a range-test job and an analysis request share ({@code mode},
 * {@code smoothing}, {@code diverge_threshold}, {@code skip_start}, {@code skip_end}) and resolves their defaults.
 */
final class AnalysisOptions {

    /** Largest accepted divergence threshold; beyond it the rule would never fire on a real curve. */
    static final double MAX_DIVERGE_THRESHOLD = 1000;

    private AnalysisOptions() {
    }

    /**
     * Adds a violation for every bad option and returns the settings, defaults filled in (and a default in
     * place of each bad value, so the caller can go on checking; it must not use them unless all checks pass).
     *
     * @param threshold absent (Java {@code null}) for the default, empty for an explicit JSON {@code null}
     * @param points how many points the curve will have, or -1 when that is unknown because of other violations
     * @param pointsField the field that decides the number of points, blamed when the skips are defaults
     */
    static AnalysisSettings check(Checks checks, String mode, Double smoothing, Optional<Double> threshold,
            Integer skipStart, Integer skipEnd, int points, String pointsField) {
        AnalysisSettings defaults = AnalysisSettings.defaults();
        SweepMode sweepMode = mode == null ? defaults.mode() : SweepMode.parse(mode).orElse(null);
        checks.require(sweepMode != null, "mode", mode, "must be exp or linear");

        double beta = defaults.beta();
        if (smoothing != null && checks.finite(smoothing, "smoothing")
                && checks.require(smoothing >= 0 && smoothing < 1, "smoothing", smoothing,
                        "must be at least 0 and below 1 (0 turns smoothing off; the default is 0.98)")) {
            beta = smoothing;
        }

        double divergeThreshold = defaults.divergeThreshold();
        if (threshold != null) {
            Double t = threshold.orElse(0.0);
            if (checks.finite(t, "diverge_threshold") && checks.require(t == 0 || t > 1
                    && t <= MAX_DIVERGE_THRESHOLD, "diverge_threshold", t, "must be above 1 and at most "
                    + MAX_DIVERGE_THRESHOLD + ", or 0 or null to switch the divergence stop off")) {
                divergeThreshold = t;
            }
        }

        int maxSkip = RangeTestOptions.MAX_POINTS;
        int start = skipStart == null ? defaults.skipStart() : skipStart;
        int end = skipEnd == null ? defaults.skipEnd() : skipEnd;
        boolean skipsOk = (skipStart == null || checks.intWithin(skipStart, "skip_start", 0, maxSkip))
                & (skipEnd == null || checks.intWithin(skipEnd, "skip_end", 0, maxSkip));
        if (skipsOk && points >= 0 && start + end + 2 > points) {
            String rule = "the curve has " + points + " points, but skip_start + skip_end + 2 = " + (start + end + 2)
                    + " are needed: lower skip_start or skip_end, or record more points";
            // Blame what the caller chose: the larger explicit skip, or the length when both skips are defaults.
            boolean blameStart = skipStart != null && (skipEnd == null || start >= end);
            boolean blameEnd = skipEnd != null && !blameStart;
            if (blameStart) {
                checks.require(false, "skip_start", start, rule);
            } else if (blameEnd) {
                checks.require(false, "skip_end", end, rule);
            } else {
                checks.require(false, pointsField, points, rule);
            }
        }
        return new AnalysisSettings(sweepMode == null ? defaults.mode() : sweepMode, beta, divergeThreshold,
                skipsOk ? start : defaults.skipStart(), skipsOk ? end : defaults.skipEnd());
    }
}
