package org.lracademy.spec;

import java.util.List;

/** A request broke one or more documented limits. Carries every violation found, not only the first. */
public class InvalidSpecException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidSpecException(List<Violation> violations) {
        super(summary(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid spec needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidSpecException(String field, Object value, String rule) {
        this(List.of(Violation.of(field, value, rule)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        StringBuilder text = new StringBuilder();
        for (Violation v : violations) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(v.field()).append(" = ").append(v.value()).append(": ").append(v.rule());
        }
        return text.toString();
    }
}
