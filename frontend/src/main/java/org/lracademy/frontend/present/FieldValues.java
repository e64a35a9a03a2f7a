package org.lracademy.frontend.present;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Reads what a learner typed into a form field as the JSON value the API expects. */
public final class FieldValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FieldValues() {
    }

    /** Whole numbers stay whole, {@code true}/{@code false} are booleans, lists and objects are JSON, else text. */
    public static JsonNode parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a value is needed");
        }
        if (text.startsWith("[") || text.startsWith("{")) {
            try {
                return JSON.readTree(text);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("'" + text + "' is not valid JSON");
            }
        }
        if (text.equals("true") || text.equals("false")) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text));
        }
        if (text.matches("-?\\d{1,18}")) {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(text));
        }
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("'" + text + "' is not a finite number");
            }
            return JsonNodeFactory.instance.numberNode(value);
        } catch (NumberFormatException e) {
            if (!text.matches("[A-Za-z_][A-Za-z0-9_ -]*")) {
                throw new IllegalArgumentException("'" + text + "' is neither a number, a word nor JSON");
            }
            return JsonNodeFactory.instance.textNode(text);
        }
    }
}
