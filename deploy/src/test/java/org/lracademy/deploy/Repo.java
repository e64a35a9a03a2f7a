package org.lracademy.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Files of the repository under check; the root comes from the build, or a test points it at a copy. */
final class Repo {

    private Repo() {
    }

    static Path root() {
        String configured = System.getProperty("repo.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("k8s"))) {
            throw new IllegalStateException("No k8s/ under " + root + ": set -Drepo.root to the repository root");
        }
        return root;
    }

    /** Whether a missing validation tool fails the build (CI) instead of skipping that one check. */
    static boolean toolsRequired() {
        return Boolean.getBoolean("deploy.require-tools") || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The executable of that name on PATH, if any. */
    static Optional<Path> onPath(String tool) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, tool);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
