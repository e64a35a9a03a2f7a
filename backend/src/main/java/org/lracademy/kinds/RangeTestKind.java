package org.lracademy.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lracademy.jobs.JobContext;
import org.lracademy.rangetest.AnalysisSettings;
import org.lracademy.rangetest.RangeTestAnalyzer;
import org.lracademy.rangetest.RangeTestOptions;
import org.lracademy.rangetest.RangeTestResult;
import org.lracademy.rangetest.RangeTestSweep;
import org.lracademy.rangetest.RepeatsSummary;
import org.lracademy.rangetest.SweepPlan;
import org.lracademy.rangetest.SweepPoint;
import org.lracademy.spec.Checks;
import org.lracademy.spec.JsonProblems;
import org.lracademy.training.StepTrainer;
import org.lracademy.training.TrainingEngine;
import org.lracademy.training.TrainingSpec;

/**
 * An LR range test as a job: {@code POST /api/v1/range-tests}, a training body without {@code epochs},
 * {@code steps} or {@code schedule}, plus the sweep's options. Each sweep trains its own model, built from the
 * spec, with a fresh optimiser. Emits a {@code step} event per recorded point (step, lr, loss, smoothed and, with
 * repeats, the repeat's index); the result is the curve and its analysis, and with repeats the median curve, its
 * spread and the spread of each suggestion.
 */
@ApplicationScoped
public class RangeTestKind extends EngineKind<RangeTestKind.Prepared> {

    /** The sweep's own fields; the rest of the body is the training the sweep steps. */
    static final Set<String> OPTION_FIELDS = Set.of("start_lr", "end_lr", "num_iter", "mode", "smoothing",
            "diverge_threshold", "loss_source", "validate_every", "repeats", "skip_start", "skip_end");
    private static final Set<String> LENGTH_FIELDS = Set.of("epochs", "steps", "schedule");

    /** A range test checked and ready to run. */
    record Prepared(TrainingSpec spec, SweepPlan plan) {
    }

    private static final ObjectMapper OPTIONS = JsonProblems.strictMapper();

    @Override
    public String name() {
        return "range-test";
    }

    @Override
    Prepared prepare(JsonNode body) {
        Checks checks = new Checks();
        SpecParts.checkTags(body, checks);
        for (String field : LENGTH_FIELDS) {
            checks.require(!body.has(field), field, body.get(field), "a range test sets its own rates and length: "
                    + "leave it out and use start_lr, end_lr and num_iter");
        }
        SweepPlan plan = plan(((ObjectNode) body.deepCopy()).retain(OPTION_FIELDS), checks);
        Set<String> notTraining = new HashSet<>(OPTION_FIELDS);
        notTraining.addAll(SpecParts.TAGS);
        notTraining.addAll(LENGTH_FIELDS);
        TrainingSpec spec = SpecParts.training(body, notTraining, checks);
        if (plan.lossSource() == org.lracademy.rangetest.LossSource.VALIDATION) {
            checks.require(spec.validationSplitOrDefault() > 0, "validation_split", spec.validationSplit(),
                    "must be above 0 when loss_source is validation: the sweep reads the held-out rows");
            checks.throwIfAny();
        }
        engine.validateForSteps(spec);
        return new Prepared(spec, plan);
    }

    private SweepPlan plan(JsonNode fields, Checks checks) {
        RangeTestOptions options;
        try {
            options = OPTIONS.treeToValue(fields, RangeTestOptions.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            checks.add(JsonProblems.violation(e));
            return null;
        }
        options.check(checks);
        return checks.ok() ? options.plan() : null;
    }

    @Override
    public Object run(JsonNode body, String device, JobContext context) {
        Prepared prepared = prepare(body);
        SweepPlan plan = prepared.plan();
        int repeats = plan.repeats();
        List<RangeTestResult> sweeps = new ArrayList<>();
        for (int repeat = 0; repeat < repeats && !context.cancelled(); repeat++) {
            sweeps.add(sweep(withSeed(prepared.spec(), prepared.spec().seedOrDefault() + repeat), plan, repeat,
                    device, context));
        }
        return report(sweeps, plan);
    }

    private RangeTestResult sweep(TrainingSpec spec, SweepPlan plan, int repeat, String device,
            JobContext context) {
        double total = (double) plan.repeats() * plan.numIter();
        try (StepTrainer trainer = engine.stepTrainer(spec, device)) {
            return new RangeTestSweep(plan).run(trainer, point -> {
                context.emit("step", event(point, repeat, plan.repeats()));
                context.progress((repeat * plan.numIter() + point.step() + 1) / total);
            }, context::cancelled);
        }
    }

    private static Map<String, Object> event(SweepPoint point, int repeat, int repeats) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("step", point.step());
        event.put("lr", point.lr());
        event.put("loss", point.loss());
        event.put("smoothed", point.smoothed());
        if (repeats > 1) {
            event.put("repeat", repeat);
        }
        return event;
    }

    /**
     * One sweep: its curve and analysis. Several: the first sweep's curve, the analysis of the median curve (already
     * smoothed, so analysed without smoothing again), and the summary of all of them under {@code repeats}.
     */
    private Object report(List<RangeTestResult> sweeps, SweepPlan plan) {
        if (sweeps.size() == 1) {
            return sweeps.get(0);
        }
        if (sweeps.isEmpty()) {
            return Map.of("stop", "cancelled");
        }
        AnalysisSettings settings = plan.analysis();
        RepeatsSummary summary = RepeatsSummary.ofResults(sweeps, settings);
        List<SweepPoint> longest = sweeps.stream().map(RangeTestResult::points)
                .max(java.util.Comparator.comparingInt(List::size)).orElseThrow();
        double[] lrs = longest.stream().mapToDouble(SweepPoint::lr).toArray();
        double[] median = summary.median().stream().mapToDouble(m -> m == null ? Double.NaN : m).toArray();
        AnalysisSettings unsmoothed = new AnalysisSettings(settings.mode(), 0, settings.divergeThreshold(),
                settings.skipStart(), settings.skipEnd());
        Map<String, Object> report = new LinkedHashMap<>();
        RangeTestResult first = sweeps.get(0);
        report.put("points", first.points());
        report.put("loss_source", first.lossSource());
        report.put("start_lr", first.startLr());
        report.put("end_lr", first.endLr());
        report.put("num_iter", first.numIter());
        report.put("median_lrs", lrs);
        report.put("analysis", RangeTestAnalyzer.analyse(lrs, median, unsmoothed));
        report.put("repeats", summary);
        return report;
    }

    private TrainingSpec withSeed(TrainingSpec spec, long seed) {
        ObjectNode copy = (ObjectNode) spec.toJson();
        copy.put("seed", seed);
        return TrainingSpec.fromJson(copy);
    }
}
