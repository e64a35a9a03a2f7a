package org.lracademy.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.lracademy.spec.Checks;

/**
 * Initial weights: a named scheme drawn from the training seed, or explicit values by PyTorch's names.
 * {@code model.init} is a scheme name, {@code {"scheme": "normal", "std": 1.0}} ({@code name} is accepted
 * for {@code scheme}), or {@code {"state_dict": {...}}}.
 *
 * <p>Schemes, for a weight of fan-in {@code a} and fan-out {@code b}: {@code default} is PyTorch's
 * {@code nn.Linear} reset (weights and biases uniform in ±1/sqrt(a)); {@code xavier_uniform} (bound
 * sqrt(6/(a+b))), {@code xavier_normal} (std sqrt(2/(a+b))), {@code kaiming_uniform} (bound sqrt(6/a)),
 * {@code kaiming_normal} (std sqrt(2/a)), both for ReLU with fan-in mode; {@code normal} (std {@code std},
 * default 0.01) and {@code zeros}. Every scheme but {@code default} sets biases to zero. Batch-norm
 * layers always start at weight 1, bias 0, running mean 0 and running variance 1.
 */
public final class Init {

    public static final List<String> SCHEMES = List.of("default", "xavier_uniform", "xavier_normal",
            "kaiming_uniform", "kaiming_normal", "normal", "zeros");
    /** Explicit initial values above this magnitude are refused. */
    public static final double MAX_ABS = 1e6;

    private Init() {
    }

    /** The initial state of a model: the flat parameter vector and the batch-norm buffers by name. */
    public record State(float[] parameters, Map<String, float[]> buffers) {
    }

    /** Checks the form of {@code model.init}; shapes are checked against the model in {@link #checkShapes}. */
    static void check(JsonNode init, Checks checks) {
        if (init.isTextual()) {
            checks.require(SCHEMES.contains(init.asText()), "model.init", init.asText(),
                    "must be one of " + String.join(", ", SCHEMES) + ", or {\"state_dict\": {...}}");
            return;
        }
        if (!checks.require(init.isObject(), "model.init", init, "must be a scheme name or an object")) {
            return;
        }
        if (init.has("state_dict")) {
            checks.require(init.size() == 1, "model.init", fieldNames(init), "holds state_dict and nothing else");
            checks.require(init.get("state_dict").isObject(), "model.init.state_dict", null,
                    "must be an object of tensors by PyTorch name");
            return;
        }
        String key = init.has("name") ? "name" : "scheme";
        JsonNode name = init.get(key);
        if (checks.require(name != null && name.isTextual() && SCHEMES.contains(name.asText()), "model.init." + key,
                name, "must be one of " + String.join(", ", SCHEMES))) {
            Set<String> allowed = name.asText().equals("normal") ? Set.of(key, "std") : Set.of(key);
            for (String field : fieldNames(init)) {
                checks.require(allowed.contains(field), "model.init." + field, field, "is not a known field here");
            }
            JsonNode std = init.get("std");
            if (std != null && checks.require(std.isNumber(), "model.init.std", std, "must be a number")) {
                checks.within(std.asDouble(), "model.init.std", 1e-8, 10);
            }
        }
    }

    /** Checks that an explicit state_dict names exactly the model's tensors with PyTorch's shapes. */
    static void checkShapes(JsonNode init, Architecture architecture, Checks checks) {
        if (init == null || !init.has("state_dict") || !init.get("state_dict").isObject()) {
            return;
        }
        JsonNode dict = init.get("state_dict");
        Map<String, long[]> expected = expectedShapes(architecture);
        for (String name : fieldNames(dict)) {
            String field = "model.init.state_dict." + name;
            long[] shape = expected.get(name);
            if (!checks.require(shape != null, field, name, "is not a tensor of this model; expected "
                    + String.join(", ", expected.keySet()))) {
                continue;
            }
            readTensor(dict.get(name), shape, field, checks);
        }
        for (Architecture.Slot slot : architecture.parameters()) {
            checks.require(dict.has(slot.name()), "model.init.state_dict." + slot.name(), null,
                    "is required: give every parameter of the model");
        }
    }

