package org.lracademy.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lracademy.schedule.LrSchedule;

/** The engine reproduces PyTorch's recorded trajectories step by step. */
class TrainingGoldensTest {

    private final TrainingEngine engine = new TrainingEngine(new Datasets(Path.of("target/test-data")));

    @Test
    void everySeedLinearGoldenIsReproducedStepByStep() {
        List<Path> files = Goldens.training("seed-linear-lr*.json");
        assertFalse(files.isEmpty(), "no seed-linear goldens found");
        for (Path file : files) {
            JsonNode golden = Goldens.read(file);
            TrainingResult result = engine.train(seedLinearSpec(golden), lineData(golden), null,
                    TrainingListener.NONE, () -> false);
            String name = file.getFileName().toString();
            Goldens.assertTrajectory(name + " losses", golden.get("losses"), result.losses());
            assertEquals(TrainingResult.COMPLETED, result.stop(), name);
        }
    }

    @Test
    void seedLinearFinalWeightsMatchPytorch() {
        for (Path file : Goldens.training("seed-linear-lr*.json")) {
            JsonNode golden = Goldens.read(file);
            try (StepTrainer trainer = engine.stepTrainer(seedLinearSpec(golden), lineData(golden))) {
                double lr = golden.get("optimizer").get("lr").asDouble();
                for (int i = 0; i < golden.get("steps").asInt(); i++) {
                    trainer.step(lr);
                }
                var state = trainer.stateDict();
                double weight = golden.get("final").get("weight").asDouble();
                double bias = golden.get("final").get("bias").asDouble();
                assertEquals(weight, state.get("weight")[0], Math.max(1e-4 * Math.abs(weight), 1e-6), file.toString());
                assertEquals(bias, state.get("bias")[0], Math.max(1e-4 * Math.abs(bias), 1e-6), file.toString());
            }
        }
    }

    @Test
    void digitsMlpWithMomentumAndCosineAnnealingMatchesPytorch() {
        JsonNode golden = Goldens.read(Goldens.training("digits-mlp-sgd-momentum-cosine.json").get(0));
        double lr = golden.get("optimizer").get("lr").asDouble();
        int tMax = golden.get("schedule").get("T_max").asInt();
        double etaMin = golden.get("schedule").get("eta_min").asDouble();
        // CosineAnnealingLR's closed form: eta_min + (lr - eta_min) * (1 + cos(pi * t / T_max)) / 2.
        LrSchedule cosine = (step, group) -> etaMin + (lr - etaMin) * (1 + Math.cos(Math.PI * step / tMax)) / 2;

        ObjectNode spec = Goldens.digitsCosineSpec(golden);

        TrainingResult result = engine.train(TrainingSpec.fromJson(spec), cosine, TrainingListener.NONE, () -> false);

        Goldens.assertTrajectory("lrs", golden.get("lrs"), result.lrs());
        Goldens.assertTrajectory("losses", golden.get("losses"), result.losses());
    }

    static TrainingSpec seedLinearSpec(JsonNode golden) {
        return TrainingSpec.fromJson(Goldens.seedLinearSpec(golden, "seed-linear"));
    }

    static Dataset lineData(JsonNode golden) {
        int rows = golden.get("X").size();
        float[] x = new float[rows];
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            x[i] = (float) golden.get("X").get(i).asDouble();
            y[i] = (float) golden.get("y").get(i).asDouble();
        }
        return new Dataset("seed-linear", "the lesson's recorded inputs", Task.REGRESSION, rows, 1, x, y, 1);
    }
}
