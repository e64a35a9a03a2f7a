package org.lracademy.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class KubernetesManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void everyRenderedDocumentIsAValidKubernetesObject(String overlay) {
        List<ObjectNode> documents = Kustomize.render(Repo.root().resolve("k8s/overlays").resolve(overlay));

        assertTrue(documents.size() >= 15, "too few documents rendered: " + documents.size());
        assertEquals(List.of(), KubernetesTypes.problems(documents));
    }

    @Test
    void everyOverlayOfTheRepositoryIsChecked() throws IOException {
        try (var overlays = Files.list(Repo.root().resolve("k8s/overlays"))) {
            assertEquals(List.of("cpu", "gpu"), overlays.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void validatorRejectsUnknownFieldsWrongTypesAndUnknownKinds() {
        ObjectNode deployment = Kustomize.render(Repo.root().resolve("k8s/overlays/cpu")).stream()
                .filter(d -> "Deployment".equals(d.path("kind").asText())).findFirst().orElseThrow();
        assertNull(KubernetesTypes.problem(deployment));

        ObjectNode misspelt = deployment.deepCopy();
        ((ObjectNode) misspelt.at("/spec/template/spec/containers/0")).put("imagePullPolicyy", "Always");
        assertTrue(KubernetesTypes.problem(misspelt).contains("spec.template.spec.containers[0].imagePullPolicyy"),
                KubernetesTypes.problem(misspelt));

        ObjectNode numberForString = deployment.deepCopy();
        ((ObjectNode) numberForString.at("/spec/template/spec/containers/0/env/0")).put("value", 8);
        assertNotNull(KubernetesTypes.problem(numberForString));

        ObjectNode stringForNumber = deployment.deepCopy();
        ((ObjectNode) stringForNumber.at("/spec")).put("replicas", "two");
        assertNotNull(KubernetesTypes.problem(stringForNumber));

        ObjectNode oldApi = deployment.deepCopy();
        oldApi.put("apiVersion", "apps/v1beta3");
        assertTrue(KubernetesTypes.problem(oldApi).startsWith("no Kubernetes API type"));
    }

    /**
     * The renderer covers only what this repository uses; where kustomize (standalone or inside kubectl) is
     * installed, both must render the same objects.
     */
    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void rendererAgreesWithKustomizeWhereKustomizeIsInstalled(String overlay) throws Exception {
        Optional<List<String>> command = kustomizeCommand();
        assumeTrue(command.isPresent(), "neither kustomize nor kubectl is installed: comparison skipped");
        Path directory = Repo.root().resolve("k8s/overlays").resolve(overlay);
        List<String> full = new ArrayList<>(command.get());
        full.add(directory.toString());
        Path output = Files.createTempFile("kustomize-" + overlay, ".yaml");
        Process process = new ProcessBuilder(full).redirectErrorStream(false)
                .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kustomize did not finish");
        assertEquals(0, process.exitValue(), "kustomize failed on " + directory);

        Map<String, JsonNode> expected = byId(Yaml.documents(output));
        Map<String, JsonNode> actual = byId(Kustomize.render(directory));
        Files.delete(output);
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((id, document) -> assertEquals(document, actual.get(id), id));
    }

    private static Map<String, JsonNode> byId(List<ObjectNode> documents) {
        Map<String, JsonNode> byId = new TreeMap<>();
        documents.forEach(d -> byId.put(Kustomize.id(d), normalised(d.deepCopy())));
        return byId;
    }

    /** Lists of named items (env, containers, volumes) compare as sets: kustomize may put patched items first. */
    private static JsonNode normalised(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> object.set(field.getKey(), normalised(field.getValue())));
        } else if (node instanceof ArrayNode array) {
            List<JsonNode> items = new ArrayList<>();
            array.forEach(item -> items.add(normalised(item)));
            if (items.stream().allMatch(item -> item.has("name"))) {
                items.sort((a, b) -> a.get("name").asText().compareTo(b.get("name").asText()));
            }
            array.removeAll();
            items.forEach(array::add);
        }
        return node;
    }

    private static Optional<List<String>> kustomizeCommand() {
        for (String tool : List.of("kustomize", "kubectl")) {
            Optional<Path> found = Repo.onPath(tool);
            if (found.isPresent()) {
                String binary = found.get().toString();
                return Optional.of(tool.equals("kubectl") ? List.of(binary, "kustomize") : List.of(binary, "build"));
            }
        }
        return Optional.empty();
    }
}
