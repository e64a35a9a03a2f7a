package org.lracademy.rangetest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How many points of a curve did not take part in the suggestions, and why.
 *
 * @param nonFinite losses that were NaN or infinite (null in JSON), anywhere in the curve
 * @param afterStop points after the stop point; ignored, as the weights that produced them were already lost
 * @param skippedStart points left out at the start ({@code skip_start})
 * @param skippedEnd points left out at the end of the usable curve ({@code skip_end})
 * @param used points the suggestions were computed on
 */
public record Dropped(@JsonProperty("non_finite") int nonFinite, @JsonProperty("after_stop") int afterStop,
        @JsonProperty("skipped_start") int skippedStart, @JsonProperty("skipped_end") int skippedEnd, int used) {
}
