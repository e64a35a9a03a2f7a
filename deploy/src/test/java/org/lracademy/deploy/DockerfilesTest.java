package org.lracademy.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The images are built from what Maven produces and run the way the Kubernetes manifests expect. */
class DockerfilesTest {

    private static final String APP = "target/quarkus-app/";
    private static final List<String> FAST_JAR = List.of("lib/", "quarkus/", "app/", "quarkus-run.jar");

    /** Each Dockerfile with the image it builds: Dockerfile.jvm the module's image, Dockerfile.cuda its -cuda one. */
    static Stream<Arguments> dockerfiles() {
        return Stream.of(
                Arguments.of("backend", "Dockerfile.jvm", ""),
                Arguments.of("backend", "Dockerfile.cuda", "-cuda"),
                Arguments.of("frontend", "Dockerfile.jvm", ""));
    }

    @Test
    void everyDockerfileOfTheRepositoryIsChecked() throws IOException {
        for (String module : List.of("backend", "frontend")) {
            try (var files = Files.list(Repo.root().resolve(module).resolve("src/main/docker"))) {
                List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
                List<String> checked = dockerfiles().filter(a -> a.get()[0].equals(module))
                        .map(a -> (String) a.get()[1]).sorted().toList();
                assertEquals(checked, names, module);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dockerfiles")
    void imageCopiesTheQuarkusFastJarThatMavenBuildsAndRunsIt(String module, String name, String suffix) {
        Dockerfile dockerfile = Dockerfile.parse(Repo.root().resolve(module).resolve("src/main/docker/" + name));
        List<String> copies = dockerfile.all("COPY").stream().filter(c -> !c.contains("--from=")).toList();
        String jarDestination = null;
        for (String part : FAST_JAR) {
            String copy = copies.stream().filter(c -> c.contains(" " + APP + part + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " does not copy " + APP + part));
            if (part.equals("quarkus-run.jar")) {
                jarDestination = copy.substring(copy.lastIndexOf(' ') + 1);
            }
        }
        for (String copy : copies) {
            String[] words = copy.split("\\s+");
            assertTrue(words[words.length - 2].startsWith(APP), name + " copies something Maven does not build: "
                    + copy);
        }
        String entrypoint = dockerfile.last("ENTRYPOINT").orElseThrow();
        assertTrue(entrypoint.contains("-jar " + jarDestination), name + " does not run " + jarDestination);
        String ignore = Repo.read(Repo.root().resolve(module).resolve(".dockerignore"));
        assertTrue(ignore.lines().anyMatch(l -> l.trim().equals("!" + APP)), module + "/.dockerignore hides " + APP);

        MavenModule maven = MavenModule.read(Repo.root().resolve(module)).orElse(null);
        if (maven != null) {
            String tag = maven.image() + suffix + ":" + maven.version();
            assertTrue(dockerfile.header().contains("-t " + tag), name + " header should build " + tag);
        }
    }

    @ParameterizedTest
    @MethodSource("dockerfiles")
    void imageRunsAsTheNumericNonRootUserOfTheManifestsAndChecksItsHealth(String module, String name, String suffix) {
        Dockerfile dockerfile = Dockerfile.parse(Repo.root().resolve(module).resolve("src/main/docker/" + name));
        String user = dockerfile.last("USER").orElseThrow(() -> new AssertionError(name + " has no USER"));
        assertTrue(user.matches("[1-9][0-9]*(:[0-9]+)?"), name + " USER must be a numeric non-root id: " + user);

        String port = dockerfile.last("EXPOSE").orElseThrow();
        String healthcheck = dockerfile.last("HEALTHCHECK").orElseThrow(() -> new AssertionError(name));
        assertTrue(healthcheck.contains("127.0.0.1:" + port + "/q/health/"), name + " HEALTHCHECK: " + healthcheck);

        // In the gpu overlay the API runs Dockerfile.jvm's image, the workers Dockerfile.cuda's.
        String deployment = module.equals("frontend") ? "academy-frontend"
                : suffix.isEmpty() ? "academy-api" : "academy-worker";
        ObjectNode workload = Manifests.named(Kustomize.render(Repo.root().resolve("k8s/overlays/gpu")),
                "Deployment", deployment);
        JsonNode podSpec = Manifests.podSpec(workload);
        assertEquals(user.split(":")[0], podSpec.path("securityContext").path("runAsUser").asText(), name);
        assertEquals(port, podSpec.path("containers").get(0).path("ports").get(0).path("containerPort").asText());
        if (module.equals("backend")) {
            assertTrue(dockerfile.last("ENTRYPOINT").orElseThrow().contains("-Dai.djl.offline=true"), name);
            String cache = dockerfile.env("DJL_CACHE_DIR").orElseThrow(() -> new AssertionError(name));
            assertTrue(dockerfile.all("RUN").stream().anyMatch(r -> r.contains(cache)),
                    name + " must create " + cache + " for the image user");
            JsonNode container = podSpec.path("containers").get(0);
            assertTrue(container.path("volumeMounts").toString().contains("\"" + cache + "\""),
                    "the pods must mount a volume at the image's DJL_CACHE_DIR " + cache);
        }
    }

    @Test
    void cudaImageBringsTheLibtorchFlavourThatTheJniLibraryIsBuiltFor() {
        Dockerfile cuda = Dockerfile.parse(Repo.root().resolve("backend/src/main/docker/Dockerfile.cuda"));
        String base = cuda.finalStage().get(0).arguments();
        assertTrue(base.startsWith("nvidia/cuda:") && base.contains("-runtime-"), "CUDA runtime base: " + base);

        String flavour = cuda.env("PYTORCH_FLAVOR").orElseThrow();
        String jni = "jnilib/linux-x86_64/" + flavour + "/libdjl_torch.so";
        assertNotNull(getClass().getClassLoader().getResource(jni), "pytorch-jni has no " + jni);
        assertEquals(System.getProperty("libtorch.version"), cuda.env("PYTORCH_VERSION").orElseThrow());
        Matcher cudaVersion = Pattern.compile("nvidia/cuda:(\\d+)\\.(\\d+)").matcher(base);
        assertTrue(cudaVersion.find());
        assertEquals(flavour, "cu" + cudaVersion.group(1) + cudaVersion.group(2), "base image CUDA vs flavour");
        String libraries = cuda.env("PYTORCH_LIBRARY_PATH").orElseThrow();
        assertTrue(cuda.all("COPY").stream().anyMatch(c -> c.startsWith("--from=") && c.endsWith(libraries + "/")),
                "the final stage must copy libtorch into " + libraries);

        String pom = Repo.read(Repo.root().resolve("backend/pom.xml"));
        assertTrue(pom.contains("<id>cuda</id>"), "backend/pom.xml needs the cuda profile");
        assertFalse(cuda.header().isBlank());
    }
}
