package org.lracademy.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lracademy.spec.Checks;
import org.lracademy.spec.InvalidSpecException;
import org.lracademy.spec.Violation;

/**
 * A comparison: one training body and lists of values for some of its settings. It becomes one training job per
 * combination of values (at most {@value #MAX_RUNS}), each tagged with a label, the comparison's id, its index and
 * its values, so that the runs can go to different slots and be followed side by side.
 */
@ApplicationScoped
public class Comparisons {

    /** Most runs one comparison may ask for: as many curves as one chart keeps readable. */
    public static final int MAX_RUNS = 8;

    /** Each list a comparison may vary, with the training field its values go to, in the order labels name them. */
    static final Map<String, String> VARIED = orderedMap("lrs", "optimizer.lr", "dropouts", "model.dropout",
            "inits", "model.init", "batch_norms", "model.batch_norm");

    /** The lists a comparison may vary, in that order. */
    static final List<String> ORDER = List.copyOf(VARIED.keySet());

    /**
     * One training of a comparison.
     *
     * @param values the value of each list this run takes
     * @param spec the training body, tagged with {@code label} and {@code comparison}
     */
    public record Run(int index, JsonNode values, String label, ObjectNode spec) {
    }

    /** A comparison split into its runs; {@code varies} names its lists. */
    public record Plan(String id, List<String> varies, List<Run> runs) {
    }

    @Inject
    TrainingKind training;

    /**
     * Checks the body and every run it makes.
     *
     * @throws InvalidSpecException naming each bad field; a value that breaks a training's rule is named by its
     *     place in its list, for example {@code lrs[2]}
     */
    public Plan plan(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidSpecException("body", body == null ? null : body.getNodeType(),
                    "must be a JSON object: a training body plus one or more of " + String.join(", ", ORDER));
        }
        List<String> keys = ORDER.stream().filter(body::has).toList();
        Checks checks = new Checks();
        checks.require(!keys.isEmpty(), "lrs", null, "a comparison needs at least one of " + String.join(", ", ORDER)
                + ": the values to compare");
        int count = 1;
        for (String key : keys) {
            JsonNode values = body.get(key);
            if (checks.require(values.isArray(), key, values, "must be a list of values")) {
                checks.require(!values.isEmpty() && values.size() <= MAX_RUNS, key, values.size() + " values",
                        "must hold 1 to " + MAX_RUNS + " values");
                count *= Math.max(1, values.size());
            }
        }
        checks.throwIfAny();
        checks.require(count <= MAX_RUNS, keys.get(keys.size() - 1), count + " runs", "the lists together make "
                + count + " runs (the product of their lengths); at most " + MAX_RUNS + " fit one chart");
        checks.throwIfAny();

        String id = UUID.randomUUID().toString();
        ObjectNode base = ((ObjectNode) body.deepCopy()).without(keys);
        JsonNode priority = base.remove("priority");
        List<Run> runs = new ArrayList<>();
        Set<Violation> found = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            // Every combination once, the first list varying slowest.
            ObjectNode spec = base.deepCopy();
            ObjectNode values = JsonNodeFactory.instance.objectNode();
            Map<String, String> blame = new java.util.HashMap<>();
            List<String> labels = new ArrayList<>();
            int rest = i;
            for (int k = keys.size() - 1; k >= 0; k--) {
                String key = keys.get(k);
                int size = body.get(key).size();
                int at = rest % size;
                rest /= size;
                JsonNode value = body.get(key).get(at);
                set(spec, VARIED.get(key), value);
                values.set(key, value);
                blame.put(VARIED.get(key), key + "[" + at + "]");
                labels.add(0, label(key, value));
            }
            String label = String.join(", ", labels);
            spec.put("label", label.length() > SpecParts.MAX_LABEL ? label.substring(0, SpecParts.MAX_LABEL) : label);
            spec.putObject("comparison").put("id", id).put("index", i).set("values", values);
            try {
                training.validate(spec);
            } catch (InvalidSpecException e) {
                for (Violation v : e.violations()) {
                    found.add(blamed(v, blame));
                }
            }
            if (priority != null) {
                spec.set("priority", priority);
            }
            runs.add(new Run(i, values, spec.get("label").asText(), spec));
        }
        if (!found.isEmpty()) {
            throw new InvalidSpecException(new ArrayList<>(found));
        }
        return new Plan(id, keys, runs);
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** A violation of a varied field, or of a field inside it, named by the value's place in its list. */
    private static Violation blamed(Violation v, Map<String, String> blame) {
        for (Map.Entry<String, String> varied : blame.entrySet()) {
            String path = varied.getKey();
            if (v.field().equals(path) || v.field().startsWith(path + ".") || v.field().startsWith(path + "[")) {
                return new Violation(varied.getValue() + v.field().substring(path.length()), v.value(), v.rule());
            }
        }
        return v;
    }

    /** Puts {@code value} at a dotted path, creating the objects on the way (a missing {@code model} included). */
    private static void set(ObjectNode spec, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = spec;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    /** A short label such as {@code lr 0.001} or {@code init xavier_normal}. */
    static String label(String key, JsonNode value) {
        String name = switch (key) {
            case "lrs" -> "lr";
            case "dropouts" -> "dropout";
            case "inits" -> "init";
            default -> "batch norm";
        };
        String text = value.isTextual() ? value.asText()
                : value.isNumber() ? number(value.doubleValue())
                : value.isBoolean() ? (value.asBoolean() ? "on" : "off") : options(value);
        return name + " " + text;
    }

    /** An initialisation with options, such as {@code normal(std 1)}; anything else as its JSON. */
    private static String options(JsonNode value) {
        if (!value.isObject() || !value.path("scheme").isTextual()) {
            return value.toString();
        }
        List<String> options = new ArrayList<>();
        value.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("scheme")) {
                JsonNode v = field.getValue();
                options.add(field.getKey() + " " + (v.isNumber() ? number(v.doubleValue()) : v.asText()));
            }
        });
        return value.get("scheme").asText() + (options.isEmpty() ? "" : "(" + String.join(", ", options) + ")");
    }

    /** A rate as people write it: 0.001, 0.1, 3, 1e-4. */
    private static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        java.math.BigDecimal exact = java.math.BigDecimal.valueOf(value).stripTrailingZeros();
        boolean plain = value == 0 || (Math.abs(value) >= 1e-3 && Math.abs(value) < 1e5);
        return plain ? exact.toPlainString() : exact.toString().toLowerCase(Locale.ROOT).replace("e+", "e");
    }
}
