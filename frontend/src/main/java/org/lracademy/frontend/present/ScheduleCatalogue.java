package org.lracademy.frontend.present;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The schedulers the backend offers, each with the parameters its form needs. */
public record ScheduleCatalogue(List<Scheduler> schedulers) {

    /** A scheduler and its parameters, by PyTorch's names. */
    public record Scheduler(String name, String description, List<Param> params) {
    }

    /**
     * One parameter. {@code defaultValue} is what an empty field means; a null node when there is none.
     * {@code starter} fills the field of a parameter without default, so the first curve draws at once.
     */
    public record Param(String name, String description, JsonNode defaultValue, String limits, String starter) {

        /** The field's starting text. */
        public String initialText() {
            return defaultValue == null || defaultValue.isNull() ? starter
                    : defaultValue.isTextual() ? defaultValue.asText()
                    : defaultValue.isNumber() ? VariantList.number(defaultValue.asDouble()) : defaultValue.toString();
        }
    }

    /** Reads the catalogue from a list, or an object holding one under {@code schedulers}, or a map by name. */
    public static ScheduleCatalogue of(JsonNode answer) {
        JsonNode list = answer.has("schedulers") ? answer.get("schedulers") : answer;
        List<Scheduler> schedulers = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(s -> schedulers.add(scheduler(s.path("name").asText(s.path("scheduler").asText()), s)));
        } else {
            list.fields().forEachRemaining(f -> schedulers.add(scheduler(f.getKey(), f.getValue())));
        }
        return new ScheduleCatalogue(schedulers);
    }

    private static Scheduler scheduler(String name, JsonNode node) {
        JsonNode params = node.has("params") ? node.get("params") : node.path("parameters");
        List<Param> list = new ArrayList<>();
        if (params.isArray()) {
            params.forEach(p -> addUnlessFixed(list, name, p.path("name").asText(), p));
        } else {
            params.fields().forEachRemaining(f -> addUnlessFixed(list, name, f.getKey(), f.getValue()));
        }
        return new Scheduler(name, node.path("description").asText(node.path("meaning").asText("")), list);
    }

    /** A parameter that accepts one value only (such as {@code last_epoch}) gets no field. */
    private static void addUnlessFixed(List<Param> list, String scheduler, String name, JsonNode node) {
        boolean fixed = node.path("min").isNumber() && node.path("max").isNumber()
                && node.get("min").asDouble() == node.get("max").asDouble();
        if (!fixed) {
            list.add(param(scheduler, name, node));
        }
    }

    /** Values that draw a telling curve over the explorer's first 100 steps, by scheduler and parameter. */
    private static final Map<String, String> STARTERS = Map.ofEntries(
            Map.entry("T_max", "100"),
            Map.entry("T_0", "25"),
            Map.entry("gamma", "0.97"),
            Map.entry("max_lr", "0.1"),
            Map.entry("total_steps", "100"),
            Map.entry("step_size", "30"),
            Map.entry("milestones", "[30, 60, 90]"),
            Map.entry("num_warmup_steps", "10"),
            Map.entry("num_training_steps", "100"),
            Map.entry("SequentialLR.milestones", "[10]"),
            Map.entry("SequentialLR.schedulers", "[{\"name\": \"LinearLR\", \"start_factor\": 0.1, "
                    + "\"total_iters\": 10}, {\"name\": \"CosineAnnealingLR\", \"T_max\": 90}]"),
            Map.entry("ChainedScheduler.schedulers", "[{\"name\": \"ExponentialLR\", \"gamma\": 0.98}, "
                    + "{\"name\": \"StepLR\", \"step_size\": 30}]"));

    private static Param param(String scheduler, String name, JsonNode node) {
        JsonNode fallback = node.has("default") ? node.get("default") : null;
        String starter = STARTERS.getOrDefault(scheduler + "." + name, STARTERS.getOrDefault(name, ""));
        return new Param(name, node.path("description").asText(node.path("meaning").asText("")), fallback,
                limits(node), starter);
    }

    private static String limits(JsonNode node) {
        List<String> parts = new ArrayList<>();
        if (node.path("required").asBoolean(false)) {
            parts.add("required");
        }
        if (node.path("min").isNumber()) {
            String above = node.path("min_exclusive").asBoolean(false) ? "above " : "at least ";
            parts.add(above + VariantList.number(node.get("min").asDouble()));
        }
        if (node.path("max").isNumber()) {
            parts.add("at most " + VariantList.number(node.get("max").asDouble()));
        }
        if (node.path("allowed").isArray()) {
            List<String> allowed = new ArrayList<>();
            node.get("allowed").forEach(a -> allowed.add(a.asText()));
            parts.add("one of " + String.join(", ", allowed));
        }
        return String.join(", ", parts);
    }

    /**
     * The preview request for a scheduler, from the texts of its fields. Empty fields are left out, so the
     * backend's default applies.
     *
     * @throws FieldErrors naming each field whose text is not a value
     */
    public static ObjectNode previewBody(Scheduler scheduler, Map<String, String> texts, String baseLr, String steps) {
        Map<String, String> errors = new LinkedHashMap<>();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("scheduler", scheduler.name());
        ObjectNode params = body.putObject("params");
        for (Param p : scheduler.params()) {
            String text = texts.getOrDefault(p.name(), "").trim();
            if (!text.isEmpty()) {
                try {
                    params.set(p.name(), FieldValues.parse(text));
                } catch (IllegalArgumentException e) {
                    errors.put(p.name(), e.getMessage());
                }
            }
        }
        number(body, "base_lr", baseLr, errors);
        number(body, "steps", steps, errors);
        if (!errors.isEmpty()) {
            throw new FieldErrors(errors);
        }
        return body;
    }

    private static void number(ObjectNode body, String field, String text, Map<String, String> errors) {
        try {
            JsonNode value = FieldValues.parse(text.trim());
            if (!value.isNumber()) {
                throw new IllegalArgumentException("'" + text + "' is not a number");
            }
            body.set(field, value);
        } catch (IllegalArgumentException e) {
            errors.put(field, e.getMessage());
        }
    }

    /** Fields whose text could not be read, each with its message. */
    public static class FieldErrors extends IllegalArgumentException {
        private final Map<String, String> errors;

        public FieldErrors(Map<String, String> errors) {
            super(errors.toString());
            this.errors = Map.copyOf(errors);
        }

        public Map<String, String> errors() {
            return errors;
        }
    }
}
