package org.lracademy.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The loop's behaviour: stopping, cancelling, reporting, and the step trainer the range test drives. */
class TrainingLoopTest {

    private final TrainingEngine engine = new TrainingEngine(new Datasets(Path.of("target/test-data")));

    private static ObjectNode digits() {
        ObjectNode spec = Goldens.object();
        spec.putObject("dataset").put("name", "digits");
        spec.putObject("model").put("type", "mlp").put("batch_norm", true).putArray("hidden").add(32).add(16);
        spec.putObject("optimizer").put("name", "sgd").put("lr", 0.1).put("momentum", 0.9);
        spec.put("epochs", 3).put("batch_size", 100).put("validation_split", 0.2).put("seed", 4)
                .put("layer_stats_every", 10);
        return spec;
    }

    @Test
    void aRunStopsAtTheFirstNonFiniteLossAsDiverged() {
        ObjectNode spec = Goldens.object();
        spec.putObject("dataset").put("name", "linear").put("size", 50);
        spec.putObject("model").put("type", "linear");
        spec.putObject("optimizer").put("name", "sgd").put("lr", 50.0);
        spec.put("steps", 1000).put("batch_size", 10);
        TrainingResult result = engine.train(TrainingSpec.fromJson(spec), null, TrainingListener.NONE, () -> false);
        assertEquals(TrainingResult.DIVERGED, result.stop());
        assertTrue(result.steps() < 1000, "stopped early");
        assertNull(result.losses().get(result.losses().size() - 1), "the non-finite loss travels as null");
        assertTrue(result.losses().subList(0, result.losses().size() - 1).stream().allMatch(l -> l != null));
        assertNull(result.validationLoss());
    }

    @Test
    void cancellationStopsBetweenSteps() {
        AtomicInteger polls = new AtomicInteger();
        TrainingResult result = engine.train(TrainingSpec.fromJson(digits()), null, TrainingListener.NONE,
                () -> polls.incrementAndGet() > 5);
        assertEquals(TrainingResult.CANCELLED, result.stop());
        assertEquals(5, result.steps());
    }

    @Test
    void theListenerHearsEveryStepEachEpochAndLayerStatistics() {
        List<TrainingListener.StepMetrics> steps = new ArrayList<>();
        List<TrainingListener.EpochMetrics> epochs = new ArrayList<>();
        List<TrainingListener.LayerStats> layers = new ArrayList<>();
        TrainingResult result = engine.train(TrainingSpec.fromJson(digits()), null, new TrainingListener() {
            @Override
            public void onStep(StepMetrics step) {
                steps.add(step);
            }

            @Override
            public void onEpoch(EpochMetrics epoch) {
                epochs.add(epoch);
            }

            @Override
            public void onLayers(LayerStats stats) {
                layers.add(stats);
            }
        }, () -> false);

        int perEpoch = result.run().trainRows() / 100;
        assertEquals(1797, result.run().trainRows() + result.run().validationRows());
        assertEquals(359, result.run().validationRows(), 5, "a fifth held out, class by class");
        assertEquals(3 * perEpoch, steps.size());
        assertEquals(3, epochs.size());
        assertEquals(2, epochs.get(2).epoch());
        assertTrue(epochs.get(2).validationAccuracy() > 0.5, "three epochs learn the digits: " + epochs.get(2));
        assertTrue(epochs.get(2).trainLoss() < epochs.get(0).trainLoss());
        assertEquals(result.validationLoss(), epochs.get(2).validationLoss());
        assertEquals((3 * perEpoch + 9) / 10, layers.size());
        assertEquals(List.of("0", "3", "6"),
                layers.get(0).layers().stream().map(TrainingListener.Layer::layer).toList());
        assertTrue(layers.get(0).layers().stream().allMatch(l -> l.gradientNorm() > 0 && l.activationStd() > 0));
        assertEquals("sgd", result.run().optimizer().name());
        assertTrue(result.run().engine().startsWith("PyTorch 2."), result.run().engine());
    }

    @Test
    void batchNormUsesBatchStatisticsAndUpdatesItsRunningMean() {
        ObjectNode spec = Goldens.object();
        spec.putObject("dataset").put("name", "linear").put("size", 8);
        ObjectNode model = spec.putObject("model").put("type", "mlp").put("batch_norm", true);
        model.putArray("hidden").add(1);
        ObjectNode dict = model.putObject("init").putObject("state_dict");
        dict.putArray("0.weight").addArray().add(2.0);
        dict.putArray("0.bias").add(0.5);
        dict.putArray("1.weight").add(1.0);
        dict.putArray("1.bias").add(0.0);
        dict.putArray("3.weight").addArray().add(1.0);
        dict.putArray("3.bias").add(0.0);
        spec.putObject("optimizer").put("name", "sgd").put("lr", 0.1);
        spec.put("steps", 1).put("batch_size", 8).put("validation_split", 0.0);
        spec.putArray("order").add(0).add(1).add(2).add(3).add(4).add(5).add(6).add(7);
        Dataset data = Datasets.line(8, 0, 3);
        try (StepTrainer trainer = engine.stepTrainer(TrainingSpec.fromJson(spec), data)) {
            trainer.step(0.0);
            double mean = 0;
            for (float x : data.features()) {
                mean += (2.0 * x + 0.5) / 8;
            }
            assertEquals(0.1 * mean, trainer.stateDict().get("1.running_mean")[0], 1e-6);
            assertNotEquals(1f, trainer.stateDict().get("1.running_var")[0]);
        }
    }

