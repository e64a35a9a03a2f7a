package org.lracademy.rangetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lracademy.spec.InvalidSpecException;
import org.lracademy.spec.Violation;

class RangeTestOptionsTest {

    private static SweepPlan plan(String json) {
        return JsonSpecs.read(json, RangeTestOptions.class).plan();
    }

    private static List<String> badFields(String json) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> plan(json));
        return e.violations().stream().map(Violation::field).toList();
    }

    @Test
    void emptyOptionsGiveTheDocumentedDefaults() {
        SweepPlan plan = plan("{}");

        assertEquals(new SweepPlan(1e-7, 10, 100, LossSource.TRAIN, 1, 1, new AnalysisSettings(SweepMode.EXP, 0.98,
                4, 10, 5)), plan);
    }

    @Test
    void explicitNullOrZeroThresholdSwitchesTheDivergenceStopOff() {
        assertEquals(0.0, plan("{\"diverge_threshold\":null}").analysis().divergeThreshold(), 0.0);
        assertEquals(0.0, plan("{\"diverge_threshold\":0}").analysis().divergeThreshold(), 0.0);
        assertEquals(5.0, plan("{\"diverge_threshold\":5}").analysis().divergeThreshold(), 0.0);
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        List<String> fields = badFields("{\"start_lr\":-1,\"end_lr\":1e9,\"num_iter\":1,\"mode\":\"log\","
                + "\"smoothing\":1,\"diverge_threshold\":0.5,\"loss_source\":\"test\",\"repeats\":6,"
                + "\"skip_start\":-1,\"skip_end\":-2}");

        assertEquals(List.of("start_lr", "end_lr", "num_iter", "loss_source", "repeats", "mode", "smoothing",
                "diverge_threshold", "skip_start", "skip_end"), fields);
    }

    @Test
    void startMustLieBelowEnd() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> plan("{\"start_lr\":1,\"end_lr\":0.1}"));

        assertEquals("end_lr", e.violations().get(0).field());
        assertEquals("0.1", e.violations().get(0).value());
        assertTrue(e.violations().get(0).rule().contains("greater than start_lr"));
    }

    @Test
    void tooFewStepsForTheDefaultSkipsBlameNumIter() {
        assertEquals(List.of("num_iter"), badFields("{\"num_iter\":5}"));
    }

    @Test
    void overLargeSkipsAreRefusedNamingTheSkip() {
        assertEquals(List.of("skip_start"), badFields("{\"num_iter\":100,\"skip_start\":95,\"skip_end\":5}"));
        assertEquals(List.of("skip_end"), badFields("{\"num_iter\":100,\"skip_start\":0,\"skip_end\":99}"));
    }

    @Test
    void skipsThatLeaveExactlyTwoPointsAreAccepted() {
        assertEquals(98, plan("{\"num_iter\":100,\"skip_start\":98,\"skip_end\":0}").analysis().skipStart());
    }

    @Test
    void validationSweepCountsItsValidationPointsAgainstTheSkips() {
        // 100 steps validated every 10 give 10 points, fewer than 10 + 5 + 2.
        assertEquals(List.of("num_iter"), badFields("{\"loss_source\":\"validation\",\"validate_every\":10}"));
        assertEquals(4, plan("{\"num_iter\":10,\"loss_source\":\"validation\",\"validate_every\":3,"
                + "\"skip_start\":0,\"skip_end\":0}").expectedPoints());
    }

    @Test
    void validateEveryNeedsTheValidationLoss() {
        assertEquals(List.of("validate_every"), badFields("{\"validate_every\":5}"));
        assertEquals(List.of("validate_every"), badFields("{\"loss_source\":\"validation\",\"validate_every\":0,"
                + "\"skip_start\":0,\"skip_end\":0}"));
    }

    @Test
    void analysisRequestRefusesMismatchedLengthsNamingLosses() {
        AnalysisRequest request = JsonSpecs.read("{\"lrs\":[1,2,3],\"losses\":[1,2],\"skip_start\":0,"
                + "\"skip_end\":0}", AnalysisRequest.class);

        InvalidSpecException e = assertThrows(InvalidSpecException.class, request::settings);
        assertEquals("losses", e.violations().get(0).field());
    }

    @Test
    void analysisRequestNamesTheFirstRateOutOfOrderOrNotPositive() {
        AnalysisRequest unordered = JsonSpecs.read("{\"lrs\":[1,2,2,3],\"losses\":[1,2,3,4],\"skip_start\":0,"
                + "\"skip_end\":0}", AnalysisRequest.class);
        AnalysisRequest zero = JsonSpecs.read("{\"lrs\":[0,2,3,4],\"losses\":[1,2,3,4],\"skip_start\":0,"
                + "\"skip_end\":0}", AnalysisRequest.class);

        assertEquals("lrs[2]", assertThrows(InvalidSpecException.class, unordered::settings).violations().get(0)
                .field());
        assertEquals("lrs[0]", assertThrows(InvalidSpecException.class, zero::settings).violations().get(0).field());
        JsonSpecs.read("{\"lrs\":[0,2,3,4],\"losses\":[1,2,3,4],\"mode\":\"linear\",\"skip_start\":0,"
                + "\"skip_end\":0}", AnalysisRequest.class).settings();
    }
}
