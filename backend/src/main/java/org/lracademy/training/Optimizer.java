package org.lracademy.training;

import ai.djl.ndarray.types.SparseFormat;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.util.OptionalDouble;

/**
 * PyTorch's update rules applied to the whole flat parameter vector at once: a handful of in-place
 * native operations per step, whatever the number of layers. Runs with autograd off.
 */
abstract class Optimizer implements AutoCloseable {

    protected final PtNDManager manager;

    protected Optimizer(PtNDManager manager) {
        this.manager = manager;
    }

    static Optimizer of(TrainingSpec.OptimizerSpec spec, PtNDManager manager) {
        return switch (spec.kind()) {
            case "sgd" -> new Sgd(spec, manager);
            case "adam", "adamw" -> new Adam(spec, manager);
            default -> throw new IllegalArgumentException("unknown optimiser " + spec.name());
        };
    }

    /**
     * Updates {@code param} in place from {@code grad}, which it may overwrite.
     *
     * @param momentum the scheduled momentum (SGD) or first beta (Adam), when the schedule cycles it
     */
    abstract void update(PtNDArray param, PtNDArray grad, double lr, OptionalDouble momentum);

    /** {@code target -= source * factor}, the form of {@code param.add_(source, alpha=-lr)}. */
    static void subtractScaled(PtNDArray target, PtNDArray source, PtNDArray factor) {
        try (PtNDArray scaled = JniUtils.mul(source, factor)) {
            JniUtils.subi(target, scaled);
        }
    }

    /** {@code target += source * factor}. */
    static void addScaled(PtNDArray target, PtNDArray source, PtNDArray factor) {
        try (PtNDArray scaled = JniUtils.mul(source, factor)) {
            JniUtils.addi(target, scaled);
        }
    }

    /** A zero tensor shaped like {@code like}, owned by the training rather than the step. */
    PtNDArray zerosLike(PtNDArray like) {
        PtNDArray zeros = JniUtils.zerosLike(like, like.getDataType(), like.getDevice(), SparseFormat.DENSE);
        zeros.attach(manager);
        return zeros;
    }

    @Override
    public void close() {
        // State tensors belong to the training's manager and are freed with it.
    }

    /** {@code torch.optim.SGD}: momentum buffer started as a copy of the first gradient, dampening, Nesterov. */
    static final class Sgd extends Optimizer {

        private final double weightDecay;
        private final double dampening;
        private final boolean nesterov;
        private final double momentum;
        private final Scalar lr;
        private final Scalar decay;
        private final Scalar beta;
        private final Scalar keep;
        private PtNDArray buffer;

        Sgd(TrainingSpec.OptimizerSpec spec, PtNDManager manager) {
            super(manager);
            weightDecay = spec.weightDecayOrDefault();
            dampening = spec.dampeningOrDefault();
            nesterov = spec.nesterovOrDefault();
            momentum = spec.momentumOrDefault();
            lr = new Scalar(manager, spec.lr());
            decay = new Scalar(manager, weightDecay);
            beta = new Scalar(manager, momentum);
            keep = new Scalar(manager, 1 - dampening);
        }

        @Override
        void update(PtNDArray param, PtNDArray grad, double rate, OptionalDouble scheduledMomentum) {
            double m = scheduledMomentum.orElse(momentum);
            if (weightDecay != 0) {
                addScaled(grad, param, decay.of(weightDecay));
            }
            PtNDArray direction = grad;
            if (m != 0) {
                if (buffer == null) {
                    buffer = JniUtils.clone(grad);
                    buffer.attach(manager);
                } else {
                    JniUtils.muli(buffer, beta.of(m));
                    if (dampening != 0) {
                        addScaled(buffer, grad, keep.of(1 - dampening));
                    } else {
                        JniUtils.addi(buffer, grad);
                    }
                }
                if (nesterov) {
                    addScaled(grad, buffer, beta.of(m));
                } else {
                    direction = buffer;
                }
            }
            subtractScaled(param, direction, lr.of(rate));
        }
    }

