package org.lracademy.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Navigation over rendered Kubernetes documents. */
final class Manifests {

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");

    private Manifests() {
    }

    static boolean isWorkload(JsonNode document) {
        return WORKLOADS.contains(document.path("kind").asText());
    }

    static JsonNode podSpec(JsonNode document) {
        if (isWorkload(document)) {
            return document.path("spec").path("template").path("spec");
        }
        if ("Pod".equals(document.path("kind").asText())) {
            return document.path("spec");
        }
        return MissingNode.getInstance();
    }

    static List<JsonNode> allContainers(JsonNode document) {
        JsonNode podSpec = podSpec(document);
        List<JsonNode> containers = new ArrayList<>();
        podSpec.path("initContainers").forEach(containers::add);
        podSpec.path("containers").forEach(containers::add);
        return containers;
    }

    static Map<String, String> podLabels(JsonNode workload) {
        return strings(workload.path("spec").path("template").path("metadata").path("labels"));
    }

    static Map<String, String> strings(JsonNode mapping) {
        Map<String, String> values = new TreeMap<>();
        mapping.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        return values;
    }

    static String name(JsonNode document) {
        return document.path("metadata").path("name").asText();
    }

    static String namespace(JsonNode document) {
        return document.path("metadata").path("namespace").asText();
    }

    static List<ObjectNode> ofKind(List<ObjectNode> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    static ObjectNode named(List<ObjectNode> documents, String kind, String name) {
        return ofKind(documents, kind).stream().filter(d -> name.equals(name(d))).findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind + " named " + name));
    }

    /** Whether a label selector (matchLabels and matchExpressions In/NotIn/Exists/DoesNotExist) selects labels. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        for (var entry : strings(selector.path("matchLabels")).entrySet()) {
            if (!entry.getValue().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean holds = switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("Unknown selector operator in " + expression);
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }
}
