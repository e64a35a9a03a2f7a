package org.lracademy.rangetest;

/**
 * Where and why a sweep ended.
 *
 * @param index the index of the last recorded point, the one that triggered the stop for {@code diverged}
 *     and {@code non_finite_loss}; {@code -1} when a sweep was cancelled before its first point
 */
public record Stop(int index, StopReason reason) {
}
