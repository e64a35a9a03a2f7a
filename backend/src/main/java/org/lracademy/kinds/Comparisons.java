package org.lracademy.kinds;

import com.fasterxml.jackson.databind.JsonNode;
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
 * A comparison: one training body and a list of values for one of its settings. It becomes one training job per
 * value, tagged with the comparison's id, its index and its value, so that the runs can go to different slots and
 * be followed side by side.
 */
@ApplicationScoped
public class Comparisons {

    /** Most runs one comparison may ask for: as many curves as one chart keeps readable. */
    public static final int MAX_RUNS = 8;

    /** Each list a comparison may vary, with the training field its values go to. */
    static final Map<String, String> VARIED = Map.of(
            "lrs", "optimizer.lr",
            "dropouts", "model.dropout",
            "inits", "model.init",
            "batch_norms", "model.batch_norm");

    /**
     * One training of a comparison.
     *
     * @param spec the training body, tagged with {@code label} and {@code comparison}
     */
    public record Run(int index, JsonNode value, ObjectNode spec) {
    }

    /** A comparison split into its runs. */
    public record Plan(String id, String varies, List<Run> runs) {
    }

    @Inject
    TrainingKind training;

    /**
     * Checks the body and every run it makes.
     *
     * @throws InvalidSpecException naming each bad field; a value that breaks a training's rule is named by its
     *     place in the list, for example {@code lrs[2]}
     */
    public Plan plan(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidSpecException("body", body == null ? null : body.getNodeType(),
                    "must be a JSON object: a training body plus one of " + String.join(", ", names()));
        }
        List<String> keys = VARIED.keySet().stream().filter(body::has).sorted().toList();
        Checks checks = new Checks();
        String blamed = keys.size() > 1 ? keys.get(1) : "lrs";
        if (!checks.require(keys.size() == 1, blamed, keys.isEmpty() ? null : keys,
                "a comparison varies exactly one setting: give one of " + String.join(", ", names()))) {
            checks.throwIfAny();
        }
        String key = keys.get(0);
        JsonNode values = body.get(key);
        if (checks.require(values.isArray(), key, values, "must be a list of values")) {
            checks.require(!values.isEmpty() && values.size() <= MAX_RUNS, key, values.size() + " values",
                    "must hold 1 to " + MAX_RUNS + " values");
        }
        checks.throwIfAny();

        String id = UUID.randomUUID().toString();
        ObjectNode base = ((ObjectNode) body.deepCopy()).without(key);
        JsonNode priority = base.remove("priority");
        List<Run> runs = new ArrayList<>();
        Set<Violation> found = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            ObjectNode spec = base.deepCopy();
            set(spec, VARIED.get(key), values.get(i));
            spec.put("label", label(key, values.get(i)));
            spec.putObject("comparison").put("id", id).put("index", i).put("varies", key).set("value", values.get(i));
            try {
                training.validate(spec);
            } catch (InvalidSpecException e) {
                for (Violation v : e.violations()) {
                    found.add(v.field().equals(VARIED.get(key)) ? new Violation(key + "[" + i + "]", v.value(),
                            v.rule()) : v);
                }
            }
            if (priority != null) {
                spec.set("priority", priority);
            }
            runs.add(new Run(i, values.get(i), spec));
        }
        if (!found.isEmpty()) {
            throw new InvalidSpecException(new ArrayList<>(found));
        }
        return new Plan(id, key, runs);
    }

    private static List<String> names() {
        return VARIED.keySet().stream().sorted().toList();
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
                : value.isNumber() ? String.format(Locale.ROOT, "%s", value.numberValue()) : value.toString();
        return (name + " " + text).length() > SpecParts.MAX_LABEL
                ? (name + " " + text).substring(0, SpecParts.MAX_LABEL) : name + " " + text;
    }
}
