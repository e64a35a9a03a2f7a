package org.lracademy.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;
import org.lracademy.schedule.LrSchedule;
import org.lracademy.spec.Checks;

/**
 * Runs trainings and range-test step sequences from specs. Stateless apart from the data set lookup:
 * one instance serves any number of threads, each running its own training.
 */
public final class TrainingEngine {

    private static final Logger LOG = Logger.getLogger(TrainingEngine.class);

    private final Datasets datasets;
    private final int threads;

    /** An engine that leaves libtorch's thread settings as they are. */
    public TrainingEngine(Datasets datasets) {
        this(datasets, 0);
    }

    /**
     * Forward multiply-adds per step that one more intra-op thread needs in order to pay. Below it, libtorch's
     * threaded matrix products spend more on waking and joining the second thread than they save: measured on
     * 2 shared cores, an MLP 64-256-256-10 at batch 256 (22 million) ran slower on two threads than on one,
     * at 77 million two threads were 17 % faster.
     */
    public static final long MULTIPLY_ADDS_PER_THREAD = 32_000_000;

    /**
     * An engine that gives each training up to {@code intraOpThreads} libtorch threads, one per
     * {@value #MULTIPLY_ADDS_PER_THREAD} forward multiply-adds of a step and at least one; it sets the count
     * on the calling thread when a training or step trainer starts. With N trainings side by side on N
     * cores, 1.
     */
    public TrainingEngine(Datasets datasets, int intraOpThreads) {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intra-op threads must be 0 (unchanged) or more");
        }
        this.datasets = datasets;
        this.threads = intraOpThreads;
    }

    /**
     * Sets libtorch's intra-op thread count for the calling thread and for every thread that runs its first
     * libtorch operation afterwards; a thread that already ran one keeps the count it started with.
     */
    public static void setIntraOpThreads(int threads) {
        Engine.getEngine("PyTorch");
        JniUtils.setNumThreads(threads);
    }

    public static int intraOpThreads() {
        Engine.getEngine("PyTorch");
        return JniUtils.getNumThreads();
    }

    public Datasets datasets() {
        return datasets;
    }

    /**
     * Checks a spec against its data set and model: loss and task, batch size, order indices, state_dict
     * names and shapes.
     *
     * @throws org.lracademy.spec.InvalidSpecException naming every bad field
     */
    public void validate(TrainingSpec spec) {
        plan(spec, true);
    }

    /** As {@link #validate(TrainingSpec)} for a step trainer, which needs neither epochs nor steps. */
    public void validateForSteps(TrainingSpec spec) {
        plan(spec, false);
    }

    /**
     * Trains on the current thread until the last step, the first non-finite loss or cancellation.
     *
     * @param schedule the learning rate of each step; null for the optimiser's constant {@code lr}
     * @param cancelled polled before each step
     */
    public TrainingResult train(TrainingSpec spec, LrSchedule schedule, TrainingListener listener,
            BooleanSupplier cancelled) {
        return run(plan(spec, true), schedule, listener, cancelled);
    }

    /**
     * As {@link #train(TrainingSpec, LrSchedule, TrainingListener, BooleanSupplier)} on a device: {@code cpu} or
     * {@code gpu(N)}, as the job service names its slots.
     */
    public TrainingResult train(TrainingSpec spec, LrSchedule schedule, TrainingListener listener,
            BooleanSupplier cancelled, String device) {
        return run(plan(spec, true).on(device(device)), schedule, listener, cancelled);
    }

    /** As {@link #stepTrainer(TrainingSpec)} on a device named as for {@link #train}. */
    public StepTrainer stepTrainer(TrainingSpec spec, String device) {
        return new StepTrainer(plan(spec, false).on(device(device)));
    }

    private static final java.util.regex.Pattern GPU_NAME = java.util.regex.Pattern.compile("gpu\\(?(\\d+)\\)?");

    /** {@code gpu(N)} or {@code gpuN} is GPU N; anything else the CPU. */
    static Device device(String name) {
        java.util.regex.Matcher gpu = GPU_NAME.matcher(name == null ? "" : name);
        return gpu.matches() ? Device.gpu(Integer.parseInt(gpu.group(1))) : Device.cpu();
    }

    /** As {@link #train(TrainingSpec, LrSchedule, TrainingListener, BooleanSupplier)} on a given data set. */
    public TrainingResult train(TrainingSpec spec, Dataset dataset, LrSchedule schedule, TrainingListener listener,
            BooleanSupplier cancelled) {
        return run(plan(spec, dataset, true), schedule, listener, cancelled);
    }

    /**
     * How many optimiser steps a training of this spec takes, for schedules that need the length up front
     * (OneCycleLR's {@code total_steps}, a cosine over the whole run).
     *
     * @throws org.lracademy.spec.InvalidSpecException as {@link #validate(TrainingSpec)}
     */
    public long plannedSteps(TrainingSpec spec) {
        return plan(spec, true).totalSteps();
    }

    /** Steps in one pass over the training split of this spec. */
    public int stepsPerEpoch(TrainingSpec spec) {
        return plan(spec, false).stepsPerEpoch();
    }

    /** A fresh model and optimiser from the spec, stepped one learning rate at a time; close it after use. */
    public StepTrainer stepTrainer(TrainingSpec spec) {
        return new StepTrainer(plan(spec, false));
    }

    public StepTrainer stepTrainer(TrainingSpec spec, Dataset dataset) {
        return new StepTrainer(plan(spec, dataset, false));
    }

    private Plan plan(TrainingSpec spec, boolean training) {
        Checks checks = new Checks();
        spec.check(checks);
        checks.throwIfAny();
        return plan(spec, datasets.resolve(spec.dataset(), spec.seedOrDefault()), training);
    }

    private Plan plan(TrainingSpec spec, Dataset dataset, boolean training) {
        Plan plan = Plan.of(spec, dataset, training);
        if (threads > 0) {
            setIntraOpThreads(threadsFor(plan));
        }
        return plan;
    }

    /** The intra-op threads this engine gives a plan: as many as its step's work pays for, within the limit. */
    int threadsFor(Plan plan) {
        long work = plan.architecture().multiplyAddsPerRow() * plan.spec().batchSizeOrDefault();
        return (int) Math.max(1, Math.min(threads, work / MULTIPLY_ADDS_PER_THREAD));
    }

    private static TrainingResult run(Plan plan, LrSchedule schedule, TrainingListener listener,
            BooleanSupplier cancelled) {
        TrainingSpec spec = plan.spec();
        double baseLr = spec.optimizer().lr();
        List<Double> lrs = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        List<TrainingListener.EpochMetrics> epochs = new ArrayList<>();
        int statsEvery = spec.layerStatsEveryOrDefault();
        String stop = TrainingResult.COMPLETED;
        Learner.Evaluation last = null;
        LOG.debugf("Training %s on %s, seed %d", spec.model().type(), plan.dataset().id(), plan.seed());
        try (Learner learner = plan.openLearner(); Batches batches = plan.openBatches(learner);
                Validation validation = new Validation(plan, learner)) {
            long total = plan.totalSteps();
            double epochLossSum = 0;
            int epochSteps = 0;
            for (long step = 0; step < total; step++) {
                if (cancelled.getAsBoolean()) {
                    stop = TrainingResult.CANCELLED;
                    break;
                }

                // The schedule alone decides the rate (and the momentum, when it cycles one).
                double lr = schedule == null ? baseLr : schedule.lr(step, 0);
                OptionalDouble momentum = schedule == null ? OptionalDouble.empty() : schedule.momentum(step, 0);
                Batches.Batch batch = batches.next();
                LayerProbe probe = statsEvery > 0 && step % statsEvery == 0 ? new LayerProbe() : null;
                double loss = learner.step(batch, lr, momentum, probe);
                lrs.add(lr);
                losses.add(TrainingListener.finite(loss));
                listener.onStep(new TrainingListener.StepMetrics(step, batches.epochs() - 1, lr,
                        TrainingListener.finite(loss)));
                if (probe != null) {
                    listener.onLayers(probe.result(plan.architecture(), step));
                }

                // A non-finite loss ends the run: every later step would be meaningless.
                if (!Double.isFinite(loss)) {
                    stop = TrainingResult.DIVERGED;
                    break;
                }

                epochLossSum += loss;
                epochSteps++;
                if (batches.epochComplete() || step == total - 1) {
                    last = validation.evaluate();
                    epochs.add(new TrainingListener.EpochMetrics(batches.epochs() - 1, step + 1,
                            TrainingListener.finite(epochLossSum / epochSteps), last == null ? null
                            : TrainingListener.finite(last.loss()), last == null ? null
                            : TrainingListener.finite(last.accuracy())));
                    listener.onEpoch(epochs.get(epochs.size() - 1));
                    epochLossSum = 0;
                    epochSteps = 0;
                }
            }
        }
        boolean finished = stop.equals(TrainingResult.COMPLETED) && last != null;
        return new TrainingResult(stop, lrs.size(), List.copyOf(lrs), java.util.Collections.unmodifiableList(losses),
                List.copyOf(epochs), finished ? TrainingListener.finite(last.loss()) : null,
                finished ? TrainingListener.finite(last.accuracy()) : null, record(plan));
    }

    static TrainingResult.Run record(Plan plan) {
        Engine engine = Engine.getEngine("PyTorch");
        return new TrainingResult.Run(plan.spec().toJson(), plan.seed(), plan.dataset().id(),
                plan.dataset().checksum(), plan.split().train().size(), plan.split().validation().size(),
                plan.spec().optimizer().effective(), plan.loss(), engine.getEngineName() + " " + engine.getVersion(),
                Engine.getDjlVersion(), plan.device().isGpu() ? "gpu(" + plan.device().getDeviceId() + ")" : "cpu",
                JniUtils.getNumThreads());
    }

    /** The validation split as tensors, evaluated whole; absent when the split is empty. */
    static final class Validation implements AutoCloseable {

        private final Learner learner;
        private final PtNDArray[] tensors;
        private final int[] labels;

        Validation(Plan plan, Learner learner) {
            this.learner = learner;
            Split.Part part = plan.split().validation();
            this.tensors = part.size() == 0 ? null : part.tensors(learner.manager());
            this.labels = part.size() == 0 ? null : part.labels();
        }

        /** The evaluation, or null without validation rows. */
        Learner.Evaluation evaluate() {
            return tensors == null ? null : learner.evaluate(tensors[0], tensors[1], labels);
        }

        @Override
        public void close() {
            if (tensors != null) {
                tensors[0].close();
                tensors[1].close();
            }
        }
    }
}
