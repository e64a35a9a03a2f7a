package org.lracademy.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drawn initial weights have the spread each scheme's formula gives. */
class InitTest {

    private static final int IN = 256;
    private static final int OUT = 128;
    private final Architecture architecture = Architecture.of(
            new TrainingSpec.ModelSpec("mlp", List.of(OUT), null, null, null, null), IN, 10);

    @Test
    void defaultSchemeIsUniformWithinOneOverSquareRootOfFanIn() {
        float[] flat = draw(TextNode.valueOf("default"));
        double bound = 1 / Math.sqrt(IN);
        assertStd(flat, slot("0.weight"), bound / Math.sqrt(3));
        assertWithin(flat, slot("0.weight"), bound);
        assertWithin(flat, slot("0.bias"), bound);
        assertTrue(max(flat, slot("0.bias")) > 0.5 * bound, "biases are drawn, not zero");
    }

    @Test
    void xavierSchemesUseFanInPlusFanOut() {
        assertStd(draw(TextNode.valueOf("xavier_uniform")), slot("0.weight"),
                Math.sqrt(6.0 / (IN + OUT)) / Math.sqrt(3));
        assertStd(draw(TextNode.valueOf("xavier_normal")), slot("0.weight"), Math.sqrt(2.0 / (IN + OUT)));
    }

    @Test
    void kaimingSchemesUseFanInWithTheReluGain() {
        assertStd(draw(TextNode.valueOf("kaiming_uniform")), slot("0.weight"), Math.sqrt(6.0 / IN) / Math.sqrt(3));
        assertStd(draw(TextNode.valueOf("kaiming_normal")), slot("0.weight"), Math.sqrt(2.0 / IN));
    }

    @Test
    void normalSchemeUsesTheGivenStandardDeviationAndZeroBiases() {
        float[] flat = draw(Goldens.object().put("name", "normal").put("std", 0.05));
        assertStd(flat, slot("0.weight"), 0.05);
        assertEquals(0, max(flat, slot("0.bias")));
    }

    @Test
    void zerosSchemeIsAllZero() {
        float[] flat = draw(TextNode.valueOf("zeros"));
        for (float value : flat) {
            assertEquals(0f, value);
        }
    }

    @Test
    void theSameSeedDrawsTheSameWeights() {
        assertEquals(java.util.Arrays.toString(draw(TextNode.valueOf("default"))),
                java.util.Arrays.toString(draw(TextNode.valueOf("default"))));
    }

    private float[] draw(JsonNode init) {
        return Init.initialise(architecture, init, 42).parameters();
    }

    private Architecture.Slot slot(String name) {
        return architecture.parameters().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Sample standard deviation within 3 % of the formula (32,768 draws: the sampling error is about 0.4 %). */
    private static void assertStd(float[] flat, Architecture.Slot slot, double expected) {
        double sum = 0;
        double squares = 0;
        for (int i = slot.offset(); i < slot.offset() + slot.size(); i++) {
            sum += flat[i];
            squares += (double) flat[i] * flat[i];
        }
        double mean = sum / slot.size();
        double std = Math.sqrt(squares / slot.size() - mean * mean);
        assertEquals(expected, std, 0.03 * expected, slot.name() + " standard deviation");
        assertEquals(0, mean, 0.05 * expected, slot.name() + " mean");
    }

    private static void assertWithin(float[] flat, Architecture.Slot slot, double bound) {
        assertTrue(max(flat, slot) <= bound, slot.name() + " stays within ±" + bound);
    }

    private static double max(float[] flat, Architecture.Slot slot) {
        double max = 0;
        for (int i = slot.offset(); i < slot.offset() + slot.size(); i++) {
            max = Math.max(max, Math.abs(flat[i]));
        }
        return max;
    }
}
