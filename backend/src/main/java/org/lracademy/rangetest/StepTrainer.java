package org.lracademy.rangetest;

/**
 * The training that a range test sweeps. The sweep driver calls {@link #step(double)} once per rung of the
 * ladder and, when the test reads the validation loss, {@link #validationLoss()} after some of the steps.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li><b>Isolation.</b> The trainer works on its own deep copy of the model's parameters and buffers (batch
 *   norm running statistics and counters included) and on a freshly built optimiser with fresh state. The model
 *   and optimiser of any job the test was started from are never touched, so they are bitwise identical after
 *   the test, whether it completed, diverged, hit a non-finite loss, was cancelled or failed.</li>
 *   <li><b>Repeatability.</b> With the same seed, initial weights and sample order, two tests give the same
 *   curve.</li>
 *   <li><b>One call, one optimiser update.</b> {@code step(lr)} sets {@code lr} on every parameter group before
 *   the forward pass, so the rate recorded with a loss is the rate that batch was trained with. Gradient
 *   accumulation, if any, happens inside one call. When the training data has fewer batches than the sweep has
 *   steps, the trainer starts the data again from its first batch.</li>
 * </ul>
 */
public interface StepTrainer {

    /**
     * Trains one optimiser update at learning rate {@code lr} on the next training batch.
     *
     * @return that batch's training loss, computed in the forward pass before the update; NaN or infinite when
     *     the loss is not a finite number (the sweep then stops)
     */
    double step(double lr);

    /**
     * The loss over the whole validation set with the current weights, without any update: the mean over
     * samples, each batch's mean loss weighted by its number of samples, so that a short last batch counts
     * for what it holds.
     */
    double validationLoss();
}
