package org.lracademy.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a training produced. Non-finite numbers are {@code null}.
 *
 * @param stop why it ended: {@code completed}, {@code diverged} (the first non-finite loss, which is the
 *     last entry of {@code losses}) or {@code cancelled}
 * @param steps optimiser steps taken
 * @param lrs the learning rate of each step
 * @param losses the batch loss of each step, before its update
 * @param epochs the per-pass figures
 * @param validationLoss the validation loss at the end, null without a validation split or after divergence
 * @param validationAccuracy the validation accuracy at the end, for classification
 * @param run what makes the run repeatable
 */
public record TrainingResult(String stop, long steps, List<Double> lrs, List<Double> losses,
        List<TrainingListener.EpochMetrics> epochs, Double validationLoss, Double validationAccuracy, Run run) {

    public static final String COMPLETED = "completed";
    public static final String DIVERGED = "diverged";
    public static final String CANCELLED = "cancelled";

    /**
     * The facts needed to repeat a run exactly.
     *
     * @param spec the spec as received
     * @param optimizer the optimiser with every default written out
     * @param loss the loss used
     * @param dataChecksum SHA-256 of the float32 data the run saw
     * @param engine the deep-learning engine and its version, for example {@code PyTorch 2.7.1}
     * @param threads libtorch's intra-op threads during the run
     */
    public record Run(JsonNode spec, long seed, String dataset, String dataChecksum, int trainRows,
            int validationRows, TrainingSpec.OptimizerSpec optimizer, String loss, String engine, String djl,
            String device, int threads) {
    }
}
