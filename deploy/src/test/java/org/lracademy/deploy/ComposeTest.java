package org.lracademy.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ComposeTest {

    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{([A-Z0-9_]+):-([^}]*)}");

    private static ObjectNode compose() {
        return Yaml.single(Repo.root().resolve("docker-compose.yml"));
    }

    private static JsonNode service(String name) {
        JsonNode service = compose().path("services").path(name);
        assertFalse(service.isMissingNode(), "docker-compose.yml has no service " + name);
        return service;
    }

    /** A value with every ${NAME:-default} replaced by its default, as compose sees it with an empty environment. */
    private static String withDefaults(String value) {
        Matcher matcher = DEFAULTED.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group(2)));
        }
        return matcher.appendTail(result).toString();
    }

    private static String env(String service, String name) {
        JsonNode value = service(service).path("environment").path(name);
        assertFalse(value.isMissingNode(), service + " has no environment entry " + name);
        return withDefaults(value.asText());
    }

    @Test
    void composeValidatorAcceptsTheFileWithAndWithoutTheMonitoringProfile() throws Exception {
        Optional<List<String>> command = composeCommand();
        if (command.isEmpty()) {
            if (Repo.toolsRequired()) {
                fail("docker-compose is required here (CI): apt-get install -y docker-compose");
            }
            assumeTrue(false, "no compose validator installed (apt-get install docker-compose): check skipped");
        }
        for (List<String> profile : List.of(List.<String>of(), List.of("--profile", "monitoring"))) {
            List<String> full = new ArrayList<>(command.get());
            full.addAll(List.of("-f", Repo.root().resolve("docker-compose.yml").toString()));
            full.addAll(profile);
            full.addAll(List.of("config", "--services"));
            ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
            builder.environment().keySet().removeIf(k -> k.startsWith("ACADEMY_") || k.startsWith("COMPOSE_"));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), "compose rejects docker-compose.yml: " + output);
            List<String> services = output.lines().map(String::trim).sorted().toList();
            List<String> expected = new ArrayList<>(List.of("backend", "frontend", "postgres"));
            if (!profile.isEmpty()) {
                expected.add("prometheus");
            }
            // docker-compose 1.x lists services of inactive profiles too; the plugin lists only active ones.
            assertTrue(services.containsAll(expected), "services " + services + " lack some of " + expected);
        }
    }

    private static Optional<List<String>> composeCommand() throws Exception {
        Optional<Path> v1 = Repo.onPath("docker-compose");
        if (v1.isPresent()) {
            return Optional.of(List.of(v1.get().toString()));
        }
        Optional<Path> docker = Repo.onPath("docker");
        if (docker.isPresent()) {
            Process plugin = new ProcessBuilder(docker.get().toString(), "compose", "version")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (plugin.waitFor(30, TimeUnit.SECONDS) && plugin.exitValue() == 0) {
                return Optional.of(List.of(docker.get().toString(), "compose"));
            }
        }
        return Optional.empty();
    }

    @Test
    void postgresKeepsItsDataInAVolumeAndTheBackendUsesIt() {
        JsonNode postgres = service("postgres");
        assertTrue(postgres.path("image").asText().startsWith("postgres:"), "the official PostgreSQL image");
        String volume = postgres.path("volumes").get(0).asText();
        assertTrue(volume.endsWith(":/var/lib/postgresql/data"), volume);
        assertTrue(compose().path("volumes").has(volume.substring(0, volume.indexOf(':'))), "named volume " + volume);

        assertEquals("all", env("backend", "ACADEMY_MODE"));
        assertEquals("jdbc:postgresql://postgres:5432/" + env("postgres", "POSTGRES_DB"), env("backend",
                "ACADEMY_DB_URL"));
        assertEquals(env("postgres", "POSTGRES_USER"), env("backend", "ACADEMY_DB_USERNAME"));
        assertEquals(env("postgres", "POSTGRES_PASSWORD"), env("backend", "ACADEMY_DB_PASSWORD"));
        Dockerfile backend = Dockerfile.parse(Repo.root().resolve("backend/src/main/docker/Dockerfile.jvm"));
        String dataDir = backend.env("ACADEMY_DATA_DIR").orElseThrow();
        assertTrue(service("backend").path("volumes").toString().contains(":" + dataDir + "\""),
                "the backend's data dir " + dataDir + " should be a volume");
        assertEquals("http://backend:" + backend.last("EXPOSE").orElseThrow(), env("frontend",
                "ACADEMY_BACKEND_URL"));
    }

    @Test
    void servicesStartOnlyOnceWhatTheyDependOnIsHealthy() {
        Map<String, JsonNode> services = new TreeMap<>();
        compose().path("services").fields().forEachRemaining(f -> services.put(f.getKey(), f.getValue()));
        for (var service : services.entrySet()) {
            service.getValue().path("depends_on").fields().forEachRemaining(dependency -> {
                assertEquals("service_healthy", dependency.getValue().path("condition").asText(),
                        service.getKey() + " -> " + dependency.getKey());
                JsonNode target = services.get(dependency.getKey());
                boolean healthcheck = target.has("healthcheck") || dockerfileOf(target)
                        .flatMap(d -> d.last("HEALTHCHECK")).isPresent();
                assertTrue(healthcheck, dependency.getKey() + " has no health check to wait for");
            });
        }
    }

    @Test
    void builtImagesAreNamedAfterTheirMavenModules() {
        for (String name : List.of("backend", "frontend")) {
            JsonNode service = service(name);
            Dockerfile dockerfile = dockerfileOf(service).orElseThrow(() -> new AssertionError(name + " build"));
            assertTrue(dockerfile.file().toString().endsWith("Dockerfile.jvm"));
            String image = withDefaults(service.path("image").asText());
            Path context = Repo.root().resolve(service.path("build").path("context").asText()).normalize();
            MavenModule.read(context).ifPresentOrElse(
                    module -> assertEquals(module.image() + ":" + module.version(), image),
                    () -> assertEquals(MavenModule.IMAGE_PREFIX + "academy-" + name, Images.repository(image)));
        }
    }

    @Test
    void monitoringProfileScrapesTheMetricsEndpoints() {
        JsonNode prometheus = service("prometheus");
        assertEquals("monitoring", prometheus.path("profiles").get(0).asText());
        String mount = prometheus.path("volumes").get(0).asText();
        Path config = Repo.root().resolve(mount.substring(0, mount.indexOf(':'))).normalize();
        assertTrue(Files.isRegularFile(config), "missing " + config);
        ObjectNode scrape = Yaml.single(config);
        List<String> targets = new ArrayList<>();
        for (JsonNode job : scrape.path("scrape_configs")) {
            assertEquals("/q/metrics", job.path("metrics_path").asText(), job.toString());
            job.path("static_configs").get(0).path("targets").forEach(t -> targets.add(t.asText()));
        }
        String backendPort = Dockerfile.parse(Repo.root().resolve("backend/src/main/docker/Dockerfile.jvm"))
                .last("EXPOSE").orElseThrow();
        assertTrue(targets.contains("backend:" + backendPort), targets.toString());
    }

    private static Optional<Dockerfile> dockerfileOf(JsonNode service) {
        JsonNode build = service.path("build");
        if (build.isMissingNode()) {
            return Optional.empty();
        }
        Path file = Repo.root().resolve(build.path("context").asText()).resolve(build.path("dockerfile").asText());
        assertTrue(Files.isRegularFile(file), "missing " + file);
        return Optional.of(Dockerfile.parse(file));
    }
}
