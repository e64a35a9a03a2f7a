package org.lracademy.rangetest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which loss a sweep records. */
public enum LossSource {

    /** The training loss of each step, one point per step (the fast form, about a hundred steps). */
    TRAIN,

    /** The loss over the whole validation set every {@code validate_every} steps (slower, closer to the paper). */
    VALIDATION;

    /** The name in JSON: the constant's name in lower case. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LossSource> parse(String text) {
        return Arrays.stream(values()).filter(v -> v.wireName().equals(text)).findFirst();
    }
}
