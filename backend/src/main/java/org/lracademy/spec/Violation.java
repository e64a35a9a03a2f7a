package org.lracademy.spec;

/**
 * One broken rule in a request: which field, the value it had, and the rule it broke.
 *
 * @param field dotted path of the field, for example {@code params.T_max} or {@code lrs[3]}
 * @param value the value as received, rendered as text ({@code null} when absent)
 * @param rule what the value must satisfy, phrased so that it tells the caller the fix
 */
public record Violation(String field, String value, String rule) {

    public static Violation of(String field, Object value, String rule) {
        return new Violation(field, render(value), rule);
    }

    private static String render(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d && !Double.isFinite(d)) {
            return d.isNaN() ? "NaN" : (d > 0 ? "Infinity" : "-Infinity");
        }
        String text = String.valueOf(value);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
