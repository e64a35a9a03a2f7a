package org.lracademy.rangetest;

/**
 * One recorded point of a sweep.
 *
 * @param step the 0-based optimiser step after which the loss was read
 * @param lr the learning rate that step trained with
 * @param loss the raw loss (training loss of the step, or validation loss after it); {@code null} when it was
 *     not a finite number
 * @param smoothed the smoothed loss after this point; {@code null} when the raw loss was not finite
 */
public record SweepPoint(int step, double lr, Double loss, Double smoothed) {

    static SweepPoint of(int step, double lr, double loss, double smoothed) {
        return new SweepPoint(step, lr, Numbers.orNull(loss), Numbers.orNull(smoothed));
    }
}
