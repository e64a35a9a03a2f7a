package org.lracademy.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Same spec and seed, same numbers: run after run, and with another training on a second thread. */
class ReproducibilityTest {

    private static int threadsBefore;
    private final TrainingEngine engine = new TrainingEngine(new Datasets(Path.of("target/test-data")));

    @BeforeAll
    static void oneThreadPerTraining() {
        threadsBefore = TrainingEngine.intraOpThreads();
        TrainingEngine.setIntraOpThreads(1);
    }

    @AfterAll
    static void restoreThreads() {
        TrainingEngine.setIntraOpThreads(threadsBefore);
    }

    static TrainingSpec digits(long seed, String optimizer) {
        ObjectNode spec = Goldens.object();
        spec.putObject("dataset").put("name", "digits");
        ObjectNode model = spec.putObject("model").put("type", "mlp").put("activation", "gelu")
                .put("batch_norm", true).put("dropout", 0.1);
        model.putArray("hidden").add(48).add(24);
        spec.putObject("optimizer").put("name", optimizer).put("lr", 0.01);
        spec.put("epochs", 2).put("batch_size", 32).put("seed", seed).put("validation_split", 0.2);
        return TrainingSpec.fromJson(spec);
    }

    static TrainingSpec line(long seed) {
        ObjectNode spec = Goldens.object();
        spec.putObject("dataset").put("name", "linear").put("size", 400).put("noise", 0.3);
        spec.putObject("model").put("type", "mlp").put("activation", "tanh").putArray("hidden").add(16);
        spec.putObject("optimizer").put("name", "sgd").put("lr", 0.05).put("momentum", 0.9).put("nesterov", true);
        spec.put("epochs", 20).put("batch_size", 16).put("seed", seed);
        return TrainingSpec.fromJson(spec);
    }

    private TrainingResult train(TrainingSpec spec) {
        return engine.train(spec, null, TrainingListener.NONE, () -> false);
    }

    @Test
    void theSameSpecAndSeedGiveBitIdenticalLosses() {
        TrainingResult first = train(digits(7, "adam"));
        TrainingResult second = train(digits(7, "adam"));
        assertEquals(first.losses(), second.losses());
        assertEquals(first.epochs(), second.epochs());
        assertEquals(first.run().dataChecksum(), second.run().dataChecksum());
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        assertNotEquals(train(digits(7, "sgd")).losses(), train(digits(8, "sgd")).losses());
    }

    @Test
    void twoTrainingsOnTwoThreadsReproduceTheirSingleThreadLossesBitForBit() throws Exception {
        TrainingSpec a = digits(3, "adamw");
        TrainingSpec b = line(5);
        List<Double> aliceAlone = train(a).losses();
        List<Double> bobAlone = train(b).losses();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            CountDownLatch running = new CountDownLatch(2);
            Future<TrainingResult> alice = pool.submit(() -> {
                start.await();
                return engine.train(a, null, overlap(running), () -> false);
            });
            Future<TrainingResult> bob = pool.submit(() -> {
                start.await();
                return engine.train(b, null, overlap(running), () -> false);
            });
            start.countDown();
            assertEquals(aliceAlone, alice.get(2, TimeUnit.MINUTES).losses());
            assertEquals(bobAlone, bob.get(2, TimeUnit.MINUTES).losses());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Holds each training at its first step until both have started, so that their steps interleave. */
    private static TrainingListener overlap(CountDownLatch running) {
        return new TrainingListener() {
            @Override
            public void onStep(StepMetrics step) {
                if (step.step() == 0) {
                    running.countDown();
                    try {
                        running.await(1, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
    }
}
