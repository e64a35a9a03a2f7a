package org.lracademy.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
