package org.lracademy.rangetest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The verdict on a loss curve and the numbers behind it. Figures that cannot be computed are absent.
 *
 * @param verdict absent only when the curve is too short to judge
 * @param status {@code insufficient_points} when the curve is too short to judge, else absent
 * @param reason the verdict in words, with the figure that decided it
 * @param points how many points the curve has
 * @param nonFiniteIndex the first point whose loss was not finite
 * @param headMean mean loss over the first tenth of the finite points (at least one point)
 * @param tailMean mean loss over the last tenth of the finite points (at least one point)
 * @param relativeDrop {@code (head − tail) / |head|}: 0.9 means the loss fell by 90 %; negative when it rose
 * @param tailLogSlope least-squares slope of ln(loss) per step over the last quarter; absent when a loss there
 *     is not positive
 * @param tailChange relative change of the loss across the last quarter according to that fit
 * @param signChangeFraction how often consecutive differences change sign, in [0, 1]
 * @param tailSwing mean absolute step-to-step change over the last quarter, relative to {@code |head|}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Diagnosis(Verdict verdict, String status, String reason, int points,
        @JsonProperty("non_finite_index") Integer nonFiniteIndex, @JsonProperty("head_mean") Double headMean,
        @JsonProperty("tail_mean") Double tailMean, @JsonProperty("relative_drop") Double relativeDrop,
        @JsonProperty("tail_log_slope") Double tailLogSlope, @JsonProperty("tail_change") Double tailChange,
        @JsonProperty("sign_change_fraction") Double signChangeFraction,
        @JsonProperty("tail_swing") Double tailSwing) {
}
