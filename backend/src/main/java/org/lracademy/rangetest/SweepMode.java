package org.lracademy.rangetest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the learning rate grows from one step of the sweep to the next. */
public enum SweepMode {

    /** A constant ratio between neighbouring rates; slopes are measured against ln(lr). */
    EXP,

    /** A constant gap between neighbouring rates, the original form of the test; slopes are measured against lr. */
    LINEAR;

    /** The name in JSON: the constant's name in lower case. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The position of a learning rate on the axis this mode plots and differentiates against. */
    public double axis(double lr) {
        return this == EXP ? Math.log(lr) : lr;
    }

    /** The mode named {@code exp} or {@code linear}, if the text is one of them. */
    public static Optional<SweepMode> parse(String text) {
        return Arrays.stream(values()).filter(v -> v.wireName().equals(text)).findFirst();
    }
}
