package org.lracademy.training.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lracademy.training.Datasets;
import org.lracademy.training.StepTrainer;
import org.lracademy.training.TrainingEngine;
import org.lracademy.training.TrainingListener;
import org.lracademy.training.TrainingSpec;

/**
 * Runs 1,000 short trainings (each followed by a short step-trainer sequence) in one process and prints
 * the resident set size every 100 runs, to show that native memory is given back after each run. The first
 * argument, when a number, changes the count of runs.
 */
public final class MemoryBench {


    private MemoryBench() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 && args[0].matches("\\d+") ? Integer.parseInt(args[0]) : 1_000;
        TrainingEngine.setIntraOpThreads(1);
        TrainingEngine engine = new TrainingEngine(new Datasets(Path.of("target/bench-data")));
        long baseline = 0;
        for (int run = 1; run <= runs; run++) {
            TrainingSpec spec = new TrainingSpec(TrainingSpec.DatasetSpec.named("digits"),
                    new TrainingSpec.ModelSpec("mlp", List.of(64), "relu", true, 0.1, null), "cross_entropy",
                    new TrainingSpec.OptimizerSpec("adam", 0.01, null, null, null, null, null, null, null), null, null,
                    20, 64, 0.2, (long) run, null, 5);
            engine.train(spec, null, TrainingListener.NONE, () -> false);
            try (StepTrainer trainer = engine.stepTrainer(spec)) {
                for (int i = 0; i < 10; i++) {
                    trainer.step(1e-3 * (i + 1));
                }
                trainer.validationLoss();
            }
            if (run % 100 == 0) {
                System.gc();
                long rss = rssKib();
                if (run == 100) {
                    baseline = rss;
                }
                System.out.printf("run %4d  rss %7d KiB  (%+d KiB since run 100)%n", run, rss, rss - baseline);
            }
        }
    }

    private static long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("VmRSS missing from /proc/self/status");
    }
}
