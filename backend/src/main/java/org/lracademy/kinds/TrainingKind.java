package org.lracademy.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lracademy.jobs.JobContext;
import org.lracademy.rangetest.CurveDiagnosis;
import org.lracademy.schedule.LrSchedule;
import org.lracademy.spec.Checks;
import org.lracademy.training.TrainingEngine;
import org.lracademy.training.TrainingListener;
import org.lracademy.training.TrainingResult;
import org.lracademy.training.TrainingSpec;

/**
 * A training as a job: {@code POST /api/v1/trainings}. Emits a {@code step} event per optimiser step, an
 * {@code epoch} event per pass and, with {@code layer_stats_every}, {@code layers} events; the result holds every
 * step's rate and loss, the per-epoch figures, the curve's diagnosis and what makes the run repeatable.
 */
@ApplicationScoped
public class TrainingKind extends EngineKind<TrainingKind.Prepared> {

    /** A training checked and ready to run. */
    record Prepared(TrainingSpec spec, LrSchedule schedule, long plannedSteps) {
    }

    @Override
    public String name() {
        return "training";
    }

    @Override
    Prepared prepare(JsonNode json) {
        Checks checks = new Checks();
        SpecParts.checkTags(json, checks);
        TrainingSpec spec = SpecParts.training(json, SpecParts.TAGS, checks);
        // Planning the run checks the spec against its data and model as well.
        long planned = engine.plannedSteps(spec);
        return new Prepared(spec, SpecParts.schedule(spec, planned), planned);
    }

    @Override
    public Object run(JsonNode json, String device, JobContext context) {
        Prepared prepared = prepare(json);
        TrainingResult result = engine.train(prepared.spec(), prepared.schedule(),
                new EventListener(context, prepared.plannedSteps()), context::cancelled, device);
        return report(result, json);
    }

    /** The stored result of a training: the run's numbers by the API's names, with the diagnosis of its curve. */
    static Map<String, Object> report(TrainingResult result, JsonNode json) {
        Map<String, Object> report = new LinkedHashMap<>();
        if (json.hasNonNull("label")) {
            report.put("label", json.get("label").asText());
        }
        if (json.has("comparison")) {
            report.put("comparison", json.get("comparison"));
        }
        report.put("stop", result.stop());
        report.put("steps", result.steps());
        report.put("val_loss", result.validationLoss());
        report.put("val_accuracy", result.validationAccuracy());
        report.put("diagnosis", CurveDiagnosis.diagnose(result.losses().stream()
                .mapToDouble(l -> l == null ? Double.NaN : l).toArray(), null));
        report.put("lrs", result.lrs());
        report.put("losses", result.losses());
        report.put("epochs", result.epochs().stream().map(EventListener::epoch).toList());
        report.put("run", run(result.run()));
        return report;
    }

    private static Map<String, Object> run(TrainingResult.Run run) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("spec", run.spec());
        facts.put("seed", run.seed());
        facts.put("dataset", run.dataset());
        facts.put("data_checksum", run.dataChecksum());
        facts.put("train_rows", run.trainRows());
        facts.put("validation_rows", run.validationRows());
        facts.put("optimizer", run.optimizer());
        facts.put("loss", run.loss());
        facts.put("engine", run.engine());
        facts.put("djl", run.djl());
        facts.put("device", run.device());
        facts.put("threads", run.threads());
        return facts;
    }

    /** Turns the engine's progress into job events and the job's progress fraction. */
    static final class EventListener implements TrainingListener {

        private final JobContext context;
        private final long plannedSteps;

        EventListener(JobContext context, long plannedSteps) {
            this.context = context;
            this.plannedSteps = Math.max(1, plannedSteps);
        }

        @Override
        public void onStep(StepMetrics step) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("step", step.step());
            event.put("epoch", step.epoch());
            event.put("lr", step.lr());
            event.put("loss", step.loss());
            context.emit("step", event);
            context.progress((step.step() + 1) / (double) plannedSteps);
        }

        @Override
        public void onEpoch(EpochMetrics epoch) {
            context.emit("epoch", epoch(epoch));
        }

        @Override
        public void onLayers(LayerStats stats) {
            List<Map<String, Object>> layers = stats.layers().stream().map(layer -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("layer", layer.layer());
                entry.put("activation_mean", layer.activationMean());
                entry.put("activation_std", layer.activationStd());
                entry.put("gradient_norm", layer.gradientNorm());
                return entry;
            }).toList();
            context.emit("layers", Map.of("step", stats.step(), "layers", layers));
        }

        static Map<String, Object> epoch(EpochMetrics epoch) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("epoch", epoch.epoch());
            event.put("step", epoch.step());
            event.put("train_loss", epoch.trainLoss());
            event.put("val_loss", epoch.validationLoss());
            event.put("val_accuracy", epoch.validationAccuracy());
            return event;
        }
    }
}
