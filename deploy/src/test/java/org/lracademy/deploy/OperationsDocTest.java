package org.lracademy.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/operations.md names every setting that the deployment files and the applications define. */
class OperationsDocTest {

    private static final Pattern ENV = Pattern.compile("\\bACADEMY_[A-Z0-9_]+");
    private static final Pattern KEY = Pattern.compile("^(?:%[a-z]+\\.)?(academy\\.[a-z0-9.-]+)\\s*=",
            Pattern.MULTILINE);

    private static String doc() {
        return Repo.read(Repo.root().resolve("docs/operations.md"));
    }

    private static Set<String> missing(Pattern pattern, List<Path> files) {
        String doc = doc();
        Set<String> missing = new TreeSet<>();
        for (Path file : files) {
            Matcher matcher = pattern.matcher(Repo.read(file));
            while (matcher.find()) {
                String name = matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
                if (!doc.contains("`" + name + "`")) {
                    missing.add(name + " (" + Repo.root().relativize(file) + ")");
                }
            }
        }
        return missing;
    }

    @Test
    void everyEnvironmentVariableOfTheDeploymentFilesIsDocumented() throws IOException {
        Path root = Repo.root();
        List<Path> files;
        try (Stream<Path> k8s = Files.walk(root.resolve("k8s"));
             Stream<Path> backend = Files.list(root.resolve("backend/src/main/docker"));
             Stream<Path> frontend = Files.list(root.resolve("frontend/src/main/docker"))) {
            files = Stream.of(k8s, backend, frontend).flatMap(s -> s).filter(Files::isRegularFile).toList();
        }
        List<Path> all = Stream.concat(files.stream(), Stream.of(root.resolve("docker-compose.yml"))).toList();
        assertEquals(Set.of(), missing(ENV, all), "add these to docs/operations.md");
    }

    @Test
    void everyAcademyKeyOfTheApplicationsIsDocumented() {
        List<Path> properties = Stream.of("backend", "frontend")
                .map(m -> Repo.root().resolve(m).resolve("src/main/resources/application.properties"))
                .filter(Files::isRegularFile).toList();
        assertEquals(Set.of(), missing(KEY, properties), "add a row per key to the table in docs/operations.md");
    }
}
