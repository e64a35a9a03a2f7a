package org.lracademy.rangetest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** How the learning rate grows from one step of the sweep to the next. */
public enum SweepMode {

    /** A constant ratio between neighbouring rates; slopes are measured against ln(lr). */
    EXP("exp"),

    /** A constant gap between neighbouring rates, the original form of the test; slopes are measured against lr. */
    LINEAR("linear");

    private final String wireName;

    SweepMode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The position of a learning rate on the axis this mode plots and differentiates against. */
    public double axis(double lr) {
        return this == EXP ? Math.log(lr) : lr;
    }

    /** The mode named {@code exp} or {@code linear}, if the text is one of them. */
    public static Optional<SweepMode> parse(String text) {
        for (SweepMode mode : values()) {
            if (mode.wireName.equals(text)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
