package org.lracademy.training;

import java.util.ArrayList;
import java.util.List;

/**
 * The layers of a model as PyTorch numbers them, and where each parameter lives in the one flat
 * parameter vector the engine trains. Pure description: no native memory.
 *
 * @param modules the modules in order; for a {@code linear} model a single Linear with no index
 * @param parameters the trainable tensors in PyTorch's {@code state_dict} order
 * @param size the total number of trainable values
 */
public record Architecture(List<Module> modules, List<Slot> parameters, int size, int inputs, int outputs) {

    /** What a module does. */
    public enum Kind { LINEAR, BATCH_NORM, RELU, TANH, GELU, DROPOUT }

    /**
     * One module of the Sequential.
     *
     * @param prefix the name prefix of its tensors: {@code "0."} in an mlp, empty for a bare Linear
     * @param width its output width (for dropout and activations, the width they pass through)
     */
    public record Module(String prefix, Kind kind, int fanIn, int width) {
    }

    /**
     * A trainable tensor: its PyTorch name, shape and place in the flat vector.
     *
     * @param module index into {@link Architecture#modules()}
     */
    public record Slot(String name, long[] shape, int offset, int size, int module) {

        public boolean isWeightMatrix() {
            return shape.length == 2;
        }
    }

    public static Architecture of(TrainingSpec.ModelSpec spec, int inputs, int outputs) {
        List<Module> modules = new ArrayList<>();
        if (spec.type().equals("linear")) {
            modules.add(new Module("", Kind.LINEAR, inputs, outputs));
        } else {
            Kind activation = Kind.valueOf(spec.activationOrDefault().toUpperCase(java.util.Locale.ROOT));
            int width = inputs;
            for (int hidden : spec.hidden()) {
                modules.add(new Module(modules.size() + ".", Kind.LINEAR, width, hidden));
                if (spec.batchNormOrDefault()) {
                    modules.add(new Module(modules.size() + ".", Kind.BATCH_NORM, hidden, hidden));
                }
                modules.add(new Module(modules.size() + ".", activation, hidden, hidden));
                if (spec.dropoutOrDefault() > 0) {
                    modules.add(new Module(modules.size() + ".", Kind.DROPOUT, hidden, hidden));
                }
                width = hidden;
            }
            modules.add(new Module(modules.size() + ".", Kind.LINEAR, width, outputs));
        }
        List<Slot> slots = new ArrayList<>();
        int offset = 0;
        for (int m = 0; m < modules.size(); m++) {
            Module module = modules.get(m);
            if (module.kind() == Kind.LINEAR) {
                offset = add(slots, module.prefix() + "weight", new long[] {module.width(), module.fanIn()}, offset, m);
                offset = add(slots, module.prefix() + "bias", new long[] {module.width()}, offset, m);
            } else if (module.kind() == Kind.BATCH_NORM) {
                offset = add(slots, module.prefix() + "weight", new long[] {module.width()}, offset, m);
                offset = add(slots, module.prefix() + "bias", new long[] {module.width()}, offset, m);
            }
        }
        return new Architecture(List.copyOf(modules), List.copyOf(slots), offset, inputs, outputs);
    }

    private static int add(List<Slot> slots, String name, long[] shape, int offset, int module) {
        int size = 1;
        for (long d : shape) {
            size = Math.multiplyExact(size, (int) d);
        }
        slots.add(new Slot(name, shape, offset, size, module));
        return offset + size;
    }

    /** Multiply-adds of one row's forward pass through the Linear layers. */
    public long multiplyAddsPerRow() {
        return modules.stream().filter(m -> m.kind() == Kind.LINEAR).mapToLong(m -> (long) m.fanIn() * m.width()).sum();
    }

    /** The batch-norm modules, whose running statistics are buffers outside the flat vector. */
    public List<Module> batchNorms() {
        return modules.stream().filter(m -> m.kind() == Kind.BATCH_NORM).toList();
    }

    /** The sizes of the parameter tensors in order, to cut the flat vector. */
    long[] sizes() {
        return parameters.stream().mapToLong(Slot::size).toArray();
    }
}
