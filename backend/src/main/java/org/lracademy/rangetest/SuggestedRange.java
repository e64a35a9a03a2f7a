package org.lracademy.rangetest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The learning rates a range test recommends: bounds for a cyclic or one-cycle schedule, and the peak rate of a
 * cosine schedule. Either all three bounds are set, or only {@code status} saying why there are none.
 *
 * @param lower where the loss starts to fall: the low end of a cycle
 * @param upper where the loss stops falling: the high end of a cycle, the most the training tolerates
 * @param cosineMax the rate a cosine schedule should start from, below {@code upper}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SuggestedRange(Bound lower, Bound upper, @JsonProperty("cosine_max") Bound cosineMax, String status) {

    /**
     * One bound and the rule that placed it.
     *
     * @param loss the smoothed loss at {@code lr}
     */
    public record Bound(double lr, double loss, String rule) {
    }

    static SuggestedRange none(String status) {
        return new SuggestedRange(null, null, null, status);
    }
}
