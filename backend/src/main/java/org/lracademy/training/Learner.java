package org.lracademy.training;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * One model, its optimiser and its data on libtorch, stepped without DJL's {@code Trainer}.
 *
 * <p>All trainable values live in one flat leaf tensor; each step cuts it into the layer tensors with a
 * single split (whose backward writes the flat gradient in one piece), runs forward and backward, and
 * lets the optimiser update the flat vector in place. Autograd is switched on only around forward and
 * backward, on the calling thread: libtorch keeps that switch per thread, so learners on different
 * threads do not disturb each other. Every array a step creates belongs to a per-step manager that is
 * closed before the step returns. Not thread-safe: one thread drives a learner at a time.
 */
final class Learner implements AutoCloseable {

    /** Rows per forward pass when evaluating, so that large validation sets need bounded memory. */
    private static final int EVAL_CHUNK = 8_192;
    private static final double BN_MOMENTUM = 0.1;
    private static final double BN_EPS = 1e-5;

    private final PtNDManager manager;
    private final Architecture architecture;
    private final boolean classification;
    private final PtNDArray parameters;
    private final Map<String, PtNDArray> buffers = new HashMap<>();
    private final Optimizer optimizer;
    private final PtNDArray one;
    private final long[] sizes;
    private final Random dropoutRandom;
    private final double dropout;

    Learner(Architecture architecture, Init.State initial, TrainingSpec.OptimizerSpec optimizerSpec,
            boolean classification, double dropout, long seed, Device device) {
        this.manager = (PtNDManager) NDManager.newBaseManager(device, "PyTorch");
        this.architecture = architecture;
        this.classification = classification;
        this.sizes = architecture.sizes();
        try {
            this.parameters = (PtNDArray) manager.create(initial.parameters(), new Shape(architecture.size()));
            JniUtils.attachGradient(parameters, true);
            initial.buffers().forEach((name, values) ->
                    buffers.put(name, (PtNDArray) manager.create(values, new Shape(values.length))));
            this.optimizer = Optimizer.of(optimizerSpec, manager);
            this.one = (PtNDArray) manager.create(new float[] {1f}, new Shape());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        this.dropoutRandom = new Random(seed * 0x9E3779B97F4A7C15L + 3);
        this.dropout = dropout;
    }

    PtNDManager manager() {
        return manager;
    }

    /**
     * One optimiser step on one batch; returns the batch loss before the update.
     *
     * @param probe where per-layer statistics go on steps that report them, else null
     */
    double step(Batches.Batch batch, double lr, OptionalDouble momentum, LayerProbe probe) {
        try (PtNDManager scope = (PtNDManager) manager.newSubManager()) {
            PtNDArray x = rows(batch.features(), batch.start(), batch.end(), scope);
            PtNDArray y = rows(batch.targets(), batch.start(), batch.end(), scope);

            // Forward and backward with autograd on for this thread only.
            JniUtils.setGradMode(true);
            PtNDArray loss;
            try {
                List<PtNDArray> tensors = layerTensors(scope);
                PtNDArray output = forward(tensors, x, true, scope, probe);
                loss = loss(output, y);
                JniUtils.backward(loss, one, false, false);
            } finally {
                JniUtils.setGradMode(false);
            }

            // The update, with autograd off, on the flat vector and its flat gradient.
            PtNDArray gradient = JniUtils.getGradient(parameters);
            gradient.attach(scope);
            if (probe != null) {
                probe.gradients(architecture, gradient.toFloatArray());
            }
            optimizer.update(parameters, gradient, lr, momentum);
            JniUtils.zeroGrad(parameters);
            return loss.getFloat();
        }
    }

    /** Mean loss and number of correct predictions over a whole set, in evaluation mode. */
    Evaluation evaluate(PtNDArray x, PtNDArray y, int[] labels) {
        long rows = x.getShape().get(0);
        double lossSum = 0;
        long correct = 0;
        // A thread starts with autograd on; evaluation needs no graph.
        JniUtils.setGradMode(false);
        try (PtNDManager scope = (PtNDManager) manager.newSubManager()) {
            List<PtNDArray> tensors = layerTensors(scope);
            for (long start = 0; start < rows; start += EVAL_CHUNK) {
                long end = Math.min(rows, start + EVAL_CHUNK);
                try (PtNDManager chunk = (PtNDManager) scope.newSubManager()) {
                    PtNDArray xs = rows(x, start, end, chunk);
                    PtNDArray ys = rows(y, start, end, chunk);
                    PtNDArray output = forward(tensors, xs, false, chunk, null);
                    lossSum += loss(output, ys).getFloat() * (double) (end - start);
                    if (classification) {
                        long[] predicted = JniUtils.argMax(output, 1, false).toLongArray();
                        for (int i = 0; i < predicted.length; i++) {
                            correct += predicted[i] == labels[(int) start + i] ? 1 : 0;
                        }
                    }
                }
            }
        }
        return new Evaluation(lossSum / rows, classification ? (double) correct / rows : Double.NaN);
    }

    record Evaluation(double loss, double accuracy) {
    }

    /** Rows {@code [start, end)} of a two-dimensional tensor, as a view. */
    static PtNDArray rows(PtNDArray data, long start, long end, PtNDManager scope) {
        long width = data.getShape().get(1);
        return JniUtils.index(data, new long[] {start, 0}, new long[] {end, width}, new long[] {1, 1}, scope);
    }

    /** The flat vector cut into PyTorch-shaped tensors, owned by {@code scope}. */
    private List<PtNDArray> layerTensors(PtNDManager scope) {
        NDList pieces = JniUtils.split(parameters, sizes, 0);
        List<PtNDArray> tensors = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            PtNDArray piece = (PtNDArray) pieces.get(i);
            piece.attach(scope);
            Architecture.Slot slot = architecture.parameters().get(i);
            if (slot.isWeightMatrix()) {
                piece = JniUtils.reshape(piece, slot.shape());
            }
            tensors.add(piece);
        }
        return tensors;
    }

