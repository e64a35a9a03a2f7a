package org.lracademy.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cases beyond the golden files. Expected values are worked out from the formulas of PyTorch's schedulers
 * (written out here term by term) or quoted from measurements of PyTorch 1.13.1, never taken from this code.
 */
class ScheduleFormulaTest {

    private static final double EXACT = 1e-15;

    private static LrSchedule build(String scheduler, Map<String, Object> params, Double... bases) {
        return ScheduleFactory.build(new ScheduleSpec(scheduler, params), Arrays.asList(bases), 0);
    }

    private static double cosineBetween(double high, double low, double position) {
        return low + (high - low) * (1 + Math.cos(Math.PI * position)) / 2;
    }

    @Test
    void warmRestartsWithDoublingCyclesRestartAtTheGeometricSums() {
        LrSchedule s = build("CosineAnnealingWarmRestarts", Map.of("T_0", 5, "T_mult", 2, "eta_min", 0.001), 0.1);

        for (long restart : new long[] {0, 5, 15, 35, 75, 155}) {
            assertEquals(0.1, s.lr(restart, 0), EXACT, "restart at " + restart);
        }
        // Step 34 is 19 steps into the third cycle, which runs from 15 for 20 steps.
        assertEquals(cosineBetween(0.1, 0.001, 19.0 / 20), s.lr(34, 0), EXACT);
        assertEquals(cosineBetween(0.1, 0.001, 4.0 / 5), s.lr(4, 0), EXACT);
    }

    @Test
    void warmRestartsHitTheRestartThatAFloatingPointLogarithmMisses() {
        LrSchedule whole = build("CosineAnnealingWarmRestarts", Map.of("T_0", 1, "T_mult", 3), 1.0);
        LrSchedule fractional = build("CosineAnnealingWarmRestarts",
                Map.of("T_0", 1, "T_mult", 3, "iters_per_epoch", 1), 1.0);

        // Cycles start at 0, 1, 4, 13, 40, 121: epoch 121 is a restart, where PyTorch's log(243, 3) falls short.
        assertEquals(1.0, whole.lr(121, 0), EXACT);
        assertEquals(1.0, fractional.lr(122, 0), EXACT);
        assertEquals(cosineBetween(1.0, 0.0, 80.0 / 81), whole.lr(120, 0), EXACT);
    }

    @Test
    void warmRestartsByFractionalEpochsLagOneStepAsThePyTorchRecipeDoes() {
        LrSchedule s = build("CosineAnnealingWarmRestarts", Map.of("T_0", 2, "iters_per_epoch", 4), 0.1);

        assertEquals(0.1, s.lr(0, 0), EXACT);
        assertEquals(0.1, s.lr(1, 0), EXACT);
        // Step 6 uses epoch (6 - 1) / 4 = 1.25 of a 2-epoch cycle; step 9 uses epoch 2, a restart.
        assertEquals(cosineBetween(0.1, 0.0, 1.25 / 2), s.lr(6, 0), EXACT);
        assertEquals(0.1, s.lr(9, 0), EXACT);
    }

    @Test
    void warmRestartsFarIntoARunStayFiniteAndFast() {
        LrSchedule s = build("CosineAnnealingWarmRestarts", Map.of("T_0", 1, "T_mult", 7), 0.1);

        double lr = s.lr(1_000_000_000_000_000L, 0);
        assertTrue(lr >= 0 && lr <= 0.1, "lr " + lr);
    }

    @Test
    void oneCycleWithFractionalPhaseEndsMissesThePeakLikePyTorch() {
        Map<String, Object> params = Map.of("max_lr", 0.1, "total_steps", 7, "pct_start", 0.4, "three_phase", true);
        LrSchedule s = build("OneCycleLR", params, 0.1);

        // Phase ends: 0.4*7-1 = 1.8, 2*0.4*7-2 = 3.6, 6. Rates: initial 0.004, peak 0.1, final 4e-7.
        assertEquals(cosineBetween(0.004, 0.1, 1 / 1.8), s.lr(1, 0), 1e-15);
        assertEquals(cosineBetween(0.1, 0.004, 0.2 / 1.8), s.lr(2, 0), 1e-15);
        assertEquals(0.0971, s.lr(2, 0), 1e-4, "the peak PyTorch 1.13.1 reaches");
        assertEquals(cosineBetween(0.004, 4e-7, 0.4 / 2.4), s.lr(4, 0), 1e-15);
        assertEquals(cosineBetween(0.85, 0.95, 0.2 / 1.8), s.momentum(2, 0).getAsDouble(), 1e-15);
        assertEquals(0.95, s.momentum(4, 0).getAsDouble(), 1e-15);
    }

