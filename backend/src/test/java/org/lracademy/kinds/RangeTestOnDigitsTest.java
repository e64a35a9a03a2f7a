package org.lracademy.kinds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.lracademy.rangetest.RangeTestOptions;
import org.lracademy.rangetest.RangeTestResult;
import org.lracademy.rangetest.RangeTestSweep;
import org.lracademy.rangetest.Suggestion;
import org.lracademy.rangetest.SweepPlan;
import org.lracademy.rangetest.SweepPoint;
import org.lracademy.training.Datasets;
import org.lracademy.training.StepTrainer;
import org.lracademy.training.TrainingEngine;
import org.lracademy.training.TrainingListener;
import org.lracademy.training.TrainingResult;
import org.lracademy.training.TrainingSpec;

/** The range test on real data: its suggestions train well, and it never touches anyone else's model. */
class RangeTestOnDigitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TrainingEngine engine = new TrainingEngine(new Datasets(Path.of("target/test-data")), 1);

    /** Digits, an MLP 64-128-10, batches of 64, SGD with momentum 0.9. */
    private static ObjectNode digits(double lr) {
        ObjectNode spec = JSON.createObjectNode();
        spec.putObject("dataset").put("name", "digits");
        spec.putObject("model").put("type", "mlp").putArray("hidden").add(128);
        spec.put("loss", "cross_entropy");
        spec.putObject("optimizer").put("name", "sgd").put("lr", lr).put("momentum", 0.9);
        spec.put("batch_size", 64).put("validation_split", 0.2).put("seed", 7);
        return spec;
    }

    private static SweepPlan plan() {
        return new RangeTestOptions(1e-5, 10.0, 200, "exp", null, null, null, null, null, null, null).plan();
    }

    private RangeTestResult rangeTest(TrainingSpec spec) {
        try (StepTrainer trainer = engine.stepTrainer(spec)) {
            return new RangeTestSweep(plan()).run(trainer, point -> { }, () -> false);
        }
    }

    /** Validation loss after 5 epochs at a constant rate; a diverged run counts as infinitely bad. */
    private double fiveEpochsAt(double lr) {
        TrainingSpec spec = TrainingSpec.fromJson(digits(lr).put("epochs", 5));
        TrainingResult result = engine.train(spec, null, TrainingListener.NONE, () -> false);
        return result.validationLoss() == null ? Double.POSITIVE_INFINITY : result.validationLoss();
    }

    @Test
    void steepestAndValleySuggestionsTrainBetterThanATinyAndAHugeRate() {
        RangeTestResult test = rangeTest(TrainingSpec.fromJson(digits(1e-5)));
        Map<String, Suggestion> suggestions = test.analysis().suggestions();
        double tiny = fiveEpochsAt(1e-4);
        double huge = fiveEpochsAt(1.0);
        for (String method : List.of("steep", "valley")) {
            Suggestion suggestion = suggestions.get(method);
            assertNotNull(suggestion.lr(), method + " found no rate: " + suggestion);
            double loss = fiveEpochsAt(suggestion.lr());
            assertTrue(loss < tiny && loss < huge, method + " at lr " + suggestion.lr() + " reached validation loss "
                    + loss + "; 1e-4 reached " + tiny + " and 1.0 reached " + huge);
        }
    }

    @Test
    void aRangeTestLeavesAnotherTrainersWeightsAndOptimiserUntouched() {
        TrainingSpec spec = TrainingSpec.fromJson(digits(0.05));
        try (StepTrainer caller = engine.stepTrainer(spec); StepTrainer twin = engine.stepTrainer(spec)) {
            for (int i = 0; i < 5; i++) {
                assertEquals(caller.step(0.05), twin.step(0.05));
            }
            Map<String, float[]> before = caller.stateDict();

            // The sweep runs to divergence at rates up to 10, on the same spec, while the caller waits.
            RangeTestResult test = rangeTest(spec);
            assertTrue(test.points().size() > 20);

            Map<String, float[]> after = caller.stateDict();
            assertEquals(before.keySet(), after.keySet());
            before.forEach((name, values) -> assertArrayEquals(values, after.get(name), name + " changed"));
            // Momentum buffers too: the caller's next steps are those of a twin that saw no range test.
            for (int i = 0; i < 5; i++) {
                assertEquals(twin.step(0.05), caller.step(0.05), "step " + i + " after the range test");
            }
        }
    }

    @Test
    void concurrentRangeTestsGiveTheCurvesTheyGiveAlone() throws Exception {
        TrainingSpec first = TrainingSpec.fromJson(digits(1e-5));
        TrainingSpec second = TrainingSpec.fromJson(digits(1e-5).put("seed", 8));
        List<SweepPoint> firstAlone = rangeTest(first).points();
        List<SweepPoint> secondAlone = rangeTest(second).points();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<RangeTestResult> a = pool.submit(() -> rangeTest(first));
            Future<RangeTestResult> b = pool.submit(() -> rangeTest(second));
            assertEquals(firstAlone, a.get().points());
            assertEquals(secondAlone, b.get().points());
        } finally {
            pool.shutdownNow();
        }
        assertTrue(!firstAlone.equals(secondAlone), "two seeds should give two curves");
    }
}
