package org.lracademy.training.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.Optional;
import org.lracademy.rangetest.RangeTestOptions;
import org.lracademy.rangetest.RangeTestResult;
import org.lracademy.rangetest.RangeTestSweep;
import org.lracademy.rangetest.SweepPlan;
import org.lracademy.schedule.LrSchedule;
import org.lracademy.training.Datasets;
import org.lracademy.training.StepTrainer;
import org.lracademy.training.TrainingEngine;
import org.lracademy.training.TrainingListener;
import org.lracademy.training.TrainingResult;
import org.lracademy.training.TrainingSpec;

/**
 * Times the two cases of {@code torch_digits.py} (an LR range test and a cosine-annealed training on the
 * digits, MLP 64-128-10, batches of 64, SGD with momentum 0.9) in Java, runs the PyTorch script on the same
 * machine right after, and prints both per-step times and their ratio: with up to 1 and up to 2 intra-op
 * threads as the engine gives them to this model, and with 2 threads forced on every operation.
 *
 * <p>Arguments: the path of {@code torch_digits.py} and the Python interpreter (default /usr/bin/python3).
 */
public final class DigitsBench {

    private static final int HIDDEN = 128;
    private static final int BATCH = 64;
    private static final int ITERS = 200;
    private static final int EPOCHS = 10;
    private static final int REPEATS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DigitsBench() {
    }

    public static void main(String[] args) throws Exception {
        String script = args.length > 0 ? args[0] : "../shared/bench/torch_digits.py";
        String python = args.length > 1 ? args[1] : "/usr/bin/python3";
        Datasets datasets = new Datasets(Path.of("target/bench-data"));
        // Let the JIT compile the step path before anything is timed; Python has no such warm-up to need.
        TrainingEngine warmUp = new TrainingEngine(datasets, 1);
        for (int i = 0; i < 10; i++) {
            rangeTest(warmUp);
            rangeTestSweep(warmUp);
            cosineTraining(warmUp);
        }
        List<String> rows = new ArrayList<>();
        Map<Integer, Map<String, Double>> torch = new LinkedHashMap<>();
        // Up to n threads as the engine chooses them for the model, then two threads forced on every operation.
        for (String mode : List.of("1", "2", "2 forced")) {
            int threads = mode.charAt(0) - '0';
            TrainingEngine engine;
            if (mode.endsWith("forced")) {
                TrainingEngine.setIntraOpThreads(threads);
                engine = new TrainingEngine(datasets);
            } else {
                engine = new TrainingEngine(datasets, threads);
            }
            Map<String, Double> java = new LinkedHashMap<>();
            java.put("range_test", bestMicrosPerStep(() -> rangeTest(engine)));
            java.put("range_test_sweep", bestMicrosPerStep(() -> rangeTestSweep(engine)));
            java.put("cosine_training", bestMicrosPerStep(() -> cosineTraining(engine)));
            Map<String, Double> reference = torch.computeIfAbsent(threads, t -> torch(script, python, t));
            for (String name : java.keySet()) {
                // The product's sweep is timed against the same PyTorch case as the bare loop.
                double torchMicros = reference.get(name.equals("range_test_sweep") ? "range_test" : name);
                double ratio = java.get(name) / torchMicros;
                rows.add(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.2f |", name, mode, java.get(name),
                        torchMicros, ratio));
            }
        }
        System.out.println("| case | threads | java us/step | torch us/step | java/torch |");
        System.out.println("| --- | --- | --- | --- | --- |");
        rows.forEach(System.out::println);
    }

    /** Best of {@value #REPEATS} after one warm-up run, in microseconds per step. */
    static double bestMicrosPerStep(LongSupplier work) {
        work.getAsLong();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < REPEATS; i++) {
            long started = System.nanoTime();
            long steps = work.getAsLong();
            best = Math.min(best, (System.nanoTime() - started) / 1e3 / steps);
        }
        return best;
    }

    static TrainingSpec spec(double lr, Integer steps, Integer epochs) {
        return new TrainingSpec(TrainingSpec.DatasetSpec.named("digits"),
                new TrainingSpec.ModelSpec("mlp", List.of(HIDDEN), "relu", null, null, null), "cross_entropy",
                TrainingSpec.OptimizerSpec.sgd(lr, 0.9), null, epochs, steps, BATCH, 0.0, 0L, null, null);
    }

    /** The range test: an exponential sweep from 1e-5 to 10, the loss read back and the stop test run at each step. */
    static long rangeTest(TrainingEngine engine) {
        double start = 1e-5;
        double end = 10;
        double best = Double.POSITIVE_INFINITY;
        long divergedAt = -1;
        try (StepTrainer trainer = engine.stepTrainer(spec(start, ITERS, null))) {
            for (int step = 0; step < ITERS; step++) {
                double lr = start * Math.pow(end / start, step / (double) (ITERS - 1));
                double loss = trainer.step(lr);
                best = Math.min(best, loss);
                if (divergedAt < 0 && (Double.isNaN(loss) || loss > 4 * best)) {
                    divergedAt = step;
                }
            }
        }
        return ITERS;
    }

    /**
     * The same range test through the product's code path: {@link RangeTestSweep} with its smoothing, stop rule
     * (the divergence stop off, so that all steps run as in the script) and the analysis of the finished curve.
     */
    static long rangeTestSweep(TrainingEngine engine) {
        SweepPlan plan = new RangeTestOptions(1e-5, 10.0, ITERS, "exp", null, Optional.empty(), null, null, null,
                null, null).plan();
        try (StepTrainer trainer = engine.stepTrainer(spec(1e-5, ITERS, null))) {
            RangeTestResult result = new RangeTestSweep(plan).run(trainer, point -> { }, () -> false);
            return result.points().size();
        }
    }

    /** Cosine annealing from 0.1 to 0 over all steps of {@value #EPOCHS} epochs. */
    static long cosineTraining(TrainingEngine engine) {
        int total = EPOCHS * (1797 / BATCH);
        LrSchedule cosine = (step, group) -> 0.1 * (1 + Math.cos(Math.PI * step / total)) / 2;
        TrainingResult result = engine.train(spec(0.1, null, EPOCHS), cosine, TrainingListener.NONE, () -> false);
        return result.steps();
    }

    private static Map<String, Double> torch(String script, String python, int threads) {
        try {
            return runTorch(script, python, threads);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the PyTorch script could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the PyTorch script ran", e);
        }
    }

    private static Map<String, Double> runTorch(String script, String python, int threads)
            throws java.io.IOException, InterruptedException {
        Process process = new ProcessBuilder(python, script, "--hidden", String.valueOf(HIDDEN), "--batch",
                String.valueOf(BATCH), "--iters", String.valueOf(ITERS), "--epochs", String.valueOf(EPOCHS),
                "--threads", String.valueOf(threads), "--repeats", String.valueOf(REPEATS))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, Double> micros = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                JsonNode row = JSON.readTree(line);
                micros.put(row.get("case").asText(), row.get("us_per_step").asDouble());
            }
        }
        if (process.waitFor() != 0 || micros.size() != 2) {
            throw new IllegalStateException("the PyTorch script failed or printed " + micros);
        }
        return micros;
    }
}
