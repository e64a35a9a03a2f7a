package org.lracademy.rangetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class RangeTestSweepTest {

    /**
     * A trainer over a known loss landscape: the loss of a step is a function of the rate it trains with, and
     * the validation loss a function of the last rate. Logs every rate it is given, as an optimiser would see it.
     */
    static final class LandscapeTrainer implements StepTrainer {
        final List<Double> appliedRates = new ArrayList<>();
        int validations;
        private final DoubleUnaryOperator loss;

        LandscapeTrainer(DoubleUnaryOperator loss) {
            this.loss = loss;
        }

        @Override
        public double step(double lr) {
            appliedRates.add(lr);
            return loss.applyAsDouble(lr);
        }

        @Override
        public double validationLoss() {
            validations++;
            return 10 * loss.applyAsDouble(appliedRates.get(appliedRates.size() - 1));
        }
    }

    private static SweepPlan plan(String json) {
        return JsonSpecs.read(json, RangeTestOptions.class).plan();
    }

    private static RangeTestResult run(SweepPlan plan, StepTrainer trainer, List<SweepPoint> heard) {
        return new RangeTestSweep(plan).run(trainer, heard::add, () -> false);
    }

    @Test
    void sweepRecordsExactlyNumIterPointsWithTheRatesActuallyApplied() {
        LandscapeTrainer trainer = new LandscapeTrainer(lr -> 1);
        List<SweepPoint> heard = new ArrayList<>();

        RangeTestResult result = run(plan("{\"start_lr\":1e-3,\"end_lr\":1,\"num_iter\":4,\"skip_start\":0,"
                + "\"skip_end\":0}"), trainer, heard);

        assertEquals(List.of(1e-3, 1e-2, 1e-1, 1.0), result.points().stream().map(SweepPoint::lr)
                .map(lr -> Math.round(lr * 1e15) / 1e15).toList());
        assertEquals(trainer.appliedRates, result.points().stream().map(SweepPoint::lr).toList());
        assertEquals(result.points(), heard);
        assertEquals(new Stop(3, StopReason.COMPLETED), result.analysis().stop());
    }

    @Test
    void threeStepSweepMakesThreeCallsAndStaysWithinItsRange() {
        LandscapeTrainer trainer = new LandscapeTrainer(lr -> 2 - lr);

        RangeTestResult result = run(plan("{\"start_lr\":0.1,\"end_lr\":0.5,\"num_iter\":3,\"mode\":\"linear\","
                + "\"skip_start\":0,\"skip_end\":0}"), trainer, new ArrayList<>());

        assertEquals(3, trainer.appliedRates.size());
        assertEquals(3, result.points().size());
        double previous = 0;
        for (SweepPoint p : result.points()) {
            assertTrue(p.lr() >= 0.1 && p.lr() <= 0.5 && p.lr() > previous);
            previous = p.lr();
        }
        assertEquals(0.3, result.points().get(1).lr(), 1e-15);
    }

    @Test
    void hundredStepSweepNeverRunsPastItsEndRate() {
        LandscapeTrainer trainer = new LandscapeTrainer(lr -> 1);

        RangeTestResult result = run(plan("{\"start_lr\":1e-7,\"end_lr\":10,\"num_iter\":100}"), trainer,
                new ArrayList<>());

        assertEquals(100, trainer.appliedRates.size());
        assertEquals(100, result.points().size());
        for (int i = 1; i < 100; i++) {
            assertTrue(result.points().get(i).lr() > result.points().get(i - 1).lr(), "strictly increasing at " + i);
        }
        assertEquals(1e-7, result.points().get(0).lr(), 0.0);
        assertEquals(10.0, result.points().get(99).lr(), 0.0);
        assertTrue(result.points().get(98).lr() < 10.0);
    }

    @Test
    void sweepStopsAtTheFirstNanAndTrainsNoFurther() {
        double[] rates = LrLadder.of(SweepMode.EXP, 1e-7, 10, 100);
        LandscapeTrainer trainer = new LandscapeTrainer(lr -> lr >= rates[30] ? Double.NaN : 1);

        RangeTestResult result = run(plan("{\"diverge_threshold\":null}"), trainer, new ArrayList<>());

        assertEquals(new Stop(30, StopReason.NON_FINITE_LOSS), result.analysis().stop());
        assertEquals(31, trainer.appliedRates.size());
        assertNull(result.points().get(30).loss());
        assertNull(result.analysis().smoothed().get(30));
        assertEquals(1, result.analysis().dropped().nonFinite());
    }

    @Test
    void sweepStopsWhenTheSmoothedLossPassesFourTimesItsBest() {
        LandscapeTrainer trainer = new LandscapeTrainer(lr -> lr < 1e-3 ? 1 : 100);

        RangeTestResult result = run(plan("{\"start_lr\":1e-5,\"end_lr\":1,\"num_iter\":6,"
                + "\"skip_start\":0,\"skip_end\":0}"), trainer, new ArrayList<>());

        // Rates 1e-5, 1e-4, 1e-3, …: the loss jumps to 100 at index 2; smoothed 1 + 99·0.02/(1 − 0.98³) = 34.7.
        assertEquals(new Stop(2, StopReason.DIVERGED), result.analysis().stop());
        assertEquals(3, trainer.appliedRates.size());
    }

    @Test
    void validationLossIsReadEveryKStepsAndAfterTheLastOne() {
        LandscapeTrainer trainer = new LandscapeTrainer(lr -> 1 + lr);

        RangeTestResult result = run(plan("{\"start_lr\":1,\"end_lr\":10,\"num_iter\":10,\"mode\":\"linear\","
                + "\"loss_source\":\"validation\",\"validate_every\":3,\"skip_start\":0,\"skip_end\":0}"),
                trainer, new ArrayList<>());

        assertEquals(10, trainer.appliedRates.size());
        assertEquals(4, trainer.validations);
        assertEquals(List.of(2, 5, 8, 9), result.points().stream().map(SweepPoint::step).toList());
        // After step 2 the rate is 3, so the validation loss is 10·(1 + 3) = 40.
        assertEquals(40.0, result.points().get(0).loss(), 0.0);
        assertEquals(LossSource.VALIDATION, result.lossSource());
    }

    @Test
    void cancellationEndsTheSweepBetweenSteps() {
        LandscapeTrainer trainer = new LandscapeTrainer(lr -> 1);

        RangeTestResult result = new RangeTestSweep(plan("{}")).run(trainer, p -> { },
                () -> trainer.appliedRates.size() >= 5);

        assertEquals(new Stop(4, StopReason.CANCELLED), result.analysis().stop());
        assertEquals(5, result.points().size());
    }

    @Test
    void sweepCancelledBeforeItsFirstStepTrainsNothing() {
        LandscapeTrainer trainer = new LandscapeTrainer(lr -> 1);

        RangeTestResult result = new RangeTestSweep(plan("{}")).run(trainer, p -> { }, () -> true);

        assertEquals(new Stop(-1, StopReason.CANCELLED), result.analysis().stop());
        assertEquals(0, trainer.appliedRates.size());
        assertEquals(Suggestion.INSUFFICIENT_POINTS, result.analysis().suggestions().get("valley").status());
        assertEquals(0, result.analysis().dropped().used());
    }

    @Test
    void listenerHearsEachPointBeforeTheNextStepTrains() {
        LandscapeTrainer trainer = new LandscapeTrainer(lr -> 1);
        List<Integer> stepsTrainedWhenHeard = new ArrayList<>();

        new RangeTestSweep(plan("{\"num_iter\":20}")).run(trainer,
                p -> stepsTrainedWhenHeard.add(trainer.appliedRates.size()), () -> false);

        for (int i = 0; i < 20; i++) {
            assertEquals(i + 1, stepsTrainedWhenHeard.get(i));
        }
    }

    @Test
    void twoSweepsOverTheSameLandscapeGiveTheSameCurve() {
        SweepPlan plan = plan("{}");
        RangeTestResult first = run(plan, new LandscapeTrainer(Curves::u), new ArrayList<>());
        RangeTestResult second = run(plan, new LandscapeTrainer(Curves::u), new ArrayList<>());

        assertEquals(first, second);
        assertTrue(first.analysis().suggestions().get("valley").present());
        assertEquals(Optional.of(first.points().size()), Optional.of(first.analysis().smoothed().size()));
    }
}
