package org.lracademy.rangetest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several range tests on the same ladder (different seeds or sample orders) summarised together: per point the
 * median smoothed loss and its spread, and per method how far the suggestions of the runs lie apart. A single
 * curve's suggestion can land on noise; the spread says how much to trust it.
 *
 * @param median per point, the median smoothed loss over the runs that reached it with a finite loss; null where
 *     none did (runs that stopped early simply stop contributing)
 * @param q1 per point, the first quartile of those losses (linear interpolation between order statistics)
 * @param q3 per point, the third quartile
 * @param min per point, the lowest of those losses
 * @param max per point, the highest of those losses
 * @param count per point, how many runs contributed
 * @param suggestionSpread per method, the spread of the suggested rates over the runs that have one
 * @param runs each run's own analysis, in the order given
 */
public record RepeatsSummary(List<Double> median, List<Double> q1, List<Double> q3, List<Double> min,
        List<Double> max, List<Integer> count, @JsonProperty("suggestion_spread") Map<String, Spread> suggestionSpread,
        List<RangeTestAnalysis> runs) {

    /**
     * The suggestions of one method across runs.
     *
     * @param count runs that produced a suggestion with this method
     * @param ratio {@code max / min}: 1 when all runs agree, 10 when they span a decade
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spread(int count, Double min, Double median, Double max, Double ratio) {
    }

    /**
     * Summarises runs recorded on one ladder.
     *
     * @param lrs the ladder every run used
     * @param runs each run's raw losses, NaN where not finite; a run that stopped early may be shorter
     * @throws IllegalArgumentException when there is no run or a run is longer than the ladder
     */
    public static RepeatsSummary of(double[] lrs, List<double[]> runs, AnalysisSettings settings) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a summary needs at least one run");
        }
        List<RangeTestAnalysis> analyses = new ArrayList<>();
        for (double[] losses : runs) {
            if (losses.length > lrs.length) {
                throw new IllegalArgumentException("a run has " + losses.length + " points but the ladder only "
                        + lrs.length);
            }
            analyses.add(RangeTestAnalyzer.analyse(Arrays.copyOf(lrs, losses.length), losses, settings));
        }

        List<List<Double>> bands = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        double[] quantiles = {0.5, 0.25, 0.75, 0, 1};
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < lrs.length; i++) {
            double[] values = pointValues(analyses, i);
            counts.add(values.length);
            for (int b = 0; b < quantiles.length; b++) {
                bands.get(b).add(values.length == 0 ? null : Numbers.quantile(values, quantiles[b]));
            }
        }

        Map<String, Spread> spread = new LinkedHashMap<>();
        for (String method : analyses.get(0).suggestions().keySet()) {
            spread.put(method, spread(analyses, method));
        }
        return new RepeatsSummary(bands.get(0), bands.get(1), bands.get(2), bands.get(3), bands.get(4), counts,
                spread, analyses);
    }

    /**
     * Summarises finished sweeps of one plan. The rates are those of the run that recorded the most points; the
     * others stopped early on the same ladder, so their points are a prefix of it.
     */
    public static RepeatsSummary ofResults(List<RangeTestResult> results, AnalysisSettings settings) {
        List<SweepPoint> longest = results.stream().map(RangeTestResult::points)
                .max(Comparator.comparingInt(List::size)).orElseThrow(
                        () -> new IllegalArgumentException("a summary needs at least one run"));
        double[] lrs = longest.stream().mapToDouble(SweepPoint::lr).toArray();
        List<double[]> runs = results.stream().map(r -> r.points().stream()
                .mapToDouble(p -> p.loss() == null ? Double.NaN : p.loss()).toArray()).toList();
        return of(lrs, runs, settings);
    }

    /** The sorted finite smoothed losses of point {@code i} over the runs, up to each run's stop. */
    private static double[] pointValues(List<RangeTestAnalysis> analyses, int i) {
        return analyses.stream()
                .filter(a -> i <= a.stop().index() && i < a.smoothed().size() && a.smoothed().get(i) != null)
                .mapToDouble(a -> a.smoothed().get(i)).sorted().toArray();
    }

    private static Spread spread(List<RangeTestAnalysis> analyses, String method) {
        double[] lrs = analyses.stream().map(a -> a.suggestions().get(method)).filter(Suggestion::present)
                .mapToDouble(Suggestion::lr).sorted().toArray();
        if (lrs.length == 0) {
            return new Spread(0, null, null, null, null);
        }
        double low = lrs[0];
        double high = lrs[lrs.length - 1];
        return new Spread(lrs.length, low, Numbers.quantile(lrs, 0.5), high, high / low);
    }
}