    /**
     * {@code torch.optim.Adam} and {@code AdamW} (decoupled decay {@code p *= 1 - lr * wd}), with bias
     * correction and optional AMSGrad, in PyTorch's order of operations.
     */
    static final class Adam extends Optimizer {

        private final boolean decoupled;
        private final boolean amsgrad;
        private final double weightDecay;
        private final double beta1;
        private final double beta2;
        private final double eps;
        private final Scalar decay;
        private final Scalar b1;
        private final Scalar oneMinusB1;
        private final Scalar b2;
        private final Scalar oneMinusB2;
        private final Scalar correction2;
        private final Scalar epsilon;
        private final Scalar stepSize;
        private PtNDArray average;
        private PtNDArray averageSquare;
        private PtNDArray maxAverageSquare;
        private long step;

        Adam(TrainingSpec.OptimizerSpec spec, PtNDManager manager) {
            super(manager);
            decoupled = spec.kind().equals("adamw");
            amsgrad = spec.amsgradOrDefault();
            weightDecay = spec.weightDecayOrDefault();
            beta1 = spec.beta1();
            beta2 = spec.beta2();
            eps = spec.epsOrDefault();
            decay = new Scalar(manager, weightDecay);
            b1 = new Scalar(manager, beta1);
            oneMinusB1 = new Scalar(manager, 1 - beta1);
            b2 = new Scalar(manager, beta2);
            oneMinusB2 = new Scalar(manager, 1 - beta2);
            correction2 = new Scalar(manager, 1);
            epsilon = new Scalar(manager, eps);
            stepSize = new Scalar(manager, spec.lr());
        }

        @Override
        void update(PtNDArray param, PtNDArray grad, double lr, OptionalDouble scheduledBeta1) {
            double beta = scheduledBeta1.orElse(beta1);
            step++;
            if (average == null) {
                average = zerosLike(grad);
                averageSquare = zerosLike(grad);
            }
            if (weightDecay != 0) {
                if (decoupled) {
                    JniUtils.muli(param, decay.of(1 - lr * weightDecay));
                } else {
                    addScaled(grad, param, decay.of(weightDecay));
                }
            }

            // First and second moments: exp_avg.mul_(b1).add_(g, alpha=1 - b1) and
            // exp_avg_sq.mul_(b2).addcmul_(g, g, value=1 - b2).
            JniUtils.muli(average, b1.of(beta));
            addScaled(average, grad, oneMinusB1.of(1 - beta));
            JniUtils.muli(averageSquare, b2.of(beta2));
            try (PtNDArray square = JniUtils.mul(grad, grad)) {
                addScaled(averageSquare, square, oneMinusB2.of(1 - beta2));
            }

            // Bias corrections in double precision, as PyTorch computes them in Python floats.
            double biasCorrection1 = 1 - Math.pow(beta, step);
            double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
            PtNDArray second = averageSquare;
            if (amsgrad) {
                PtNDArray previous = maxAverageSquare == null ? averageSquare : maxAverageSquare;
                PtNDArray max = JniUtils.max(previous, averageSquare);
                max.attach(manager);
                if (maxAverageSquare != null) {
                    maxAverageSquare.close();
                }
                maxAverageSquare = max;
                second = max;
            }

            // param -= (lr / bc1) * exp_avg / (sqrt(v) / sqrt(bc2) + eps)
            try (PtNDArray denominator = JniUtils.sqrt(second)) {
                JniUtils.divi(denominator, correction2.of(biasCorrection2Sqrt));
                JniUtils.addi(denominator, epsilon.of(eps));
                try (PtNDArray ratio = JniUtils.div(average, denominator)) {
                    subtractScaled(param, ratio, stepSize.of(lr / biasCorrection1));
                }
            }
        }
    }
}
