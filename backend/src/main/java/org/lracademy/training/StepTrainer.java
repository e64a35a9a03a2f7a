package org.lracademy.training;

import java.util.OptionalDouble;

/**
 * A model and a fresh optimiser built from a spec, stepped one learning rate at a time: the handle an
 * LR range test drives. It owns its weights, buffers and optimiser state, so nothing outside it changes.
 * The training batches cycle epoch after epoch as in a training. Close it to free its native memory.
 */
public final class StepTrainer implements AutoCloseable, org.lracademy.rangetest.StepTrainer {

    private final Plan plan;
    private final Learner learner;
    private final Batches batches;
    private final TrainingEngine.Validation validation;
    private long steps;

    StepTrainer(Plan plan) {
        this.plan = plan;
        this.learner = plan.openLearner();
        try {
            this.batches = plan.openBatches(learner);
            this.validation = new TrainingEngine.Validation(plan, learner);
        } catch (RuntimeException e) {
            learner.close();
            throw e;
        }
    }

    /** One optimiser step at {@code lr} on the next batch; returns that batch's loss before the update. */
    public double step(double lr) {
        steps++;
        return learner.step(batches.next(), lr, OptionalDouble.empty(), null);
    }

    /**
     * The loss over the whole validation split, weighted by rows, in evaluation mode.
     *
     * @throws IllegalStateException when the spec holds out no validation rows
     */
    public double validationLoss() {
        Learner.Evaluation evaluation = validation.evaluate();
        if (evaluation == null) {
            throw new IllegalStateException("the spec holds out no validation rows; set validation_split above 0");
        }
        return evaluation.loss();
    }

    public long stepsTaken() {
        return steps;
    }

    /** Steps in one pass over the training split. */
    public int stepsPerEpoch() {
        return batches.stepsPerEpoch();
    }

    /** The current weights and batch-norm buffers by PyTorch name, copied out. */
    public java.util.Map<String, float[]> stateDict() {
        return learner.stateDict();
    }

    /** What makes this sequence repeatable. */
    public TrainingResult.Run run() {
        return TrainingEngine.record(plan);
    }

    @Override
    public void close() {
        validation.close();
        batches.close();
        learner.close();
    }
}
