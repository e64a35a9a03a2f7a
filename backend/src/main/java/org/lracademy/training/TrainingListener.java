package org.lracademy.training;

import java.util.List;

/**
 * Receives a training's progress as it happens, on the training's thread; keep each call short. Every
 * number that is not finite arrives as {@code null}, as the API's JSON carries it.
 */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() { };

    /** After each optimiser step. */
    default void onStep(StepMetrics step) {
    }

    /** After each pass over the training split (and once more for a final partial pass). */
    default void onEpoch(EpochMetrics epoch) {
    }

    /** Every {@code layer_stats_every} steps. */
    default void onLayers(LayerStats layers) {
    }

    /**
     * One optimiser step.
     *
     * @param step 0-based index of the update
     * @param epoch 0-based index of the pass the batch came from
     * @param lr the learning rate the update used
     * @param loss the batch loss before the update
     */
    record StepMetrics(long step, long epoch, double lr, Double loss) {
    }

    /**
     * One pass over the training split.
     *
     * @param step the number of steps taken when the pass ended
     * @param trainLoss the mean of the pass's batch losses
     * @param validationLoss the sample-weighted loss over the validation split, null without one
     * @param validationAccuracy the share of validation rows classified right, null for regression
     */
    record EpochMetrics(long epoch, long step, Double trainLoss, Double validationLoss, Double validationAccuracy) {
    }

    /** Per-layer statistics at one step. */
    record LayerStats(long step, List<Layer> layers) {
    }

    /**
     * One block of the model: a Linear and the modules after it up to the next Linear.
     *
     * @param layer the PyTorch index of the block's Linear ({@code "0"}, {@code "2"}, ...), or
     *     {@code "linear"} for a bare Linear model
     * @param activationMean mean of the block's output on the batch
     * @param activationStd standard deviation (n - 1 denominator) of the block's output
     * @param gradientNorm L2 norm of the gradient of all the block's parameters
     */
    record Layer(String layer, Double activationMean, Double activationStd, Double gradientNorm) {
    }

    /** A finite value, or null. */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
