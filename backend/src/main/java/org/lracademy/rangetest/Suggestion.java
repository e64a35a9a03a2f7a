package org.lracademy.rangetest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One method's suggested learning rate with its marker on the smoothed curve, or the status that explains why
 * the method has none. Exactly one of {@code lr} and {@code status} is set.
 *
 * @param lr the suggested learning rate
 * @param loss the smoothed loss at {@code lr} (interpolated when {@code lr} is not a recorded rate)
 * @param index the recorded point the suggestion sits on; absent when {@code lr} lies between points
 * @param status {@code insufficient_points}, {@code no_clear_descent} or {@code out_of_range}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Suggestion(Double lr, Double loss, Integer index, String status) {

    public static final String INSUFFICIENT_POINTS = "insufficient_points";
    public static final String NO_CLEAR_DESCENT = "no_clear_descent";
    public static final String OUT_OF_RANGE = "out_of_range";

    static Suggestion at(double lr, double loss, Integer index) {
        return new Suggestion(lr, loss, index, null);
    }

    static Suggestion none(String status) {
        return new Suggestion(null, null, null, status);
    }

    public boolean present() {
        return lr != null;
    }
}
