package org.lracademy.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reading the reference files and comparing trajectories with the documented tolerance. */
final class Goldens {

    static final ObjectMapper JSON = new ObjectMapper();

    private Goldens() {
    }

    static List<Path> training(String glob) {
        try {
            Path folder = Path.of(Goldens.class.getResource("/goldens/training").toURI());
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName()))
                        .sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Within 1e-4 relative, or 1e-6 absolute near zero, at every step. */
    static void assertTrajectory(String what, JsonNode expected, List<Double> actual) {
        assertEquals(expected.size(), actual.size(), what + ": number of steps");
        for (int i = 0; i < expected.size(); i++) {
            double want = expected.get(i).asDouble();
            Double got = actual.get(i);
            assertNotNull(got, what + " step " + i + " is not finite");
            double tolerance = Math.max(1e-4 * Math.abs(want), 1e-6);
            assertEquals(want, got, tolerance, what + " step " + i);
        }
    }
}
