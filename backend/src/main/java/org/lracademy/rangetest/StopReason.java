package org.lracademy.rangetest;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a sweep ended. */
public enum StopReason {

    /** All {@code num_iter} steps ran. */
    COMPLETED("completed"),

    /** The smoothed loss rose past the divergence threshold. */
    DIVERGED("diverged"),

    /** A loss was NaN or infinite: the weights are no longer usable. */
    NON_FINITE_LOSS("non_finite_loss"),

    /** The sweep was cancelled between two steps. */
    CANCELLED("cancelled");

    private final String wireName;

    StopReason(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