    @Test
    void oneCycleLinearAnnealsStraightBetweenFractionalPhaseEnds() {
        LrSchedule s = build("OneCycleLR", Map.of("max_lr", 0.1, "total_steps", 7, "pct_start", 0.4,
                "three_phase", true, "anneal_strategy", "linear"), 0.1);

        assertEquals(0.1 + (0.004 - 0.1) * (0.2 / 1.8), s.lr(2, 0), 1e-15);
        assertEquals(0.004 + (4e-7 - 0.004) * (1.4 / 2.4), s.lr(5, 0), 1e-15);
    }

    @Test
    void oneCycleFromEpochsAndStepsPerEpochEqualsTheSameTotalSteps() {
        Golden golden = Golden.all().filter(g -> g.name().equals("onecycle-cos-2phase-total100.json")).findFirst()
                .orElseThrow();
        LrSchedule s = build("OneCycleLR", Map.of("max_lr", 0.1, "epochs", 4, "steps_per_epoch", 25), 0.1);

        double[] lr = new double[100];
        for (int t = 0; t < lr.length; t++) {
            lr[t] = s.lr(t, 0);
        }
        Golden.assertSeries(golden.lrGroups()[0], lr, "one-cycle by epochs");
    }

    @Test
    void sequentialWithSeveralMilestonesRestartsEachChildsClockFromTheBaseRate() {
        Map<String, Object> params = Map.of("milestones", List.of(2, 5), "schedulers", List.of(
                Map.of("name", "LinearLR", "start_factor", 0.5, "total_iters", 2),
                Map.of("name", "ConstantLR", "factor", 0.5, "total_iters", 2),
                Map.of("name", "ExponentialLR", "gamma", 0.5)));
        LrSchedule s = build("SequentialLR", params, 1.0, 0.1);

        double[] expected = {0.5, 0.75, 0.5, 0.5, 1.0, 1.0, 0.5, 0.25};
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], s.lr(t, 0), EXACT, "group 0 step " + t);
            assertEquals(expected[t] / 10, s.lr(t, 1), EXACT, "group 1 step " + t);
        }
    }

    @Test
    void chainedCosineWithEtaMinFallsBelowEtaMinAsInPyTorch() {
        Map<String, Object> params = Map.of("schedulers", List.of(
                Map.of("name", "CosineAnnealingLR", "T_max", 10, "eta_min", 0.01),
                Map.of("name", "ExponentialLR", "gamma", 0.95)));
        LrSchedule s = build("ChainedScheduler", params, 1.0);

        assertEquals(1.0, s.lr(0, 0), EXACT);
        assertEquals((0.01 + 0.99 * (1 + Math.cos(Math.PI / 10)) / 2) * 0.95, s.lr(1, 0), EXACT);
        assertEquals(0.0095, s.lr(10, 0), EXACT, "PyTorch 1.13.1 gives 0.0095, below eta_min");
        // Right after the trough the cosine adds its first rising step to what the exponential left.
        assertEquals((0.0095 + 0.99 * (1 - Math.cos(Math.PI / 10)) / 2) * 0.95, s.lr(11, 0), EXACT);
    }

    @Test
    void chainedMultiplicativeSchedulersGiveTheProductOfTheirFactors() {
        Map<String, Object> params = Map.of("schedulers", List.of(
                Map.of("name", "ConstantLR", "factor", 0.5, "total_iters", 3),
                Map.of("name", "StepLR", "step_size", 2, "gamma", 0.5),
                Map.of("name", "MultiStepLR", "milestones", List.of(3, 3), "gamma", 0.5)));
        LrSchedule s = build("ChainedScheduler", params, 1.0);

        // constant: 0.5 before step 3; step: 0.5^(t/2); multi-step: 0.5^2 from step 3 (listed twice).
        double[] expected = {0.5, 0.5, 0.25, 0.125, 0.0625, 0.0625, 0.03125};
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], s.lr(t, 0), EXACT, "step " + t);
        }
    }

    @Test
    void chainedScheduleGivesTheSameRateWhateverOrderStepsAreAskedIn() {
        Map<String, Object> params = Map.of("schedulers", List.of(
                Map.of("name", "LinearLR", "start_factor", 0.1, "total_iters", 5),
                Map.of("name", "CosineAnnealingLR", "T_max", 20, "eta_min", 0.001)));
        LrSchedule s = build("ChainedScheduler", params, 0.1);

        double seven = s.lr(7, 0);
        double three = s.lr(3, 0);
        assertEquals(seven, s.lr(7, 0), 0.0);
        assertEquals(three, build("ChainedScheduler", params, 0.1).lr(3, 0), 0.0);
    }

    @Test
    void cosineWithEtaMinAboveBaseAnnealsUpwardsWhenAskedFor() {
        LrSchedule s = build("CosineAnnealingLR", Map.of("T_max", 5, "eta_min", 0.5,
                "allow_eta_min_above_base", true), 0.01);

        double[] measured = {0.01, 0.0568, 0.179, 0.331, 0.453, 0.5};
        for (int t = 0; t < measured.length; t++) {
            assertEquals(measured[t], s.lr(t, 0), 1e-3, "step " + t);
        }
    }

    @Test
    void cosineHoldsAtEtaMinPastTmaxOnlyWhenAskedTo() {
        LrSchedule pytorch = build("CosineAnnealingLR", Map.of("T_max", 10, "eta_min", 0.001), 0.1);
        LrSchedule held = build("CosineAnnealingLR", Map.of("T_max", 10, "eta_min", 0.001, "after_end", "hold"),
                0.1);

        assertEquals(cosineBetween(0.1, 0.001, 1.5), pytorch.lr(15, 0), EXACT);
        assertEquals(0.1, pytorch.lr(20, 0), EXACT);
        assertEquals(0.001, held.lr(15, 0), 0.0);
        assertEquals(0.001, held.lr(1000, 0), 0.0);
        assertEquals(pytorch.lr(9, 0), held.lr(9, 0), 0.0);
    }

    @Test
    void cosineAcceptsAFractionalTmax() {
        LrSchedule s = build("CosineAnnealingLR", Map.of("T_max", 2.5), 1.0);

        assertEquals((1 + Math.cos(Math.PI * 2 / 2.5)) / 2, s.lr(2, 0), EXACT);
        assertEquals(1.0, s.lr(5, 0), EXACT);
    }

    @Test
    void huggingFaceCosineStartsAtZeroAndRisesAgainPastTheEnd() {
        Map<String, Object> params = Map.of("num_warmup_steps", 10, "num_training_steps", 100);
        LrSchedule s = build("CosineWithWarmup", params, 0.1);
        LrSchedule held = build("CosineWithWarmup", Map.of("num_warmup_steps", 10, "num_training_steps", 100,
                "after_end", "hold"), 0.1);

        assertEquals(0.0, s.lr(0, 0), 0.0);
        assertEquals(0.05, s.lr(5, 0), EXACT);
        assertEquals(0.0030, s.lr(110, 0), 1e-4, "measured past the end");
        assertEquals(0.0106, s.lr(119, 0), 1e-4, "measured past the end");
        assertEquals(0.0, held.lr(119, 0), 1e-18);
    }

    @Test
    void linearWarmupMayStartFromZero() {
        LrSchedule s = build("LinearLR", Map.of("start_factor", 0, "total_iters", 4), 1.0);

        double[] expected = {0, 0.25, 0.5, 0.75, 1.0, 1.0};
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], s.lr(t, 0), EXACT, "step " + t);
        }
    }

    @Test
    void lambdaLrNamingTheHuggingFaceFunctionIsTheHuggingFaceCosine() {
        LrSchedule alias = build("LambdaLR", Map.of("equivalent_to", "transformers.get_cosine_schedule_with_warmup",
                "num_warmup_steps", 0, "num_training_steps", 50, "num_cycles", 1.0), 0.1);

        assertEquals(0.0, alias.lr(25, 0), EXACT);
        assertEquals(0.1, alias.lr(50, 0), EXACT);
    }
}
