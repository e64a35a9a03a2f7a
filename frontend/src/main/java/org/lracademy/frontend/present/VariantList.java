package org.lracademy.frontend.present;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The values a comparison varies (learning rates, dropout probabilities, initialisation schemes), as the learner
 * types them: separated by commas, numbers as numbers, scheme names bare, schemes with options as JSON objects.
 */
public final class VariantList {

    /** The spec fields a comparison can vary, in the order they are looked for. */
    public static final List<String> KEYS = List.of("lrs", "dropouts", "inits");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_VALUES = 8;

    private VariantList() {
    }

    /** The varied field of a comparison spec, if it has one. */
    public static Optional<String> keyOf(JsonNode spec) {
        return KEYS.stream().filter(spec::has).findFirst();
    }

    public static String format(JsonNode values) {
        List<String> parts = new ArrayList<>();
        values.forEach(v -> parts.add(v.isTextual() ? v.asText() : v.isNumber() ? number(v.asDouble()) : v.toString()));
        return String.join(", ", parts);
    }

    /**
     * Parses the learner's text; a value that is neither a number, a name nor a JSON object comes back as a
     * message naming it.
     */
    public static ArrayNode parse(String text) {
        ArrayNode values = JsonNodeFactory.instance.arrayNode();
        for (String part : split(text)) {
            values.add(value(part));
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Enter at least one value, separated by commas");
        }
        if (values.size() > MAX_VALUES) {
            throw new IllegalArgumentException("At most " + MAX_VALUES + " values fit one chart; got " + values.size());
        }
        return values;
    }

    /** A short label for one value of the varied field, e.g. {@code lr 0.001}. */
    public static String label(String key, JsonNode value) {
        String name = switch (key) {
            case "lrs" -> "lr";
            case "dropouts" -> "dropout";
            case "inits" -> "init";
            default -> key;
        };
        if (value.isNumber()) {
            return name + " " + number(value.asDouble());
        }
        if (value.isObject()) {
            List<String> options = new ArrayList<>();
            value.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("scheme")) {
                    options.add(f.getKey() + " " + f.getValue().asText());
                }
            });
            return name + " " + value.path("scheme").asText("custom") + " (" + String.join(", ", options) + ")";
        }
        return name + " " + value.asText();
    }

    /** Numbers as a learner writes them: 0.001 and 1e-5 rather than 1.0E-5 or 0.000010. */
    public static String number(double value) {
        if (value != 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e5)) {
            String[] parts = String.format(Locale.ROOT, "%.3e", value).split("e");
            String mantissa = parts[0].replaceAll("0+$", "").replaceAll("\\.$", "");
            return mantissa + "e" + Integer.parseInt(parts[1]);
        }
        String text = String.format(Locale.ROOT, "%.6f", value).replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static JsonNode value(String part) {
        if (part.startsWith("{")) {
            try {
                return JSON.readTree(part);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("'" + part + "' is not a valid JSON object");
            }
        }
        try {
            return JsonNodeFactory.instance.numberNode(Double.parseDouble(part));
        } catch (NumberFormatException e) {
            if (!part.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("'" + part + "' is neither a number nor a name");
            }
            return JsonNodeFactory.instance.textNode(part);
        }
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString().trim());
        return parts.stream().filter(p -> !p.isEmpty()).toList();
    }
}
