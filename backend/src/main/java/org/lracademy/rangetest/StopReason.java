package org.lracademy.rangetest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a sweep ended. */
public enum StopReason {

    /** All {@code num_iter} steps ran. */
    COMPLETED,

    /** The smoothed loss rose past the divergence threshold. */
    DIVERGED,

    /** A loss was NaN or infinite: the weights are no longer usable. */
    NON_FINITE_LOSS,

    /** The sweep was cancelled between two steps. */
    CANCELLED;

    /** The name in JSON: the constant's name in lower case. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
