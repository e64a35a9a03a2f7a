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
public final class Goldens {

    static final ObjectMapper JSON = new ObjectMapper();

    private Goldens() {
    }

    public static List<Path> training(String glob) {
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

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /**
     * The training of a seed-linear golden as a request body: the linear model from the recorded weights, full
     * batches in the recorded order, on the data set {@code dataset} holding the recorded points.
     */
    public static ObjectNode seedLinearSpec(JsonNode golden, String dataset) {
        ObjectNode spec = object();
        spec.putObject("dataset").put("name", dataset);
        ObjectNode model = spec.putObject("model").put("type", "linear");
        ObjectNode state = model.putObject("init").putObject("state_dict");
        state.putArray("weight").addArray().add(golden.get("init").get("weight").asDouble());
        state.putArray("bias").add(golden.get("init").get("bias").asDouble());
        spec.put("loss", "mse");
        spec.putObject("optimizer").put("name", "sgd").put("lr", golden.get("optimizer").get("lr").asDouble());
        spec.put("steps", golden.get("steps").asInt());
        int rows = golden.get("X").size();
        spec.put("batch_size", rows);
        spec.put("validation_split", 0.0);
        com.fasterxml.jackson.databind.node.ArrayNode order = spec.putArray("order");
        for (int i = 0; i < rows; i++) {
            order.add(i);
        }
        return spec;
    }

    /**
     * The digits golden as a request body: the recorded initial weights and sample order, SGD with momentum and
     * the recorded cosine annealing by PyTorch's scheduler name.
     */
    public static ObjectNode digitsCosineSpec(JsonNode golden) {
        ObjectNode spec = object();
        spec.putObject("dataset").put("name", "digits");
        ObjectNode model = spec.putObject("model").put("type", "mlp").put("activation", "relu");
        model.putArray("hidden").add(32);
        model.putObject("init").set("state_dict", golden.get("init"));
        spec.put("loss", "cross_entropy");
        spec.putObject("optimizer").put("name", "sgd").put("lr", golden.get("optimizer").get("lr").asDouble())
                .put("momentum", 0.9).put("weight_decay", 0.0);
        ObjectNode schedule = spec.putObject("schedule").put("scheduler", "CosineAnnealingLR");
        schedule.putObject("params").put("T_max", golden.get("schedule").get("T_max").asInt())
                .put("eta_min", golden.get("schedule").get("eta_min").asDouble());
        spec.put("steps", golden.get("steps").asInt());
        spec.put("batch_size", golden.get("batch").asInt());
        spec.put("validation_split", 0.0);
        spec.set("order", golden.get("order"));
        return spec;
    }

    /** Within 1e-4 relative, or 1e-6 absolute near zero, at every step. */
    public static void assertTrajectory(String what, JsonNode expected, List<Double> actual) {
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
