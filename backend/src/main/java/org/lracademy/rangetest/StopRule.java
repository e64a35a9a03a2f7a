package org.lracademy.rangetest;

import java.util.Optional;

/**
 * Decides, point by point, whether a sweep must end. It ends at the first loss that is not finite, and when
 * the smoothed loss has risen too far above the best (lowest) smoothed loss so far.
 *
 * <p>"Too far" generalises the usual ratio rule {@code s > T·best} to losses that can be zero or negative: the
 * sweep stops when the rise {@code s − best} exceeds {@code (T − 1)·|best|}. For a positive best this is exactly
 * {@code s > T·best}; for a negative best it asks for the same rise measured against the size of the best loss,
 * instead of a ratio that would never (or always) trigger; for a best of exactly zero any rise counts, as the
 * ratio would be infinite. A curve that never rises never stops.
 */
public final class StopRule {

    private final double threshold;
    private double best = Double.POSITIVE_INFINITY;

    /** @param threshold {@code T}, greater than 1; 0 switches the divergence check off */
    public StopRule(double threshold) {
        if (threshold != 0 && !(threshold > 1 && Double.isFinite(threshold))) {
            throw new IllegalArgumentException("the divergence threshold must be 0 (off) or above 1; got "
                    + threshold);
        }
        this.threshold = threshold;
    }

    /** Observes the next point and says whether the sweep must stop at it. */
    public Optional<StopReason> observe(double rawLoss, double smoothedLoss) {
        if (!Double.isFinite(rawLoss) || !Double.isFinite(smoothedLoss)) {
            return Optional.of(StopReason.NON_FINITE_LOSS);
        }
        best = Math.min(best, smoothedLoss);
        double rise = smoothedLoss - best;
        if (threshold > 0 && rise > 0 && rise > (threshold - 1) * Math.abs(best)) {
            return Optional.of(StopReason.DIVERGED);
        }
        return Optional.empty();
    }
}