    private PtNDArray forward(List<PtNDArray> tensors, PtNDArray x, boolean training, PtNDManager scope,
            LayerProbe probe) {
        PtNDArray h = x;
        int next = 0;
        List<Architecture.Module> modules = architecture.modules();
        for (int m = 0; m < modules.size(); m++) {
            Architecture.Module module = modules.get(m);
            switch (module.kind()) {
                case LINEAR -> h = JniUtils.linear(h, tensors.get(next++), tensors.get(next++));
                case BATCH_NORM -> h = JniUtils.batchNorm(h, buffers.get(module.prefix() + "running_mean"),
                        buffers.get(module.prefix() + "running_var"), tensors.get(next++), tensors.get(next++),
                        training, BN_MOMENTUM, BN_EPS);
                case RELU -> h = JniUtils.relu(h);
                case TANH -> h = JniUtils.tanh(h);
                case GELU -> h = JniUtils.gelu(h);
                case DROPOUT -> {
                    if (training) {
                        h = JniUtils.mul(h, dropoutMask(h.getShape(), scope));
                    }
                }
                default -> throw new IllegalStateException("unknown module " + module.kind());
            }
            if (h.getManager() != scope) {
                h.attach(scope);
            }
            if (probe != null && probe.wantsOutput(architecture, m)) {
                probe.activations(architecture, m, h.toFloatArray());
            }
        }
        return h;
    }

    /** Inverted dropout from this learner's own seeded generator, independent of libtorch's global one. */
    private PtNDArray dropoutMask(Shape shape, PtNDManager scope) {
        float keep = (float) (1 / (1 - dropout));
        float[] mask = new float[(int) shape.size()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = dropoutRandom.nextDouble() < dropout ? 0f : keep;
        }
        return (PtNDArray) scope.create(mask, shape);
    }

    private PtNDArray loss(PtNDArray output, PtNDArray y) {
        if (classification) {
            // Cross-entropy with mean reduction: -mean(log_softmax(z)[i, y_i]).
            PtNDArray logProbabilities = JniUtils.logSoftmax(output, 1, DataType.FLOAT32);
            return JniUtils.neg(JniUtils.mean(JniUtils.gather(logProbabilities, y, 1)));
        }
        return JniUtils.mean(JniUtils.square(JniUtils.sub(output, y)));
    }

    /** The current values by PyTorch name: parameters and batch-norm buffers. */
    Map<String, float[]> stateDict() {
        float[] flat = parameters.toFloatArray();
        Map<String, float[]> state = new java.util.LinkedHashMap<>();
        for (Architecture.Slot slot : architecture.parameters()) {
            state.put(slot.name(), java.util.Arrays.copyOfRange(flat, slot.offset(), slot.offset() + slot.size()));
        }
        buffers.forEach((name, tensor) -> state.put(name, tensor.toFloatArray()));
        return state;
    }

    @Override
    public void close() {
        optimizer.close();
        manager.close();
    }
}
