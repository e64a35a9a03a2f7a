package org.lracademy.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.StringJoiner;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RangeTestAnalysisResourceTest {

    private static final String PATH = "/api/v1/range-tests/analysis";

    /** {@code n} rates equally spaced in log10 from {@code a} to {@code b}. */
    static double[] logSpaced(double a, double b, int n) {
        double[] lrs = new double[n];
        for (int k = 0; k < n; k++) {
            lrs[k] = Math.pow(10, Math.log10(a) + (Math.log10(b) - Math.log10(a)) * k / (n - 1));
        }
        return lrs;
    }

    /** A JSON array; NaN and infinities are written as null, as the API expects. */
    static String array(int n, IntFunction<Double> value) {
        StringJoiner out = new StringJoiner(",", "[", "]");
        for (int i = 0; i < n; i++) {
            Double v = value.apply(i);
            out.add(v == null || !Double.isFinite(v) ? "null" : Double.toString(v));
        }
        return out.toString();
    }

    static double u(double lr) {
        double x = Math.log10(lr) + 3;
        return x * x + 1;
    }

    static String body(double[] lrs, IntFunction<Double> loss, String options) {
        return "{\"lrs\":" + array(lrs.length, i -> lrs[i]) + ",\"losses\":" + array(lrs.length, loss)
                + (options.isEmpty() ? "" : "," + options) + "}";
    }

    static ValidatableResponse post(String json) {
        return given().contentType("application/json").body(json).when().post(PATH).then().log().ifValidationFails();
    }

    static void assertRefused(String json, String field) {
        post(json).log().ifValidationFails().statusCode(400).contentType(Problem.MEDIA_TYPE).body("status", is(400))
                .body("violations.field", hasItem(field));
    }

    @Test
    void nanAtHighRatesIsReportedAndKeptOutOfTheSuggestions() {
        double[] lrs = logSpaced(1e-7, 10, 100);

        // 1e-7 · 10^(8k/99) exceeds 1 first at k = 87: 13 NaN points, the first at 87 (rate 1.21).
        post(body(lrs, i -> lrs[i] > 1 ? Double.NaN : u(lrs[i]), "\"diverge_threshold\":null"))
                .statusCode(200)
                .body("stop.index", is(87)).body("stop.reason", is("non_finite_loss"))
                .body("dropped.non_finite", is(13)).body("dropped.after_stop", is(12))
                .body("smoothed[87]", nullValue())
                .body("suggestions.valley.lr", lessThan((float) lrs[87]))
                .body("suggestions.steep.lr", lessThan((float) lrs[87]))
                .body("suggestions.minimum.lr", lessThan((float) lrs[87]))
                .body("suggestions.slide.lr", lessThan((float) lrs[87]));
    }

    @Test
    void divergenceAtTheThirdStepAnswersInsufficientPoints() {
        double[] lrs = logSpaced(1e-7, 10, 100);

        post(body(lrs, i -> i < 3 ? 1.0 : 50.0, ""))
                .statusCode(200)
                .body("stop.index", is(3)).body("stop.reason", is("diverged"))
                .body("suggestions.valley.status", is("insufficient_points"))
                .body("suggestions.valley.lr", nullValue())
                .body("range.status", is("insufficient_points"));
    }

    @Test
    void fivePointsWithTheDefaultSkipsAreRefusedNamingLrs() {
        assertRefused(body(logSpaced(1e-3, 1, 5), i -> 1.0, ""), "lrs");
    }

    @Test
    void exactFourPointLadderIsAcceptedAndCompletes() {
        post(body(new double[] {1e-3, 1e-2, 1e-1, 1}, i -> 1.0, "\"skip_start\":0,\"skip_end\":0"))
                .statusCode(200)
                .body("stop.index", is(3)).body("stop.reason", is("completed"));
    }

    @Test
    void constantLossIsSmoothedToExactlyItself() {
        post(body(logSpaced(1e-5, 1, 20), i -> 1.0, "\"smoothing\":0.98"))
                .statusCode(200)
                .body("smoothed", everyItem(is(1.0f)));
    }

    @Test
    void alternatingLossIsSmoothedAsTheClosedFormSays() {
        // s2 = (0.98·0.02·1 + 0.02·2) / (1 − 0.98²) = 0.0596 / 0.0396 = 1.50505…
        post(body(logSpaced(1e-5, 1, 20), i -> i % 2 == 0 ? 1.0 : 2.0, "\"smoothing\":0.98"))
                .statusCode(200)
                .body("smoothed[0]", is(1.0f))
                .body("smoothed[1]", is((float) (0.0596 / 0.0396)));
    }

    @Test
    void nanAtStepThirtyStopsTheCurveThere() {
        double[] lrs = logSpaced(1e-7, 10, 100);

        post(body(lrs, i -> i == 30 ? null : 2.0 - i * 0.001, ""))
                .statusCode(200)
                .body("stop.index", is(30)).body("stop.reason", is("non_finite_loss"))
                .body("dropped.non_finite", is(1)).body("dropped.after_stop", is(69));
    }

    @Test
    void curveThatIsNonFiniteFromTheStartStopsAtItsFirstPoint() {
        post(body(logSpaced(1e-7, 10, 20), i -> null, ""))
                .statusCode(200)
                .body("stop.index", is(0)).body("stop.reason", is("non_finite_loss"))
                .body("dropped.non_finite", is(20)).body("dropped.used", is(0))
                .body("suggestions.steep.status", is("insufficient_points"))
                .body("diagnosis.verdict", is("diverging"));
    }

    @Test
    void uShapedCurveGetsSuggestionsLeftOfItsLowestPoint() {
        double[] lrs = logSpaced(1e-6, 1, 100);

        // Lowest raw loss at k = 49 (rate 9.3e-4); the U falls for every rate below 1e-3.
        post(body(lrs, i -> u(lrs[i]), "\"diverge_threshold\":0"))
                .statusCode(200)
                .body("suggestions.valley.lr", lessThan((float) lrs[49]))
                .body("suggestions.steep.lr", lessThan((float) lrs[49]))
                .body("suggestions.minimum.lr", lessThan((float) lrs[49]))
                .body("suggestions.slide.lr", lessThan((float) lrs[49]))
                .body("range.upper.lr", notNullValue())
                .body("range.lower.rule", notNullValue());
    }

    @Test
    void repeatedEndRatesAreRefusedNamingTheFirstRepeat() {
        double[] lrs = {1e-3, 1e-2, 1e-1, 1, 1, 1};

        assertRefused(body(lrs, i -> 1.0, "\"skip_start\":0,\"skip_end\":0"), "lrs[4]");
    }

    @Test
    void flatCurveAnswersNoClearDescent() {
        post(body(logSpaced(1e-7, 10, 100), i -> 2.3026, ""))
                .statusCode(200)
                .body("suggestions.valley.status", is("no_clear_descent"))
                .body("suggestions.steep.status", is("no_clear_descent"))
                .body("suggestions.minimum.status", is("no_clear_descent"))
                .body("suggestions.slide.status", is("no_clear_descent"))
                .body("range.status", is("no_clear_descent"));
    }

    @Test
    void skipEndZeroKeepsTheLastPointAndOverLargeSkipsAreRefused() {
        double[] lrs = logSpaced(1e-4, 1, 100);

        post(body(lrs, i -> 5 - Math.log10(lrs[i]), "\"skip_end\":0"))
                .statusCode(200)
                .body("range.upper.lr", is(1.0f))
                .body("dropped.skipped_end", is(0));
        assertRefused(body(lrs, i -> 1.0, "\"skip_start\":95,\"skip_end\":5"), "skip_start");
    }

    @Test
    void badInputsAreRefusedNamingTheField() {
        assertRefused("{\"lrs\":[1,2,3],\"losses\":[1,2],\"skip_start\":0,\"skip_end\":0}", "losses");
        assertRefused("{\"lrs\":[1,3,2],\"losses\":[1,2,3],\"skip_start\":0,\"skip_end\":0}", "lrs[2]");
        assertRefused("{\"lrs\":[-1,2,3],\"losses\":[1,2,3],\"skip_start\":0,\"skip_end\":0}", "lrs[0]");
        assertRefused("{\"lrs\":[1,null,3],\"losses\":[1,2,3],\"skip_start\":0,\"skip_end\":0}", "lrs[1]");
        assertRefused("{\"losses\":[1,2,3]}", "lrs");
        assertRefused(body(logSpaced(1e-7, 10, 10_001), i -> 1.0, ""), "lrs");
        assertRefused("{\"lrs\":[1,2,3],\"losses\":[1,2,3],\"mode\":\"log\"}", "mode");
        assertRefused("{\"lrs\":[1,2,3],\"losses\":[1,2,3],\"smoothing\":1}", "smoothing");
        assertRefused("{\"lrs\":[1,2,3],\"losses\":[1,2,3],\"diverge_threshold\":1}", "diverge_threshold");
        assertRefused("{\"lrs\":[1,2,3],\"losses\":[1,2,3],\"diverge_threshold\":\"high\"}", "diverge_threshold");
        assertRefused("{\"lrs\":[1,2,3],\"losses\":[1,2,3],\"skip_end\":-1}", "skip_end");
        assertRefused("{\"lrs\":\"1,2,3\",\"losses\":[1,2,3]}", "lrs");
        assertRefused("{\"lrs\":[1,2,3],\"losses\":[1,2,3],\"start_lr\":1}", "start_lr");
    }

    @Test
    void malformedTruncatedOrEmptyBodyIsABadRequest() {
        post("{\"lrs\":[1,2,3}").statusCode(400).contentType(Problem.MEDIA_TYPE);
        post("{\"lrs\":[1,2,3],").statusCode(400).contentType(Problem.MEDIA_TYPE);
        post("").statusCode(400).contentType(Problem.MEDIA_TYPE);
    }
}