    @Test
    void theStepTrainerCyclesTheDataAndWeighsValidationBySamples() {
        ObjectNode spec = Goldens.object();
        spec.putObject("dataset").put("name", "linear").put("size", 103).put("noise", 0.5);
        spec.putObject("model").put("type", "linear").put("init", "zeros");
        spec.putObject("optimizer").put("name", "sgd").put("lr", 0.01);
        spec.put("steps", 10).put("batch_size", 16).put("validation_split", 0.3).put("seed", 9);
        TrainingSpec parsed = TrainingSpec.fromJson(spec);
        Dataset data = Datasets.line(103, 0.5, 9);
        Split split = Split.of(data, 0.3, 9);
        double expected = 0;
        for (int row : split.validation().rows()) {
            expected += (double) data.targets()[row] * data.targets()[row] / split.validation().size();
        }
        try (StepTrainer trainer = engine.stepTrainer(parsed)) {
            assertEquals(expected, trainer.validationLoss(), 1e-5 * expected, "zero weights predict 0");
            assertEquals(72 / 16, trainer.stepsPerEpoch());
            for (int i = 0; i < 3 * trainer.stepsPerEpoch() + 1; i++) {
                assertTrue(Double.isFinite(trainer.step(0.01)));
            }
            assertTrue(trainer.validationLoss() < expected);
        }
    }

    @Test
    void slotNamesPickTheDeviceAndTheRunRecordsIt() {
        assertEquals(ai.djl.Device.gpu(1), TrainingEngine.device("gpu(1)"));
        assertEquals(ai.djl.Device.gpu(0), TrainingEngine.device("gpu0"));
        assertEquals(ai.djl.Device.cpu(), TrainingEngine.device("cpu"));
        assertEquals(ai.djl.Device.cpu(), TrainingEngine.device(null));
        ObjectNode spec = digits().put("epochs", 1);
        TrainingResult result = engine.train(TrainingSpec.fromJson(spec), null, TrainingListener.NONE, () -> false,
                "cpu");
        assertEquals("cpu", result.run().device());
    }

    @Test
    void stepTrainersFromOneSpecAreIndependent() {
        TrainingSpec spec = TrainingSpec.fromJson(digits());
        try (StepTrainer first = engine.stepTrainer(spec); StepTrainer second = engine.stepTrainer(spec)) {
            double firstLoss = first.step(0.5);
            for (int i = 0; i < 4; i++) {
                first.step(0.5);
            }
            assertEquals(firstLoss, second.step(0.5), "the second starts from the spec's weights, not the first's");
        }
    }

    @Test
    void anEngineGivesEachTrainingItsThreadCountAndRecordsIt() throws Exception {
        TrainingEngine oneThread = new TrainingEngine(new Datasets(Path.of("target/test-data")), 1);
        ObjectNode spec = digits().put("epochs", 1);
        Thread worker = new Thread(() -> {
            TrainingResult result = oneThread.train(TrainingSpec.fromJson(spec), null, TrainingListener.NONE,
                    () -> false);
            assertEquals(1, result.run().threads());
            assertEquals("cpu", result.run().device());
        });
        List<Throwable> failures = new ArrayList<>();
        worker.setUncaughtExceptionHandler((t, e) -> failures.add(e));
        worker.start();
        worker.join();
        assertTrue(failures.isEmpty(), () -> failures.get(0).toString());
    }

    @Test
    void aSecondThreadIsGivenOnlyToStepsWithWorkEnoughToPayForIt() {
        TrainingEngine upToTwo = new TrainingEngine(new Datasets(Path.of("target/test-data")), 2);
        Dataset digits = Datasets.digits();
        ObjectNode small = digits();
        ObjectNode large = digits().put("batch_size", 256);
        ((ObjectNode) large.get("model")).putArray("hidden").add(512).add(512);
        assertEquals(1, upToTwo.threadsFor(Plan.of(TrainingSpec.fromJson(small), digits, false)));
        assertEquals(2, upToTwo.threadsFor(Plan.of(TrainingSpec.fromJson(large), digits, false)));
    }

    @Test
    void theEngineTellsHowManyStepsATrainingWillTake() {
        TrainingSpec spec = TrainingSpec.fromJson(digits());
        TrainingResult result = engine.train(spec, null, TrainingListener.NONE, () -> false);
        assertEquals(result.run().trainRows() / 100, engine.stepsPerEpoch(spec));
        assertEquals(result.steps(), engine.plannedSteps(spec));
        assertEquals(50, engine.plannedSteps(TrainingSpec.fromJson(digits().put("steps", 50).without("epochs"))));
    }

    @Test
    void validationLossNeedsValidationRows() {
        ObjectNode spec = digits().put("validation_split", 0.0);
        try (StepTrainer trainer = engine.stepTrainer(TrainingSpec.fromJson(spec))) {
            assertThrows(IllegalStateException.class, trainer::validationLoss);
        }
    }
}
