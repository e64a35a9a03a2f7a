package org.lracademy.rangetest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Optional;
import org.lracademy.spec.Checks;

/**
 * The range-test fields of a request, as sent. Every field is optional; the defaults follow the common fast
 * form of the test (exponential, 1e-7 to 10, 100 steps, training loss, β = 0.98, stop at 4 × best).
 *
 * <table>
 *   <caption>Fields, defaults and limits</caption>
 *   <tr><th>field</th><th>default</th><th>limits</th></tr>
 *   <tr><td>{@code start_lr}</td><td>1e-7</td><td>finite, in [1e-10, 1000], below {@code end_lr}</td></tr>
 *   <tr><td>{@code end_lr}</td><td>10</td><td>finite, in [1e-10, 1000], above {@code start_lr}</td></tr>
 *   <tr><td>{@code num_iter}</td><td>100</td><td>integer in [2, 1000]; the sweep must record at least
 *       {@code skip_start + skip_end + 2} points</td></tr>
 *   <tr><td>{@code mode}</td><td>{@code exp}</td><td>{@code exp} (constant ratio) or {@code linear}
 *       (constant gap)</td></tr>
 *   <tr><td>{@code smoothing}</td><td>0.98</td><td>β of the moving average, in [0, 1); 0 = no smoothing</td></tr>
 *   <tr><td>{@code diverge_threshold}</td><td>4</td><td>above 1 and at most 1000; 0 or {@code null} switches
 *       the divergence stop off (a non-finite loss still stops the sweep)</td></tr>
 *   <tr><td>{@code loss_source}</td><td>{@code train}</td><td>{@code train} (each step's training loss) or
 *       {@code validation} (the whole validation set every {@code validate_every} steps)</td></tr>
 *   <tr><td>{@code validate_every}</td><td>1</td><td>integer in [1, {@code num_iter}]; only with
 *       {@code validation}; the last step is always validated</td></tr>
 *   <tr><td>{@code repeats}</td><td>1</td><td>integer in [1, 5]: independent sweeps, aggregated</td></tr>
 *   <tr><td>{@code skip_start}</td><td>10</td><td>integer ≥ 0: points left out of the suggestions at the
 *       start</td></tr>
 *   <tr><td>{@code skip_end}</td><td>5</td><td>integer ≥ 0: points left out at the end; 0 keeps the last
 *       point</td></tr>
 * </table>
 */
public record RangeTestOptions(@JsonProperty("start_lr") Double startLr, @JsonProperty("end_lr") Double endLr,
        @JsonProperty("num_iter") Integer numIter, String mode, Double smoothing,
        @JsonProperty("diverge_threshold") @JsonDeserialize(using = NullableNumberDeserializer.class)
        Optional<Double> divergeThreshold,
        @JsonProperty("loss_source") String lossSource, @JsonProperty("validate_every") Integer validateEvery,
        Integer repeats, @JsonProperty("skip_start") Integer skipStart, @JsonProperty("skip_end") Integer skipEnd) {

    public static final double DEFAULT_START_LR = 1e-7;
    public static final double DEFAULT_END_LR = 10;
    public static final int DEFAULT_NUM_ITER = 100;
    public static final double MIN_LR = 1e-10;
    public static final double MAX_LR = 1000;
    public static final int MAX_NUM_ITER = 1000;
    public static final int MAX_REPEATS = 5;
    /** Most points an analysis request may carry. */
    public static final int MAX_POINTS = 10_000;

    /** Adds a violation to {@code checks} for every field that breaks its limit. */
    public void check(Checks checks) {
        resolve(checks);
    }

    /**
     * The checked plan with every default filled in.
     *
     * @throws org.lracademy.spec.InvalidSpecException naming every bad field
     */
    public SweepPlan plan() {
        Checks checks = new Checks();
        SweepPlan plan = resolve(checks);
        checks.throwIfAny();
        return plan;
    }

    private SweepPlan resolve(Checks checks) {
        double start = startLr == null ? DEFAULT_START_LR : startLr;
        double end = endLr == null ? DEFAULT_END_LR : endLr;
        boolean startOk = startLr == null || checks.within(startLr, "start_lr", MIN_LR, MAX_LR);
        boolean endOk = endLr == null || checks.within(endLr, "end_lr", MIN_LR, MAX_LR);
        if (startOk && endOk) {
            checks.require(start < end, "end_lr", end, "must be greater than start_lr (" + start + ")");
        }

        int steps = numIter == null ? DEFAULT_NUM_ITER : numIter;
        boolean stepsOk = numIter == null || checks.intWithin(numIter, "num_iter", 2, MAX_NUM_ITER);

        LossSource source = lossSource == null ? LossSource.TRAIN : LossSource.parse(lossSource).orElse(null);
        checks.require(source != null, "loss_source", lossSource, "must be train or validation");
        int every = validateEvery == null ? 1 : validateEvery;
        boolean everyOk = true;
        if (validateEvery != null && source == LossSource.TRAIN) {
            everyOk = checks.require(validateEvery == 1, "validate_every", validateEvery,
                    "applies only with loss_source = validation; leave it out");
        } else if (validateEvery != null) {
            everyOk = checks.intWithin(validateEvery, "validate_every", 1, stepsOk ? steps : MAX_NUM_ITER);
        }
        int runs = repeats == null ? 1 : repeats;
        if (repeats != null) {
            checks.intWithin(repeats, "repeats", 1, MAX_REPEATS);
        }

        // The skips are checked against the points the sweep records: one per validation with that loss source.
        int points = !stepsOk || !everyOk ? -1
                : source == LossSource.VALIDATION ? (steps + every - 1) / every : steps;
        AnalysisSettings analysis = AnalysisOptions.check(checks, mode, smoothing, divergeThreshold, skipStart,
                skipEnd, points, "num_iter");
        return new SweepPlan(start, end, steps, source == null ? LossSource.TRAIN : source, every, runs, analysis);
    }
}
