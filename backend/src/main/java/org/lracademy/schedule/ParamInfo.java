package org.lracademy.schedule;

import java.util.List;

/**
 * One parameter of a scheduler as the catalogue shows it and as requests are checked against it: the
 * same record drives both, so the published limits are the enforced ones.
 *
 * @param name         PyTorch's name for the parameter
 * @param type         what JSON value it takes
 * @param meaning      one sentence for a form's help text
 * @param defaultValue the value used when the parameter is absent or {@code null}; {@code null} when none
 * @param required     whether a request must give it
 * @param min          smallest accepted value of a number (or of each element of a list); {@code null} when none
 * @param minExclusive whether {@code min} itself is refused
 * @param max          largest accepted value; {@code null} when none
 * @param allowed      the accepted strings of a {@link Type#STRING} parameter; empty otherwise
 */
public record ParamInfo(String name, Type type, String meaning, Object defaultValue, boolean required, Double min,
        boolean minExclusive, Double max, List<String> allowed) {

    /** The JSON shapes a parameter can take. */
    public enum Type {
        NUMBER("number"),
        INTEGER("integer"),
        BOOLEAN("boolean"),
        STRING("string"),
        /** One number shared by every parameter group, or a list with one number per group. */
        NUMBER_OR_LIST("number | number[]"),
        INTEGER_LIST("integer[]"),
        /** Child schedulers, each an object with a {@code name} and that scheduler's parameters. */
        SCHEDULERS("scheduler[]");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ParamInfo {
        allowed = List.copyOf(allowed);
    }

    static ParamInfo required(String name, Type type, String meaning) {
        return new ParamInfo(name, type, meaning, null, true, null, false, null, List.of());
    }

    static ParamInfo optional(String name, Type type, Object defaultValue, String meaning) {
        return new ParamInfo(name, type, meaning, defaultValue, false, null, false, null, List.of());
    }

    ParamInfo atLeast(double least) {
        return new ParamInfo(name, type, meaning, defaultValue, required, least, false, max, allowed);
    }

    ParamInfo above(double bound) {
        return new ParamInfo(name, type, meaning, defaultValue, required, bound, true, max, allowed);
    }

    ParamInfo atMost(double most) {
        return new ParamInfo(name, type, meaning, defaultValue, required, min, minExclusive, most, allowed);
    }

    ParamInfo oneOf(String... values) {
        return new ParamInfo(name, type, meaning, defaultValue, required, min, minExclusive, max, List.of(values));
    }

    /** Whether a number lies within the limits. */
    boolean admits(double value) {
        boolean aboveMin = min == null || (minExclusive ? value > min : value >= min);
        return aboveMin && (max == null || value <= max);
    }

    /** The limits as a rule a caller can act on, for example "must be greater than 0". */
    String rangeRule() {
        String kind = type == Type.INTEGER || type == Type.INTEGER_LIST ? "an integer " : "";
        if (min != null && max != null && !minExclusive) {
            return min.equals(max) ? "must be " + plain(min)
                    : "must be " + kind + "between " + plain(min) + " and " + plain(max);
        }
        String lower = min == null ? "" : (minExclusive ? "greater than " : "at least ") + plain(min);
        String upper = max == null ? "" : "at most " + plain(max);
        String both = lower.isEmpty() || upper.isEmpty() ? lower + upper : lower + " and " + upper;
        return "must be " + kind + both;
    }

    /** A limit without a useless ".0", so that rules read "at least 1" rather than "at least 1.0". */
    static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
