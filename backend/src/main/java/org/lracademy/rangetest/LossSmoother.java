package org.lracademy.rangetest;

/**
 * A bias-corrected exponential moving average of the loss. With weight {@code β} on the past it equals
 * {@code m_n / (1 − β^n)} where {@code m_n = β·m_{n−1} + (1 − β)·ℓ_n}, {@code m_0 = 0} and {@code n} counts
 * the finite losses seen so far, from 1. It is computed in the equivalent incremental form
 * {@code s_n = s_{n−1} + w_n·(ℓ_n − s_{n−1})} with {@code w_n = (1 − β)/(1 − β^n)}, so that a constant loss
 * stays exactly constant (the first weight is 1). A loss that is not finite does not enter the average.
 */
public final class LossSmoother {

    private final double beta;
    private double betaPower = 1;
    private double value = Double.NaN;

    /** @param beta the weight on the past, in [0, 1); 0 turns smoothing off */
    public LossSmoother(double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("smoothing must lie in [0, 1); got " + beta);
        }
        this.beta = beta;
    }

    /**
     * Adds one loss and returns the smoothed value after it; {@code NaN} when the loss is not finite, and the
     * average is then left as it was.
     */
    public double add(double loss) {
        if (!Double.isFinite(loss)) {
            return Double.NaN;
        }
        betaPower *= beta;
        double weight = (1 - beta) / (1 - betaPower);
        value = Double.isNaN(value) ? loss : value + weight * (loss - value);
        return value;
    }

    /** Smooths a whole series; entries that are not finite come back as {@code NaN}. */
    public static double[] smooth(double[] losses, double beta) {
        LossSmoother smoother = new LossSmoother(beta);
        double[] out = new double[losses.length];
        for (int i = 0; i < losses.length; i++) {
            out[i] = smoother.add(losses[i]);
        }
        return out;
    }
}
