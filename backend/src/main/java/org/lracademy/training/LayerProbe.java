package org.lracademy.training;

import java.util.ArrayList;
import java.util.List;

/** Gathers the per-layer statistics of one step; used only on the steps that report them. */
final class LayerProbe {

    private final List<Double> means = new ArrayList<>();
    private final List<Double> stds = new ArrayList<>();
    private double[] gradientNorms;

    /** Whether module {@code m} ends a block: the last module, or the one before a Linear. */
    boolean wantsOutput(Architecture architecture, int m) {
        List<Architecture.Module> modules = architecture.modules();
        return m == modules.size() - 1 || modules.get(m + 1).kind() == Architecture.Kind.LINEAR;
    }

    void activations(Architecture architecture, int m, float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (float v : values) {
            squares += (v - mean) * (v - mean);
        }
        means.add(mean);
        stds.add(values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0);
    }

    void gradients(Architecture architecture, float[] flat) {
        List<Architecture.Module> modules = architecture.modules();
        gradientNorms = new double[blockNames(architecture).size()];
        for (Architecture.Slot slot : architecture.parameters()) {
            int block = blockOf(modules, slot.module());
            double squares = 0;
            for (int i = slot.offset(); i < slot.offset() + slot.size(); i++) {
                squares += (double) flat[i] * flat[i];
            }
            gradientNorms[block] += squares;
        }
        for (int b = 0; b < gradientNorms.length; b++) {
            gradientNorms[b] = Math.sqrt(gradientNorms[b]);
        }
    }

    TrainingListener.LayerStats result(Architecture architecture, long step) {
        List<String> names = blockNames(architecture);
        List<TrainingListener.Layer> layers = new ArrayList<>();
        for (int b = 0; b < names.size(); b++) {
            layers.add(new TrainingListener.Layer(names.get(b), TrainingListener.finite(means.get(b)),
                    TrainingListener.finite(stds.get(b)), TrainingListener.finite(gradientNorms[b])));
        }
        return new TrainingListener.LayerStats(step, List.copyOf(layers));
    }

    private static int blockOf(List<Architecture.Module> modules, int module) {
        int block = -1;
        for (int m = 0; m <= module; m++) {
            if (modules.get(m).kind() == Architecture.Kind.LINEAR) {
                block++;
            }
        }
        return block;
    }

    private static List<String> blockNames(Architecture architecture) {
        List<String> names = new ArrayList<>();
        for (Architecture.Module module : architecture.modules()) {
            if (module.kind() == Architecture.Kind.LINEAR) {
                String prefix = module.prefix();
                names.add(prefix.isEmpty() ? "linear" : prefix.substring(0, prefix.length() - 1));
            }
        }
        return names;
    }
}
