package org.lracademy.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;

/**
 * One PyTorch reference case from {@code goldens/schedules}: the schedule as PyTorch was given it and the rates
 * (and momenta) PyTorch produced, per parameter group.
 */
public record Golden(String name, JsonNode json, ScheduleSpec spec, List<Double> baseLrs, int steps,
        double[][] lrGroups, Optional<double[][]> momentumGroups) {

    /** Relative tolerance: the closed forms agree with PyTorch's recursion far below this. */
    public static final double RELATIVE = 1e-9;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every golden file in the folder, so that new cases of the same kinds are covered without code changes. */
    public static Stream<Golden> all() {
        try {
            Path dir = Path.of(Golden.class.getResource("/goldens/schedules").toURI());
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> json = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
                return json.stream().map(Golden::read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Golden read(Path file) {
        try {
            JsonNode json = JSON.readTree(file.toFile());
            @SuppressWarnings("unchecked")
            Map<String, Object> params = JSON.convertValue(json.get("params"), Map.class);
            List<Double> bases = json.has("base_lrs") ? doubles(json.get("base_lrs"))
                    : List.of(json.get("base_lr").asDouble());
            if (params.get("eta_min") instanceof Number eta
                    && eta.doubleValue() > bases.stream().mapToDouble(Double::doubleValue).min().orElseThrow()) {
                // PyTorch anneals upwards silently; this API wants that asked for.
                params.put("allow_eta_min_above_base", true);
            }
            ScheduleSpec spec = new ScheduleSpec(json.get("scheduler").asText(), params);
            double[][] lrs = json.has("lr_groups") ? matrix(json.get("lr_groups"))
                    : new double[][] {array(json.get("lr"))};
            Optional<double[][]> momenta = Optional.empty();
            if (json.has("momentum_groups")) {
                momenta = Optional.of(matrix(json.get("momentum_groups")));
            } else if (json.has("momentum")) {
                momenta = Optional.of(new double[][] {array(json.get("momentum"))});
            }
            return new Golden(file.getFileName().toString(), json, spec, bases, json.get("steps").asInt(), lrs,
                    momenta);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " could not be read", e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** Asserts two series agree to {@link #RELATIVE}; exact zeros of PyTorch must be matched to 1e-15 of the peak. */
    public static void assertSeries(double[] expected, double[] actual, String what) {
        Assertions.assertEquals(expected.length, actual.length, what + ": length");
        double peak = 0;
        for (double e : expected) {
            peak = Math.max(peak, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            double allowed = Math.max(RELATIVE * Math.abs(expected[i]), 1e-15 * peak);
            Assertions.assertTrue(Math.abs(expected[i] - actual[i]) <= allowed,
                    what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i]);
        }
    }

    private static List<Double> doubles(JsonNode node) {
        List<Double> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asDouble()));
        return out;
    }

    public static double[] array(JsonNode node) {
        return doubles(node).stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[][] matrix(JsonNode node) {
        List<double[]> rows = new ArrayList<>();
        node.forEach(n -> rows.add(array(n)));
        return rows.toArray(double[][]::new);
    }
}
