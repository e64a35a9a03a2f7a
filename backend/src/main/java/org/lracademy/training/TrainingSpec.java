package org.lracademy.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.lracademy.spec.Checks;
import org.lracademy.spec.InvalidSpecException;
import org.lracademy.spec.JsonProblems;

/**
 * A training request as the API receives it, with PyTorch's parameter names. Absent optional fields
 * take the defaults documented on each component. {@link #check(Checks)} applies the limits that need
 * no data; {@link TrainingEngine#validate} adds those that depend on the data set and the model.
 *
 * @param schedule the learning-rate schedule as a preview body without {@code base_lr}/{@code steps};
 *     kept as JSON for the schedule factory. Absent: the optimiser's constant {@code lr}.
 * @param epochs passes over the training split; a training needs exactly one of {@code epochs} and
 *     {@code steps}, a step trainer neither
 * @param steps optimiser updates; epochs then wrap as often as needed
 * @param batchSize rows per step, 1..{@value #MAX_BATCH}; the last partial batch of an epoch is dropped
 * @param validationSplit share of rows held out, stratified by class, 0..{@value #MAX_VALIDATION_SPLIT};
 *     default 0.2
 * @param seed drives the split, the initialisation, the epoch order and dropout; default 0
 * @param order the sample order of every epoch, as indices into the training split; batches are its
 *     consecutive slices. Absent: a fresh seeded permutation per epoch.
 * @param layerStatsEvery report per-layer statistics every k steps; 0 or absent for never
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingSpec(DatasetSpec dataset, ModelSpec model, String loss, OptimizerSpec optimizer,
        JsonNode schedule, Integer epochs, Integer steps, @JsonProperty("batch_size") Integer batchSize,
        @JsonProperty("validation_split") Double validationSplit, Long seed, int[] order,
        @JsonProperty("layer_stats_every") Integer layerStatsEvery) {

    public static final int MAX_EPOCHS = 1_000;
    public static final int MAX_STEPS = 1_000_000;
    public static final int MAX_BATCH = 4_096;
    public static final double MAX_VALIDATION_SPLIT = 0.9;
    public static final int MAX_ORDER = 1_000_000;
    public static final Set<String> LOSSES = Set.of("mse", "cross_entropy");

    private static final ObjectMapper JSON = JsonProblems.strictMapper();

    /**
     * Reads a spec from JSON and applies {@link #check(Checks)}.
     *
     * @throws InvalidSpecException for unknown fields, wrong types and broken limits
     */
    public static TrainingSpec fromJson(JsonNode json) {
        return fromJson(json, List.of());
    }

    /**
     * As {@link #fromJson(JsonNode)}, ignoring the given top-level fields, which belong to a request that
     * wraps a training spec (a range test's {@code start_lr}, a comparison's {@code lrs}).
     */
    public static TrainingSpec fromJson(JsonNode json, java.util.Collection<String> otherFields) {
        if (json != null && json.isObject() && !otherFields.isEmpty()) {
            json = ((com.fasterxml.jackson.databind.node.ObjectNode) json.deepCopy()).without(otherFields);
        }
        TrainingSpec spec;
        try {
            spec = JSON.treeToValue(json, TrainingSpec.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidSpecException(List.of(JsonProblems.violation(e)));
        }
        if (spec == null) {
            throw new InvalidSpecException("body", null, "is required");
        }
        Checks checks = new Checks();
        spec.check(checks);
        checks.throwIfAny();
        return spec;
    }

    public JsonNode toJson() {
        return JSON.valueToTree(this);
    }

    /** The limits that need no data; adds a violation per broken rule. */
    public void check(Checks checks) {
        if (checks.present(dataset, "dataset")) {
            dataset.check(checks);
        }
        if (checks.present(model, "model")) {
            model.check(checks);
        }
        if (loss != null) {
            checks.require(LOSSES.contains(loss), "loss", loss, "must be one of " + sorted(LOSSES));
        }
        if (checks.present(optimizer, "optimizer")) {
            optimizer.check(checks);
        }
        if (schedule != null) {
            checks.require(schedule.isObject(), "schedule", schedule, "must be an object like a schedule preview body");
        }
        checks.require(epochs == null || steps == null, "epochs", epochs, "give only one of epochs and steps");
        if (epochs != null) {
            checks.intWithin(epochs, "epochs", 1, MAX_EPOCHS);
        }
        if (steps != null) {
            checks.intWithin(steps, "steps", 1, MAX_STEPS);
        }
        if (batchSize != null) {
            checks.intWithin(batchSize, "batch_size", 1, MAX_BATCH);
        }
        if (validationSplit != null) {
            checks.within(validationSplit, "validation_split", 0, MAX_VALIDATION_SPLIT);
        }
        if (seed != null) {
            checks.intWithin(seed, "seed", 0, Long.MAX_VALUE);
        }
        if (layerStatsEvery != null) {
            checks.intWithin(layerStatsEvery, "layer_stats_every", 0, MAX_STEPS);
        }
        if (order != null) {
            checks.require(order.length >= 1 && order.length <= MAX_ORDER, "order", order.length + " indices",
                    "must hold between 1 and " + MAX_ORDER + " indices");
        }
    }

    public int batchSizeOrDefault() {
        return batchSize == null ? 64 : batchSize;
    }

    public double validationSplitOrDefault() {
        return validationSplit == null ? 0.2 : validationSplit;
    }

    public long seedOrDefault() {
        return seed == null ? 0 : seed;
    }

    public int layerStatsEveryOrDefault() {
        return layerStatsEvery == null ? 0 : layerStatsEvery;
    }

    /** The loss, by default cross-entropy for classification and mean squared error for regression. */
    public String lossFor(Task task) {
        return loss != null ? loss : task == Task.CLASSIFICATION ? "cross_entropy" : "mse";
    }

    static String sorted(Set<String> names) {
        return names.stream().sorted().collect(Collectors.joining(", "));
    }

    /**
     * Which data set to train on.
     *
     * @param name {@code digits}, {@code linear} or an uploaded set's id
     * @param size rows of the generated {@code linear} set, 2..100000 (default 100)
     * @param noise standard deviation of the noise on the {@code linear} set's y, 0..100 (default 0)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DatasetSpec(String name, Integer size, Double noise) {

        public static DatasetSpec named(String name) {
            return new DatasetSpec(name, null, null);
        }

        void check(Checks checks) {
            checks.present(name, "dataset.name");
            boolean generated = Datasets.LINE.equals(name);
            if (size != null
                    && checks.require(generated, "dataset.size", size, "only the linear data set has a size")) {
                checks.intWithin(size, "dataset.size", 2, 100_000);
            }
            if (noise != null && checks.require(generated, "dataset.noise", noise,
                    "only the linear data set has noise")) {
                checks.within(noise, "dataset.noise", 0, 100);
            }
        }
    }

    /**
     * The network. {@code linear} is one {@code nn.Linear}; {@code mlp} is the {@code nn.Sequential} of, per
     * hidden width, Linear, BatchNorm1d (when {@code batch_norm}), the activation and Dropout (when
     * {@code dropout > 0}), then the output Linear.
     *
     * @param hidden hidden widths of an mlp, 1..{@value #MAX_LAYERS} layers of 1..{@value #MAX_WIDTH}
     * @param activation {@code relu} (default), {@code tanh} or {@code gelu}
     * @param dropout rate in [0, 0.9], default 0
     * @param init a scheme name (see {@link Init}), {@code {"scheme": "normal", "std": 0.02}}, or
     *     {@code {"state_dict": {...}}} with initial values by PyTorch's parameter names
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelSpec(String type, List<Integer> hidden, String activation,
            @JsonProperty("batch_norm") Boolean batchNorm, Double dropout, JsonNode init) {

        public static final int MAX_LAYERS = 8;
        public static final int MAX_WIDTH = 2_048;
        public static final Set<String> TYPES = Set.of("linear", "mlp");
        public static final Set<String> ACTIVATIONS = Set.of("relu", "tanh", "gelu");

        void check(Checks checks) {
            if (checks.present(type, "model.type")
                    && checks.require(TYPES.contains(type), "model.type", type, "must be one of " + sorted(TYPES))) {
                boolean mlp = type.equals("mlp");
                if (mlp && checks.present(hidden, "model.hidden")) {
                    checks.require(!hidden.isEmpty() && hidden.size() <= MAX_LAYERS, "model.hidden", hidden,
                            "must list 1 to " + MAX_LAYERS + " widths");
                    for (int i = 0; i < hidden.size(); i++) {
                        checks.intWithin(hidden.get(i), "model.hidden[" + i + "]", 1, MAX_WIDTH);
                    }
                }
                if (!mlp) {
                    checks.require(hidden == null, "model.hidden", hidden, "only an mlp has hidden layers");
                    checks.require(batchNorm == null || !batchNorm, "model.batch_norm", batchNorm,
                            "only an mlp has batch norm");
                    checks.require(dropout == null || dropout == 0, "model.dropout", dropout,
                            "only an mlp has dropout");
                }
            }
            if (activation != null) {
                checks.require(ACTIVATIONS.contains(activation), "model.activation", activation,
                        "must be one of " + sorted(ACTIVATIONS));
            }
            if (dropout != null) {
                checks.within(dropout, "model.dropout", 0, 0.9);
            }
            if (init != null) {
                Init.check(init, checks);
            }
        }

        public String activationOrDefault() {
            return activation == null ? "relu" : activation;
        }

        public boolean batchNormOrDefault() {
            return batchNorm != null && batchNorm;
        }

        public double dropoutOrDefault() {
            return dropout == null ? 0 : dropout;
        }
    }

    /**
     * The optimiser with PyTorch's names and defaults: {@code sgd} (momentum 0, dampening 0, nesterov
     * false), {@code adam} and {@code adamw} (betas [0.9, 0.999], eps 1e-8, amsgrad false); weight_decay 0
     * except AdamW's 0.01.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OptimizerSpec(String name, Double lr, Double momentum, Double dampening, Boolean nesterov,
            @JsonProperty("weight_decay") Double weightDecay, List<Double> betas, Double eps, Boolean amsgrad) {

        public static final double MAX_LR = 100;
        public static final Set<String> NAMES = Set.of("sgd", "adam", "adamw");

        public static OptimizerSpec sgd(double lr, double momentum) {
            return new OptimizerSpec("sgd", lr, momentum, null, null, null, null, null, null);
        }

        /** The name in lower case, so that {@code SGD} and {@code AdamW} are accepted as PyTorch spells them. */
        public String kind() {
            return name == null ? "sgd" : name.toLowerCase(Locale.ROOT);
        }

        void check(Checks checks) {
            String kind = kind();
            boolean sgd = kind.equals("sgd");
            checks.require(NAMES.contains(kind), "optimizer.name", name, "must be one of " + sorted(NAMES));
            if (checks.positive(lr, "optimizer.lr")) {
                checks.require(lr <= MAX_LR, "optimizer.lr", lr, "must be at most " + MAX_LR);
            }
            if (momentum != null && checks.require(sgd, "optimizer.momentum", momentum,
                    "only sgd has momentum; adam and adamw use betas")) {
                checks.within(momentum, "optimizer.momentum", 0, 0.999);
            }
            if (dampening != null && checks.require(sgd, "optimizer.dampening", dampening, "only sgd has dampening")) {
                checks.within(dampening, "optimizer.dampening", 0, 1);
            }
            if (nesterov != null && nesterov && checks.require(sgd, "optimizer.nesterov", true,
                    "only sgd has nesterov")) {
                checks.require(momentumOrDefault() > 0 && dampeningOrDefault() == 0, "optimizer.nesterov", true,
                        "needs momentum > 0 and dampening 0");
            }
            if (weightDecay != null) {
                checks.within(weightDecay, "optimizer.weight_decay", 0, 1);
            }
            if (betas != null && checks.require(!sgd, "optimizer.betas", betas, "only adam and adamw have betas")
                    && checks.require(betas.size() == 2, "optimizer.betas", betas, "must hold two numbers")) {
                checks.within(betas.get(0), "optimizer.betas[0]", 0, 0.9999);
                checks.within(betas.get(1), "optimizer.betas[1]", 0, 0.9999);
            }
            if (eps != null && checks.require(!sgd, "optimizer.eps", eps, "only adam and adamw have eps")
                    && checks.positive(eps, "optimizer.eps")) {
                checks.require(eps <= 1, "optimizer.eps", eps, "must be at most 1");
            }
            if (amsgrad != null && amsgrad) {
                checks.require(!sgd, "optimizer.amsgrad", true, "only adam and adamw have amsgrad");
            }
        }

        public double momentumOrDefault() {
            return momentum == null ? 0 : momentum;
        }

        public double dampeningOrDefault() {
            return dampening == null ? 0 : dampening;
        }

        public boolean nesterovOrDefault() {
            return nesterov != null && nesterov;
        }

        public double weightDecayOrDefault() {
            return weightDecay != null ? weightDecay : kind().equals("adamw") ? 0.01 : 0;
        }

        public double beta1() {
            return betas == null ? 0.9 : betas.get(0);
        }

        public double beta2() {
            return betas == null ? 0.999 : betas.get(1);
        }

        public double epsOrDefault() {
            return eps == null ? 1e-8 : eps;
        }

        public boolean amsgradOrDefault() {
            return amsgrad != null && amsgrad;
        }

        /** The same optimiser with every default written out, as a run records it. */
        public OptimizerSpec effective() {
            boolean sgd = kind().equals("sgd");
            return new OptimizerSpec(kind(), lr, sgd ? momentumOrDefault() : null, sgd ? dampeningOrDefault() : null,
                    sgd ? nesterovOrDefault() : null, weightDecayOrDefault(), sgd ? null : List.of(beta1(), beta2()),
                    sgd ? null : epsOrDefault(), sgd ? null : amsgradOrDefault());
        }
    }
}
