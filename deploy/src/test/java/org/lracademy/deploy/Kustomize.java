package org.lracademy.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization the way kustomize does, for the part of kustomize this repository uses: resources
 * (files and directories), strategic-merge patches given by path, and image overrides. Any other field is refused,
 * so a kustomization can never mean more than this renderer understands. Where kustomize is installed, a test
 * compares both renderings.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "patches", "images");

    /** Strategic-merge keys of the Kubernetes lists that the patches touch; other lists are replaced whole. */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath",
            "imagePullSecrets", "name");

    private Kustomize() {
    }

    static List<ObjectNode> render(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No kustomization.yaml in " + directory);
        }
        ObjectNode kustomization = Yaml.single(file);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(file + ": field '" + field + "' is not supported here");
            }
        });

        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path resource = directory.resolve(entry.asText()).normalize();
            List<ObjectNode> documents = Files.isDirectory(resource) ? render(resource) : Yaml.documents(resource);
            for (ObjectNode document : documents) {
                if (byId.put(id(document), document) != null) {
                    throw new IllegalArgumentException(file + ": " + id(document) + " is defined twice");
                }
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            if (patch.size() != 1 || !patch.has("path")) {
                throw new IllegalArgumentException(file + ": only patches given by 'path' are supported: " + patch);
            }
            for (ObjectNode document : Yaml.documents(directory.resolve(patch.get("path").asText()))) {
                ObjectNode target = byId.get(id(document));
                if (target == null) {
                    throw new IllegalArgumentException(file + ": patch for " + id(document) + " matches nothing");
                }
                merge(target, document);
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            byId.values().forEach(document -> setImage(document, image));
        }
        return new ArrayList<>(byId.values());
    }

    /** kind/namespace/name, the identity kustomize matches patches against. */
    static String id(ObjectNode document) {
        JsonNode metadata = document.path("metadata");
        return document.path("kind").asText() + "/" + metadata.path("namespace").asText("")
                + "/" + metadata.path("name").asText();
    }

    static void merge(ObjectNode target, ObjectNode patch) {
        patch.fields().forEachRemaining(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode current = target.get(name);
            if (name.startsWith("$")) {
                throw new IllegalArgumentException("Patch directive " + name + " is not supported here");
            } else if (value.isNull()) {
                target.remove(name);
            } else if (current instanceof ObjectNode currentObject && value instanceof ObjectNode valueObject) {
                merge(currentObject, valueObject);
            } else if (current instanceof ArrayNode currentArray && value instanceof ArrayNode valueArray
                    && MERGE_KEYS.containsKey(name)) {
                mergeList(currentArray, valueArray, MERGE_KEYS.get(name));
            } else {
                target.set(name, value.deepCopy());
            }
        });
    }

    private static void mergeList(ArrayNode target, ArrayNode patch, String key) {
        for (JsonNode element : patch) {
            ObjectNode match = null;
            for (JsonNode candidate : target) {
                if (candidate.path(key).equals(element.path(key))) {
                    match = (ObjectNode) candidate;
                }
            }
            if (match != null) {
                merge(match, (ObjectNode) element);
            } else {
                target.add(element.deepCopy());
            }
        }
    }

    private static void setImage(ObjectNode document, JsonNode override) {
        String wanted = override.path("name").asText();
        for (JsonNode container : Manifests.allContainers(document)) {
            String image = container.path("image").asText();
            if (!Images.repository(image).equals(wanted)) {
                continue;
            }
            String repository = override.path("newName").asText(wanted);
            String tag = override.has("newTag") ? override.get("newTag").asText() : Images.tag(image);
            ((ObjectNode) container).put("image", tag.isEmpty() ? repository : repository + ":" + tag);
        }
    }
}
