package org.lracademy.rangetest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The analysis of one range-test curve.
 *
 * @param smoothed the smoothed loss of every point; null where the raw loss was not finite
 * @param stop where the stop rule ends the curve, and why
 * @param suggestions by method ({@code valley}, {@code steep}, {@code minimum}, {@code slide}), in that order
 * @param defaultMethod the method whose suggestion a caller should apply when it applies one
 * @param range the recommended bounds for cyclic, one-cycle and cosine schedules
 * @param diagnosis the verdict on the raw loss curve
 */
public record RangeTestAnalysis(List<Double> smoothed, Stop stop, Map<String, Suggestion> suggestions,
        @JsonProperty("default_method") String defaultMethod, SuggestedRange range, Diagnosis diagnosis,
        Dropped dropped) {
}