    /** Draws or reads the initial state; the spec must have passed its checks. */
    public static State initialise(Architecture architecture, JsonNode init, long seed) {
        float[] flat = new float[architecture.size()];
        Map<String, float[]> buffers = new HashMap<>();
        for (Architecture.Module bn : architecture.batchNorms()) {
            buffers.put(bn.prefix() + "running_mean", new float[bn.width()]);
            buffers.put(bn.prefix() + "running_var", filled(bn.width(), 1f));
        }
        if (init != null && init.has("state_dict")) {
            JsonNode dict = init.get("state_dict");
            Map<String, long[]> shapes = expectedShapes(architecture);
            Checks checks = new Checks();
            for (Architecture.Slot slot : architecture.parameters()) {
                float[] values = readTensor(dict.get(slot.name()), slot.shape(), slot.name(), checks);
                System.arraycopy(values, 0, flat, slot.offset(), slot.size());
            }
            for (String name : buffers.keySet()) {
                if (dict.has(name)) {
                    buffers.put(name, readTensor(dict.get(name), shapes.get(name), name, checks));
                }
            }
            checks.throwIfAny();
            return new State(flat, buffers);
        }
        String scheme = init == null ? "default" : init.isTextual() ? init.asText()
                : init.has("name") ? init.get("name").asText() : init.get("scheme").asText();
        double std = init != null && init.has("std") ? init.get("std").asDouble() : 0.01;
        Random random = new Random(seed ^ 0x5DEECE66DL);
        for (Architecture.Slot slot : architecture.parameters()) {
            Architecture.Module module = architecture.modules().get(slot.module());
            if (module.kind() == Architecture.Kind.BATCH_NORM) {
                if (slot.name().endsWith("weight")) {
                    java.util.Arrays.fill(flat, slot.offset(), slot.offset() + slot.size(), 1f);
                }
                continue;
            }
            draw(flat, slot, scheme, std, module.fanIn(), module.width(), random);
        }
        return new State(flat, buffers);
    }

    private static void draw(float[] flat, Architecture.Slot slot, String scheme, double std, int fanIn, int fanOut,
            Random random) {
        boolean weight = slot.isWeightMatrix();
        if (!weight && !scheme.equals("default")) {
            return;
        }
        for (int i = slot.offset(); i < slot.offset() + slot.size(); i++) {
            flat[i] = (float) switch (scheme) {
                case "default" -> uniform(random, 1 / Math.sqrt(fanIn));
                case "xavier_uniform" -> uniform(random, Math.sqrt(6.0 / (fanIn + fanOut)));
                case "xavier_normal" -> random.nextGaussian() * Math.sqrt(2.0 / (fanIn + fanOut));
                case "kaiming_uniform" -> uniform(random, Math.sqrt(6.0 / fanIn));
                case "kaiming_normal" -> random.nextGaussian() * Math.sqrt(2.0 / fanIn);
                case "normal" -> random.nextGaussian() * std;
                case "zeros" -> 0;
                default -> throw new IllegalArgumentException("unknown initialisation " + scheme);
            };
        }
    }

    private static double uniform(Random random, double bound) {
        return (2 * random.nextDouble() - 1) * bound;
    }

    private static Map<String, long[]> expectedShapes(Architecture architecture) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Architecture.Slot slot : architecture.parameters()) {
            shapes.put(slot.name(), slot.shape());
        }
        for (Architecture.Module bn : architecture.batchNorms()) {
            shapes.put(bn.prefix() + "running_mean", new long[] {bn.width()});
            shapes.put(bn.prefix() + "running_var", new long[] {bn.width()});
            shapes.put(bn.prefix() + "num_batches_tracked", new long[0]);
        }
        return shapes;
    }

    /** Reads nested arrays of the given shape into a row-major array, adding a violation when it does not fit. */
    private static float[] readTensor(JsonNode node, long[] shape, String field, Checks checks) {
        int size = 1;
        for (long d : shape) {
            size *= (int) d;
        }
        float[] values = new float[size];
        int[] cursor = {0};
        if (!fill(node, shape, 0, values, cursor, field, checks)) {
            checks.require(false, field, abbreviate(node), "must have shape " + java.util.Arrays.toString(shape)
                    + " (nested arrays, [out][in] for a weight) of finite numbers within ±" + MAX_ABS);
        }
        return values;
    }

    private static boolean fill(JsonNode node, long[] shape, int depth, float[] values, int[] cursor, String field,
            Checks checks) {
        if (depth == shape.length) {
            if (!node.isNumber() || !Double.isFinite(node.asDouble()) || Math.abs(node.asDouble()) > MAX_ABS) {
                return false;
            }
            values[cursor[0]++] = (float) node.asDouble();
            return true;
        }
        if (!node.isArray() || node.size() != shape[depth]) {
            return false;
        }
        for (JsonNode child : node) {
            if (!fill(child, shape, depth + 1, values, cursor, field, checks)) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    private static float[] filled(int n, float value) {
        float[] values = new float[n];
        java.util.Arrays.fill(values, value);
        return values;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
