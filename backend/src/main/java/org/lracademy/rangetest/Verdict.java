package org.lracademy.rangetest;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a loss curve says about the learning rate that produced it. */
public enum Verdict {

    /** The loss blew up or ended clearly above where it started: the rate is too high. */
    DIVERGING("diverging"),

    /** The loss jumps up and down by more than it progresses: the rate is probably too high. */
    OSCILLATING("oscillating"),

    /** The loss barely moved: the rate is probably too low (or the run too short). */
    TOO_SLOW("too_slow"),

    /** The loss fell clearly and steadily. */
    CONVERGING("converging");

    private final String wireName;

    Verdict(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
