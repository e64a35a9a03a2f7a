package org.lracademy.training;

import ai.djl.Device;
import org.lracademy.spec.Checks;
import org.lracademy.spec.InvalidSpecException;

/**
 * A spec checked against its data: the data set, the split, the model's architecture and the loss,
 * everything a run needs before it touches native memory.
 */
record Plan(TrainingSpec spec, Dataset dataset, Split split, Architecture architecture, String loss, long seed,
        Device device) {

    /** Models above this many trainable values are refused. */
    static final int MAX_PARAMETERS = 20_000_000;

    /** @throws InvalidSpecException naming every rule the spec breaks with this data */
    static Plan of(TrainingSpec spec, Dataset dataset, boolean training) {
        Checks checks = new Checks();
        spec.check(checks);
        if (training) {
            checks.require(spec.epochs() != null || spec.steps() != null, "epochs", null,
                    "a training needs epochs or steps");
        }
        checks.throwIfAny();

        long seed = spec.seedOrDefault();
        Task task = dataset.task();
        String loss = spec.lossFor(task);
        checks.require(loss.equals("cross_entropy") == (task == Task.CLASSIFICATION), "loss", loss,
                "cross_entropy needs a classification data set and mse a regression one; '" + dataset.id()
                        + "' is for " + task.wireName());
        Split split = Split.of(dataset, spec.validationSplitOrDefault(), seed);
        int trainRows = split.train().size();
        int epochRows = spec.order() == null ? trainRows : spec.order().length;
        checks.require(spec.batchSizeOrDefault() <= epochRows, "batch_size", spec.batchSizeOrDefault(),
                "must be at most the rows of one epoch, " + epochRows);
        if (spec.model().batchNormOrDefault()) {
            // Batch statistics of one row have no spread: PyTorch refuses them, and so do we, before the job starts.
            checks.require(spec.batchSizeOrDefault() >= 2, "batch_size", spec.batchSizeOrDefault(),
                    "must be at least 2 with model.batch_norm: a batch's statistics need two rows");
        }
        if (spec.order() != null) {
            for (int i = 0; i < spec.order().length; i++) {
                int index = spec.order()[i];
                if (!checks.require(index >= 0 && index < trainRows, "order[" + i + "]", index,
                        "must index the training split, 0.." + (trainRows - 1))) {
                    break;
                }
            }
        }
        int outputs = task == Task.CLASSIFICATION ? dataset.classes() : 1;
        Architecture architecture = Architecture.of(spec.model(), dataset.featureCount(), outputs);
        checks.require(architecture.size() <= MAX_PARAMETERS, "model.hidden", spec.model().hidden(),
                "gives " + architecture.size() + " parameters; at most " + MAX_PARAMETERS + " are allowed");
        Init.checkShapes(spec.model().init(), architecture, checks);
        checks.throwIfAny();
        return new Plan(spec, dataset, split, architecture, loss, seed, Device.cpu());
    }

    /** Steps in one pass: the rows of an epoch's order divided by the batch size, rounded down. */
    int stepsPerEpoch() {
        int epochRows = spec.order() == null ? split.train().size() : spec.order().length;
        return epochRows / spec.batchSizeOrDefault();
    }

    /** All steps of a training: {@code steps}, or {@code epochs} passes. */
    long totalSteps() {
        return spec.steps() != null ? spec.steps() : (long) spec.epochs() * stepsPerEpoch();
    }

    /** The same plan, run on {@code on}: every tensor of the run (weights, data, optimiser state) lives there. */
    Plan on(Device on) {
        return new Plan(spec, dataset, split, architecture, loss, seed, on);
    }

    Learner openLearner() {
        Init.State initial = Init.initialise(architecture, spec.model().init(), seed);
        return new Learner(architecture, initial, spec.optimizer(), dataset.task() == Task.CLASSIFICATION,
                spec.model().dropoutOrDefault(), seed, device);
    }

    Batches openBatches(Learner learner) {
        return new Batches(split.train(), spec.batchSizeOrDefault(), spec.order(), seed, learner.manager());
    }
}
