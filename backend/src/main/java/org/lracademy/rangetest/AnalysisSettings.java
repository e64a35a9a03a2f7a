package org.lracademy.rangetest;

/**
 * How a recorded curve is analysed, with every default resolved.
 *
 * @param mode how the rates grow; decides whether slopes are taken against ln(lr) or lr
 * @param beta smoothing weight on the past, in [0, 1)
 * @param divergeThreshold {@code T} of {@link StopRule}; 0 when the divergence check is off
 * @param skipStart points left out of the suggestions at the start of the curve
 * @param skipEnd points left out at the end of the usable curve; 0 keeps the last point
 */
public record AnalysisSettings(SweepMode mode, double beta, double divergeThreshold, int skipStart, int skipEnd) {

    public static final double DEFAULT_BETA = 0.98;
    public static final double DEFAULT_DIVERGE_THRESHOLD = 4;
    public static final int DEFAULT_SKIP_START = 10;
    public static final int DEFAULT_SKIP_END = 5;

    /** The defaults: exponential, β = 0.98, threshold 4, skip 10 points at the start and 5 at the end. */
    public static AnalysisSettings defaults() {
        return new AnalysisSettings(SweepMode.EXP, DEFAULT_BETA, DEFAULT_DIVERGE_THRESHOLD, DEFAULT_SKIP_START,
                DEFAULT_SKIP_END);
    }

    public AnalysisSettings withSkips(int start, int end) {
        return new AnalysisSettings(mode, beta, divergeThreshold, start, end);
    }

    public AnalysisSettings withThreshold(double threshold) {
        return new AnalysisSettings(mode, beta, threshold, skipStart, skipEnd);
    }

    public AnalysisSettings withMode(SweepMode sweepMode) {
        return new AnalysisSettings(sweepMode, beta, divergeThreshold, skipStart, skipEnd);
    }
}
