package org.lracademy.rangetest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Optional;
import org.lracademy.spec.Checks;

/**
 * A recorded range-test curve to analyse, from this product or any other tool, with the same analysis options as
 * {@link RangeTestOptions} ({@code mode}, {@code smoothing}, {@code diverge_threshold}, {@code skip_start},
 * {@code skip_end}, same defaults and limits).
 *
 * @param lrs the rate of each point: 2 to 10 000 finite numbers, strictly increasing, positive in {@code exp}
 *     mode and not negative in {@code linear} mode
 * @param losses the loss at each point, as many as {@code lrs}; {@code null} where the loss was not finite
 */
public record AnalysisRequest(List<Double> lrs, List<Double> losses, String mode, Double smoothing,
        @JsonProperty("diverge_threshold") @JsonDeserialize(using = NullableNumberDeserializer.class)
        Optional<Double> divergeThreshold,
        @JsonProperty("skip_start") Integer skipStart, @JsonProperty("skip_end") Integer skipEnd) {

    /**
     * The checked settings.
     *
     * @throws org.lracademy.spec.InvalidSpecException naming every bad field
     */
    public AnalysisSettings settings() {
        Checks checks = new Checks();
        boolean sized = checks.present(lrs, "lrs") & checks.present(losses, "losses")
                && checks.require(lrs.size() >= 2 && lrs.size() <= RangeTestOptions.MAX_POINTS, "lrs", lrs.size()
                        + " points", "must hold from 2 to " + RangeTestOptions.MAX_POINTS + " points")
                && checks.require(losses.size() == lrs.size(), "losses", losses.size() + " points",
                        "must hold as many points as lrs (" + lrs.size() + ")");
        AnalysisSettings settings = AnalysisOptions.check(checks, mode, smoothing, divergeThreshold, skipStart,
                skipEnd, sized ? lrs.size() : -1, "lrs");
        if (sized) {
            checkRates(checks, settings.mode());
        }
        checks.throwIfAny();
        return settings;
    }

    /** Runs the analysis the request asks for. */
    public RangeTestAnalysis analyse() {
        AnalysisSettings settings = settings();
        return RangeTestAnalyzer.analyse(Numbers.toArray(lrs), Numbers.toArray(losses), settings);
    }

    /** Reports the first rate that is missing, not finite, out of order or out of range for the mode. */
    private void checkRates(Checks checks, SweepMode mode) {
        double floor = mode == SweepMode.EXP ? Double.MIN_VALUE : 0;
        String floorRule = mode == SweepMode.EXP ? "must be greater than 0 in exp mode (use mode linear for 0)"
                : "must not be negative";
        for (int i = 0; i < lrs.size(); i++) {
            Double lr = lrs.get(i);
            String field = "lrs[" + i + "]";
            if (!checks.finite(lr, field) || !checks.require(lr >= floor, field, lr, floorRule)
                    || !checks.require(i == 0 || lrs.get(i - 1) == null || lr > lrs.get(i - 1), field, lr,
                            "must be greater than the rate before it (" + (i == 0 ? null : lrs.get(i - 1))
                                    + "): rates must strictly increase")) {
                return;
            }
        }
    }
}
