package org.lracademy.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each optimiser against its update rule worked out independently in double precision, on a Linear(1, 1)
 * fitted by full-batch mean squared error, whose gradient has a closed form.
 */
class OptimizerRulesTest {

    private static final float[] X = {-1.5f, -0.5f, 0.25f, 1f, 2f, 3f};
    private static final float[] Y = {-2.2f, 0.1f, 1.4f, 3.1f, 4.8f, 7.3f};
    private static final double W0 = 0.3;
    private static final double B0 = -0.2;
    private static final int STEPS = 40;

    private final TrainingEngine engine = new TrainingEngine(new Datasets(Path.of("target/test-data")));

    @Test
    void adamFollowsItsUpdateRule() {
        ObjectNode optimizer = Goldens.object().put("name", "adam").put("lr", 0.05);
        assertFollows(optimizer, new AdamRule(0.05, 0.9, 0.999, 1e-8, 0, false, false));
    }

    @Test
    void adamWithWeightDecayAddsTheDecayToTheGradient() {
        ObjectNode optimizer = Goldens.object().put("name", "adam").put("lr", 0.05).put("weight_decay", 0.1);
        optimizer.putArray("betas").add(0.8).add(0.99);
        assertFollows(optimizer, new AdamRule(0.05, 0.8, 0.99, 1e-8, 0.1, false, false));
    }

    @Test
    void adamWDecaysTheWeightsApartFromTheGradient() {
        ObjectNode optimizer = Goldens.object().put("name", "AdamW").put("lr", 0.05).put("weight_decay", 0.2)
                .put("eps", 1e-6);
        assertFollows(optimizer, new AdamRule(0.05, 0.9, 0.999, 1e-6, 0.2, true, false));
    }

    @Test
    void amsgradKeepsTheLargestSecondMoment() {
        ObjectNode optimizer = Goldens.object().put("name", "adam").put("lr", 0.1).put("amsgrad", true);
        assertFollows(optimizer, new AdamRule(0.1, 0.9, 0.999, 1e-8, 0, false, true));
    }

    @Test
    void sgdWithDampeningAndWeightDecayFollowsItsUpdateRule() {
        ObjectNode optimizer = Goldens.object().put("name", "sgd").put("lr", 0.02).put("momentum", 0.8)
                .put("dampening", 0.3).put("weight_decay", 0.05);
        assertFollows(optimizer, new SgdRule(0.02, 0.8, 0.3, 0.05, false));
    }

    @Test
    void nesterovSgdFollowsItsUpdateRule() {
        ObjectNode optimizer = Goldens.object().put("name", "SGD").put("lr", 0.02).put("momentum", 0.9)
                .put("nesterov", true);
        assertFollows(optimizer, new SgdRule(0.02, 0.9, 0, 0, true));
    }

    /** The rule, in double precision: updates (w, b) in place from their gradients. */
    interface Rule {
        void update(double[] params, double[] grads);
    }

    private void assertFollows(ObjectNode optimizer, Rule rule) {
        ObjectNode spec = Goldens.object();
        spec.putObject("dataset").put("name", "tiny");
        ObjectNode state = spec.putObject("model").put("type", "linear").putObject("init").putObject("state_dict");
        state.putArray("weight").addArray().add(W0);
        state.putArray("bias").add(B0);
        spec.set("optimizer", optimizer);
        spec.put("steps", STEPS).put("batch_size", X.length).put("validation_split", 0.0);
        ArrayNode order = spec.putArray("order");
        for (int i = 0; i < X.length; i++) {
            order.add(i);
        }
        Dataset data = new Dataset("tiny", "six points", Task.REGRESSION, X.length, 1, X, Y, 1);
        List<Double> losses = engine.train(TrainingSpec.fromJson(spec), data, null, TrainingListener.NONE,
                () -> false).losses();

        double[] params = {W0, B0};
        for (int step = 0; step < STEPS; step++) {
            double loss = 0;
            double[] grads = new double[2];
            for (int i = 0; i < X.length; i++) {
                double error = params[0] * X[i] + params[1] - Y[i];
                loss += error * error / X.length;
                grads[0] += 2 * error * X[i] / X.length;
                grads[1] += 2 * error / X.length;
            }
            assertEquals(loss, losses.get(step), Math.max(1e-4 * loss, 1e-6), "loss at step " + step);
            rule.update(params, grads);
        }
    }

    /** torch.optim.Adam / AdamW as documented: moments, bias corrections, eps outside the square root. */
    static final class AdamRule implements Rule {
        private final double lr, beta1, beta2, eps, decay;
        private final boolean decoupled, amsgrad;
        private final double[] m = new double[2], v = new double[2], vMax = new double[2];
        private int t;

        AdamRule(double lr, double beta1, double beta2, double eps, double decay, boolean decoupled, boolean amsgrad) {
            this.lr = lr;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.eps = eps;
            this.decay = decay;
            this.decoupled = decoupled;
            this.amsgrad = amsgrad;
        }

        @Override
        public void update(double[] p, double[] g) {
            t++;
            for (int i = 0; i < p.length; i++) {
                double grad = g[i];
                if (decoupled) {
                    p[i] *= 1 - lr * decay;
                } else {
                    grad += decay * p[i];
                }
                m[i] = beta1 * m[i] + (1 - beta1) * grad;
                v[i] = beta2 * v[i] + (1 - beta2) * grad * grad;
                vMax[i] = Math.max(vMax[i], v[i]);
                double mHat = m[i] / (1 - Math.pow(beta1, t));
                double vHat = (amsgrad ? vMax[i] : v[i]) / (1 - Math.pow(beta2, t));
                p[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
        }
    }

    /** torch.optim.SGD as documented: the buffer starts as the first gradient, no dampening on that step. */
    static final class SgdRule implements Rule {
        private final double lr, momentum, dampening, decay;
        private final boolean nesterov;
        private double[] buffer;

        SgdRule(double lr, double momentum, double dampening, double decay, boolean nesterov) {
            this.lr = lr;
            this.momentum = momentum;
            this.dampening = dampening;
            this.decay = decay;
            this.nesterov = nesterov;
        }

        @Override
        public void update(double[] p, double[] g) {
            double[] d = {g[0] + decay * p[0], g[1] + decay * p[1]};
            if (buffer == null) {
                buffer = d.clone();
            } else {
                for (int i = 0; i < 2; i++) {
                    buffer[i] = momentum * buffer[i] + (1 - dampening) * d[i];
                }
            }
            for (int i = 0; i < 2; i++) {
                p[i] -= lr * (nesterov ? d[i] + momentum * buffer[i] : buffer[i]);
            }
        }
    }
}
