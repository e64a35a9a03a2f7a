package org.lracademy.rangetest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a loss curve says about the learning rate that produced it. */
public enum Verdict {

    /** The loss blew up or ended clearly above where it started: the rate is too high. */
    DIVERGING,

    /** The loss jumps up and down by more than it progresses: the rate is probably too high. */
    OSCILLATING,

    /** The loss barely moved: the rate is probably too low (or the run too short). */
    TOO_SLOW,

    /** The loss fell clearly and steadily. */
    CONVERGING;

    /** The name in JSON: the constant's name in lower case. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
