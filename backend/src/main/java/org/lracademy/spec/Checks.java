package org.lracademy.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects violations while a spec is checked, so that one answer names every bad field.
 * Each check returns whether the value passed, so callers can skip checks that depend on it.
 */
public final class Checks {

    private final List<Violation> violations = new ArrayList<>();

    public boolean require(boolean ok, String field, Object value, String rule) {
        if (!ok) {
            violations.add(Violation.of(field, value, rule));
        }
        return ok;
    }

    public boolean present(Object value, String field) {
        return require(value != null, field, null, "is required");
    }

    public boolean finite(Double value, String field) {
        return present(value, field)
                && require(Double.isFinite(value), field, value, "must be a finite number");
    }

    /** A finite number within [min, max]. */
    public boolean within(Double value, String field, double min, double max) {
        return finite(value, field)
                && require(value >= min && value <= max, field, value, "must be between " + min + " and " + max);
    }

    public boolean positive(Double value, String field) {
        return finite(value, field) && require(value > 0, field, value, "must be greater than 0");
    }

    public boolean intWithin(Number value, String field, long min, long max) {
        return present(value, field)
                && require(value.longValue() >= min && value.longValue() <= max, field, value,
                        "must be an integer between " + min + " and " + max);
    }

    public void add(Violation violation) {
        violations.add(violation);
    }

    public boolean ok() {
        return violations.isEmpty();
    }

    /** Throws when anything was found; call once at the end of a spec's checks. */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
    }
}
