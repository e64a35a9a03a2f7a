package org.lracademy.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CurveDiagnosisResourceTest {

    private static ValidatableResponse post(String json) {
        return given().contentType("application/json").body(json).when().post("/api/v1/curves/diagnosis").then();
    }

    @Test
    void nanInTheCurveIsDiverging() {
        post("{\"losses\":[2.3,2.1,1.9,null,1.5]}")
                .statusCode(200)
                .body("verdict", is("diverging")).body("non_finite_index", is(3));
    }

    @Test
    void halvingLossIsConvergingWithItsLogSlopePerStep() {
        // Steps 0, 2, 4, … and the loss halving every point: the tail slope is ln(0.5) / 2 per step.
        post("{\"losses\":[8,4,2,1,0.5,0.25,0.125,0.0625],\"steps\":[0,2,4,6,8,10,12,14]}")
                .statusCode(200)
                .body("verdict", is("converging"))
                .body("tail_log_slope", is((float) (Math.log(0.5) / 2)))
                .body("sign_change_fraction", is(0.0f));
    }

    @Test
    void flatCurveIsTooSlow() {
        post("{\"losses\":[2.3,2.3,2.3,2.3,2.3,2.3]}").statusCode(200).body("verdict", is("too_slow"));
    }

    @Test
    void badInputsAreRefusedNamingTheField() {
        assertRefused("{}", "losses");
        assertRefused("{\"losses\":[1,2,3]}", "losses");
        assertRefused("{\"losses\":[1,2,3,4],\"steps\":[0,1,2]}", "steps");
        assertRefused("{\"losses\":[1,2,3,4],\"steps\":[0,1,1,2]}", "steps[2]");
        assertRefused("{\"losses\":[1,2,3,4],\"steps\":[0,null,1,2]}", "steps[1]");
        assertRefused("{\"losses\":[1,2,3,4],\"verdict\":\"x\"}", "verdict");
        assertRefused("{\"losses\":\"many\"}", "losses");
        assertRefused("{\"losses\":[1,2,3,\"x\"]}", "losses[3]");
    }

    private static void assertRefused(String json, String field) {
        post(json).statusCode(400).contentType(Problem.MEDIA_TYPE).body("violations.field", hasItem(field));
    }
}
