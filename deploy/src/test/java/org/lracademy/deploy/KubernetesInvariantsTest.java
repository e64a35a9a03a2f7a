package org.lracademy.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** What every rendered overlay must hold, beyond being valid Kubernetes objects. */
class KubernetesInvariantsTest {

    /** Secrets the operator creates (docs/operations.md), with their keys; the manifests only refer to them. */
    private static final Map<String, Set<String>> SECRETS = Map.of(
            "academy-db", Set.of("username", "password"),
            "academy-api-keys", Set.of("keys"));

    private static List<ObjectNode> render(String overlay) {
        return Kustomize.render(Repo.root().resolve("k8s/overlays").resolve(overlay));
    }

    private static List<ObjectNode> workloads(List<ObjectNode> documents) {
        return documents.stream().filter(Manifests::isWorkload).toList();
    }

    private static String where(JsonNode workload, JsonNode container) {
        return Kustomize.id((ObjectNode) workload) + " container " + container.path("name").asText();
    }

    @Test
    void gpuWorkersRequestGpusInTheirLimitsAndRunTheCudaImageOnGpuNodes() {
        List<ObjectNode> documents = render("gpu");
        ObjectNode worker = Manifests.named(documents, "Deployment", "academy-worker");
        JsonNode podSpec = Manifests.podSpec(worker);
        JsonNode container = podSpec.path("containers").get(0);

        Quantity gpus = new Quantity(container.path("resources").path("limits").path("nvidia.com/gpu").asText("0"));
        assertTrue(gpus.getNumericalAmount().intValue() >= 1, "worker limits request no nvidia.com/gpu");
        String backendImage = MavenModule.read(Repo.root().resolve("backend")).orElseThrow().image();
        assertEquals(backendImage + "-cuda", Images.repository(container.path("image").asText()));
        assertFalse(podSpec.path("nodeSelector").isEmpty(), "GPU workers need a nodeSelector for GPU nodes");
        assertTrue(tolerationKeys(podSpec).contains("nvidia.com/gpu"), "GPU workers must tolerate the GPU taint");
        assertEquals("worker", env(container, "ACADEMY_MODE"));

        JsonNode slots = envEntry(container, "ACADEMY_SLOTS_PER_GPU").path("valueFrom").path("configMapKeyRef");
        ObjectNode config = Manifests.named(documents, "ConfigMap", slots.path("name").asText());
        assertTrue(config.path("data").path(slots.path("key").asText()).asInt() >= 1,
                "ACADEMY_SLOTS_PER_GPU must come from a ConfigMap key holding a positive number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void onlyGpuWorkersAskForGpus(String overlay) {
        for (ObjectNode workload : workloads(render(overlay))) {
            for (JsonNode container : Manifests.allContainers(workload)) {
                boolean asks = container.path("resources").path("limits").has("nvidia.com/gpu")
                        || container.path("resources").path("requests").has("nvidia.com/gpu");
                boolean gpuWorker = overlay.equals("gpu") && Manifests.name(workload).equals("academy-worker");
                assertEquals(gpuWorker, asks, where(workload, container) + " nvidia.com/gpu");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void everyContainerHasLivenessAndReadinessProbesOnTheHealthEndpoints(String overlay) {
        for (ObjectNode workload : workloads(render(overlay))) {
            for (JsonNode container : Manifests.podSpec(workload).path("containers")) {
                String where = where(workload, container);
                JsonNode liveness = container.path("livenessProbe");
                JsonNode readiness = container.path("readinessProbe");
                assertFalse(liveness.isMissingNode(), where + " has no livenessProbe");
                assertFalse(readiness.isMissingNode(), where + " has no readinessProbe");
                if (Images.repository(container.path("image").asText()).startsWith(MavenModule.IMAGE_PREFIX)) {
                    assertHealthProbe(container, liveness, "/q/health/live", where);
                    assertHealthProbe(container, readiness, "/q/health/ready", where);
                }
            }
        }
    }

    private static void assertHealthProbe(JsonNode container, JsonNode probe, String path, String where) {
        assertEquals(path, probe.path("httpGet").path("path").asText(), where);
        JsonNode port = probe.path("httpGet").path("port");
        boolean declared = false;
        for (JsonNode declaredPort : container.path("ports")) {
            declared |= port.isInt() ? declaredPort.path("containerPort").asInt() == port.asInt()
                    : declaredPort.path("name").asText().equals(port.asText());
        }
        assertTrue(declared, where + " probes port " + port + ", which the container does not declare");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void everyContainerHasCpuAndMemoryRequestsWithinItsLimits(String overlay) {
        for (ObjectNode workload : workloads(render(overlay))) {
            for (JsonNode container : Manifests.allContainers(workload)) {
                for (String resource : List.of("cpu", "memory")) {
                    String where = where(workload, container) + " " + resource;
                    JsonNode request = container.path("resources").path("requests").path(resource);
                    JsonNode limit = container.path("resources").path("limits").path(resource);
                    assertFalse(request.isMissingNode(), where + " has no request");
                    assertFalse(limit.isMissingNode(), where + " has no limit");
                    assertTrue(new Quantity(request.asText()).getNumericalAmount()
                            .compareTo(new Quantity(limit.asText()).getNumericalAmount()) <= 0,
                            where + " request " + request.asText() + " exceeds limit " + limit.asText());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void everyContainerRunsAsANumericNonRootUserWithoutPrivileges(String overlay) {
        for (ObjectNode workload : workloads(render(overlay))) {
            JsonNode pod = Manifests.podSpec(workload).path("securityContext");
            for (JsonNode container : Manifests.allContainers(workload)) {
                String where = where(workload, container);
                JsonNode own = container.path("securityContext");
                JsonNode nonRoot = own.has("runAsNonRoot") ? own.get("runAsNonRoot") : pod.path("runAsNonRoot");
                JsonNode user = own.has("runAsUser") ? own.get("runAsUser") : pod.path("runAsUser");
                assertTrue(nonRoot.asBoolean(false), where + " lacks runAsNonRoot: true");
                assertTrue(user.isIntegralNumber() && user.asLong() > 0, where + " needs a numeric runAsUser > 0");
                assertEquals(Boolean.FALSE, own.path("allowPrivilegeEscalation").asBoolean(true),
                        where + " must set allowPrivilegeEscalation: false");
                assertTrue(own.path("readOnlyRootFilesystem").asBoolean(false),
                        where + " must set readOnlyRootFilesystem: true");
                Set<String> dropped = new TreeSet<>();
                own.path("capabilities").path("drop").forEach(c -> dropped.add(c.asText()));
                assertTrue(dropped.contains("ALL"), where + " must drop ALL capabilities");
                assertTrue(own.path("capabilities").path("add").isEmpty(), where + " adds capabilities");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void writablePathsOfTheBackendAndFrontendAreVolumes(String overlay) {
        List<ObjectNode> documents = render(overlay);
        ObjectNode config = Manifests.named(documents, "ConfigMap", "academy-config");
        for (ObjectNode workload : workloads(documents)) {
            JsonNode podSpec = Manifests.podSpec(workload);
            Set<String> volumes = new TreeSet<>();
            podSpec.path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
            workload.path("spec").path("volumeClaimTemplates")
                    .forEach(v -> volumes.add(v.path("metadata").path("name").asText()));
            for (JsonNode container : Manifests.allContainers(workload)) {
                Set<String> mounted = new TreeSet<>();
                for (JsonNode mount : container.path("volumeMounts")) {
                    assertTrue(volumes.contains(mount.path("name").asText()),
                            where(workload, container) + " mounts missing volume " + mount.path("name").asText());
                    mounted.add(mount.path("mountPath").asText());
                }
                List<String> needed = new ArrayList<>(List.of("/tmp"));
                if (Images.repository(container.path("image").asText()).contains("academy-backend")) {
                    needed.add(env(container, "DJL_CACHE_DIR"));
                    needed.add(config.path("data").path("ACADEMY_DATA_DIR").asText());
                    assertEquals(config.path("data").path("ACADEMY_DATA_DIR").asText(),
                            resolvedEnv(container, "ACADEMY_DATA_DIR", documents), where(workload, container));
                }
                assertTrue(mounted.containsAll(needed), where(workload, container) + " mounts " + mounted
                        + " but needs writable " + needed);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void apiAndWorkersRunInTheirModesAgainstPostgres(String overlay) {
        List<ObjectNode> documents = render(overlay);
        for (String mode : List.of("api", "worker")) {
            JsonNode container = Manifests.podSpec(Manifests.named(documents, "Deployment", "academy-" + mode))
                    .path("containers").get(0);
            assertEquals(mode, env(container, "ACADEMY_MODE"));
            assertTrue(resolvedEnv(container, "ACADEMY_DB_URL", documents).startsWith("jdbc:postgresql://postgres:"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void imagesAreTheOnesTheBuildProducesTaggedWithTheProjectVersion(String overlay) {
        MavenModule backend = MavenModule.read(Repo.root().resolve("backend")).orElseThrow();
        Map<String, String> expected = new java.util.TreeMap<>(Map.of(
                backend.image(), backend.version(), backend.image() + "-cuda", backend.version()));
        // The frontend module is named academy-frontend; its pom decides when it is present.
        MavenModule.read(Repo.root().resolve("frontend")).ifPresentOrElse(
                frontend -> expected.put(frontend.image(), frontend.version()),
                () -> expected.put(MavenModule.IMAGE_PREFIX + "academy-frontend", backend.version()));
        for (ObjectNode workload : workloads(render(overlay))) {
            for (JsonNode container : Manifests.allContainers(workload)) {
                String image = container.path("image").asText();
                if (image.startsWith("postgres:")) {
                    continue;
                }
                assertTrue(expected.containsKey(Images.repository(image)),
                        where(workload, container) + " runs " + image + ", which no module builds: " + expected);
                assertEquals(expected.get(Images.repository(image)), Images.tag(image), where(workload, container));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void configMapAndSecretReferencesResolve(String overlay) {
        List<ObjectNode> documents = render(overlay);
        for (ObjectNode workload : workloads(documents)) {
            for (JsonNode container : Manifests.allContainers(workload)) {
                for (JsonNode entry : container.path("env")) {
                    JsonNode configRef = entry.path("valueFrom").path("configMapKeyRef");
                    if (!configRef.isMissingNode()) {
                        ObjectNode config = Manifests.named(documents, "ConfigMap", configRef.path("name").asText());
                        assertTrue(config.path("data").has(configRef.path("key").asText()),
                                where(workload, container) + " reads missing key " + configRef);
                    }
                    JsonNode secretRef = entry.path("valueFrom").path("secretKeyRef");
                    if (!secretRef.isMissingNode()) {
                        Set<String> keys = SECRETS.get(secretRef.path("name").asText());
                        assertTrue(keys != null && keys.contains(secretRef.path("key").asText()),
                                where(workload, container) + " reads an undocumented secret " + secretRef);
                    }
                }
                assertTrue(container.path("envFrom").isMissingNode(), "env is listed key by key, not envFrom");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void networkPoliciesLetOnlyTheFrontendAndIngressReachTheApiAndOnlyTheBackendReachPostgres(String overlay) {
        List<ObjectNode> documents = render(overlay);
        List<ObjectNode> policies = Manifests.ofKind(documents, "NetworkPolicy");
        assertTrue(policies.stream().anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                        && p.path("spec").path("ingress").isMissingNode()),
                "a default-deny ingress policy must exist");
        for (ObjectNode policy : policies) {
            JsonNode selector = policy.path("spec").path("podSelector");
            if (!selector.isEmpty()) {
                assertFalse(selected(documents, selector).isEmpty(), Kustomize.id(policy) + " selects no pod");
            }
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    if (peer.has("podSelector")) {
                        assertFalse(selected(documents, peer.get("podSelector")).isEmpty(),
                                Kustomize.id(policy) + " admits pods that do not exist: " + peer);
                    }
                }
            }
        }
        assertEquals(Set.of("academy-api", "academy-worker"), admittedPods(documents, "postgres"));
        assertEquals(Set.of("academy-frontend"), admittedPods(documents, "academy-api"));
        assertTrue(admitsNamespaces(documents, "academy-api"), "the ingress controller must reach the API");
        assertTrue(admitsNamespaces(documents, "academy-frontend"), "the ingress controller must reach the frontend");
    }

    /** Workloads whose pods some policy protecting the given workload's pods lets in. */
    private static Set<String> admittedPods(List<ObjectNode> documents, String workloadName) {
        ObjectNode target = workloads(documents).stream().filter(w -> Manifests.name(w).equals(workloadName))
                .findFirst().orElseThrow();
        Set<String> admitted = new TreeSet<>();
        for (ObjectNode policy : Manifests.ofKind(documents, "NetworkPolicy")) {
            if (!Manifests.selects(policy.path("spec").path("podSelector"), Manifests.podLabels(target))) {
                continue;
            }
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    if (peer.has("podSelector") && !peer.has("namespaceSelector")) {
                        admitted.addAll(selected(documents, peer.get("podSelector")));
                    }
                }
                if (rule.path("from").isMissingNode()) {
                    fail(Kustomize.id(policy) + " admits every source");
                }
            }
        }
        return admitted;
    }

    private static boolean admitsNamespaces(List<ObjectNode> documents, String workloadName) {
        ObjectNode target = Manifests.named(documents, "Deployment", workloadName);
        return Manifests.ofKind(documents, "NetworkPolicy").stream()
                .filter(p -> Manifests.selects(p.path("spec").path("podSelector"), Manifests.podLabels(target)))
                .flatMap(p -> toList(p.path("spec").path("ingress")).stream())
                .flatMap(rule -> toList(rule.path("from")).stream())
                .anyMatch(peer -> !peer.path("namespaceSelector").isEmpty());
    }

    private static Set<String> selected(List<ObjectNode> documents, JsonNode selector) {
        return workloads(documents).stream()
                .filter(w -> Manifests.selects(selector, Manifests.podLabels(w)))
                .map(Manifests::name).collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void servicesIngressAutoscalerAndBudgetsPointAtObjectsThatExist(String overlay) {
        List<ObjectNode> documents = render(overlay);
        for (ObjectNode service : Manifests.ofKind(documents, "Service")) {
            Set<String> pods = selected(documents, objectWithMatchLabels(service.path("spec").path("selector")));
            assertEquals(1, pods.size(), Kustomize.id(service) + " selects " + pods);
            JsonNode container = Manifests.podSpec(Manifests.ofKind(documents, "Deployment").stream()
                    .filter(d -> pods.contains(Manifests.name(d))).findFirst()
                    .orElseGet(() -> Manifests.named(documents, "StatefulSet", pods.iterator().next())))
                    .path("containers").get(0);
            for (JsonNode port : service.path("spec").path("ports")) {
                String target = port.path("targetPort").asText();
                assertTrue(toList(container.path("ports")).stream().anyMatch(p -> p.path("name").asText()
                        .equals(target)), Kustomize.id(service) + " targets unknown port " + target);
            }
        }
        for (JsonNode path : toList(Manifests.ofKind(documents, "Ingress").get(0).at("/spec/rules/0/http/paths"))) {
            JsonNode backend = path.path("backend").path("service");
            ObjectNode service = Manifests.named(documents, "Service", backend.path("name").asText());
            assertTrue(toList(service.path("spec").path("ports")).stream().anyMatch(
                    p -> p.path("name").asText().equals(backend.path("port").path("name").asText())));
        }
        ObjectNode autoscaler = Manifests.named(documents, "HorizontalPodAutoscaler", "academy-api");
        assertEquals("autoscaling/v2", autoscaler.path("apiVersion").asText());
        JsonNode target = autoscaler.path("spec").path("scaleTargetRef");
        Manifests.named(documents, target.path("kind").asText(), target.path("name").asText());
        for (ObjectNode budget : Manifests.ofKind(documents, "PodDisruptionBudget")) {
            assertEquals(1, selected(documents, budget.path("spec").path("selector")).size(), Kustomize.id(budget));
        }
        ObjectNode postgres = Manifests.named(documents, "StatefulSet", "postgres");
        assertFalse(postgres.path("spec").path("volumeClaimTemplates").isEmpty(), "PostgreSQL needs a PVC template");
    }

    private static JsonNode objectWithMatchLabels(JsonNode labels) {
        ObjectNode selector = Yaml.MAPPER.createObjectNode();
        selector.set("matchLabels", labels);
        return selector;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static Set<String> tolerationKeys(JsonNode podSpec) {
        Set<String> keys = new TreeSet<>();
        podSpec.path("tolerations").forEach(t -> keys.add(t.path("key").asText()));
        return keys;
    }

    private static JsonNode envEntry(JsonNode container, String name) {
        return toList(container.path("env")).stream().filter(e -> e.path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(container.path("name") + " has no env " + name));
    }

    private static String env(JsonNode container, String name) {
        JsonNode entry = envEntry(container, name);
        assertTrue(entry.has("value"), name + " must be a literal value");
        return entry.get("value").asText();
    }

    private static String resolvedEnv(JsonNode container, String name, List<ObjectNode> documents) {
        JsonNode entry = envEntry(container, name);
        if (entry.has("value")) {
            return entry.get("value").asText();
        }
        JsonNode ref = entry.path("valueFrom").path("configMapKeyRef");
        return Manifests.named(documents, "ConfigMap", ref.path("name").asText())
                .path("data").path(ref.path("key").asText()).asText();
    }
}
