package org.lracademy.rangetest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** Which loss a sweep records. */
public enum LossSource {

    /** The training loss of each step, one point per step (the fast form, about a hundred steps). */
    TRAIN("train"),

    /** The loss over the whole validation set every {@code validate_every} steps (slower, closer to the paper). */
    VALIDATION("validation");

    private final String wireName;

    LossSource(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<LossSource> parse(String text) {
        for (LossSource source : values()) {
            if (source.wireName.equals(text)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
