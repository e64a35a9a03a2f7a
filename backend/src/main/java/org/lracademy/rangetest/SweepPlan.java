package org.lracademy.rangetest;

/**
 * A checked range test, every default resolved; built by {@link RangeTestOptions#plan()}.
 *
 * @param validateEvery with {@link LossSource#VALIDATION}, the validation loss is read after every
 *     {@code validateEvery}-th step and after the last one; 1 with {@link LossSource#TRAIN}
 * @param repeats how many independent sweeps to run (different seeds or sample orders) for the aggregate
 */
public record SweepPlan(double startLr, double endLr, int numIter, LossSource lossSource, int validateEvery,
        int repeats, AnalysisSettings analysis) {

    /** The rate of every step. */
    public double[] ladder() {
        return LrLadder.of(analysis.mode(), startLr, endLr, numIter);
    }

    /** How many points a sweep that runs to the end records. */
    public int expectedPoints() {
        return lossSource == LossSource.TRAIN ? numIter : (numIter + validateEvery - 1) / validateEvery;
    }
}
