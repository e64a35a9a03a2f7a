package org.lracademy.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class SchedulePreviewValidationTest {

    private static final String PROBLEM = "application/problem+json";

    /** A body with one scheduler, its params, a base rate of 0.1 and 20 steps. */
    private static String body(String scheduler, String params) {
        return "{\"scheduler\":\"" + scheduler + "\",\"base_lr\":0.1,\"steps\":20,\"params\":" + params + "}";
    }

    private static String oneCycle(String params) {
        return body("OneCycleLR", params);
    }

    private static String sequential(String children, String milestones) {
        return body("SequentialLR", "{\"schedulers\":" + children + ",\"milestones\":" + milestones + "}");
    }

    private static final String LINEAR = "{\"name\":\"LinearLR\",\"start_factor\":0.1,\"total_iters\":5}";
    private static final String COSINE = "{\"name\":\"CosineAnnealingLR\",\"T_max\":10}";
    private static final String EXP = "{\"name\":\"ExponentialLR\",\"gamma\":0.9}";

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("T_max of 0", body("CosineAnnealingLR", "{\"T_max\":0}"), "params.T_max"),
                Arguments.of("negative T_max", body("CosineAnnealingLR", "{\"T_max\":-5}"), "params.T_max"),
                Arguments.of("missing T_max", body("CosineAnnealingLR", "{}"), "params.T_max"),
                Arguments.of("T_max as text", body("CosineAnnealingLR", "{\"T_max\":\"ten\"}"), "params.T_max"),
                Arguments.of("T_0 of 0", body("CosineAnnealingWarmRestarts", "{\"T_0\":0}"), "params.T_0"),
                Arguments.of("fractional T_mult", body("CosineAnnealingWarmRestarts", "{\"T_0\":5,\"T_mult\":1.5}"),
                        "params.T_mult"),
                Arguments.of("T_mult of 0", body("CosineAnnealingWarmRestarts", "{\"T_0\":5,\"T_mult\":0}"),
                        "params.T_mult"),
                Arguments.of("step_size of 0", body("StepLR", "{\"step_size\":0}"), "params.step_size"),
                Arguments.of("one-cycle total_steps of 0", oneCycle("{\"max_lr\":0.1,\"total_steps\":0}"),
                        "params.total_steps"),
                Arguments.of("one-cycle total_steps of 1", oneCycle("{\"max_lr\":0.1,\"total_steps\":1}"),
                        "params.total_steps"),
                Arguments.of("one-cycle without a length", oneCycle("{\"max_lr\":0.1}"), "params.total_steps"),
                Arguments.of("one-cycle of one epoch of one step",
                        oneCycle("{\"max_lr\":0.1,\"epochs\":1,\"steps_per_epoch\":1}"), "params.epochs"),
                Arguments.of("LinearLR total_iters of 0", body("LinearLR", "{\"total_iters\":0}"),
                        "params.total_iters"),
                Arguments.of("ConstantLR total_iters of 0", body("ConstantLR", "{\"total_iters\":0}"),
                        "params.total_iters"),
                Arguments.of("eta_min above the base rate", body("CosineAnnealingLR", "{\"T_max\":10,\"eta_min\":0.2}"),
                        "params.eta_min"),
                Arguments.of("eta_min above the base rate in warm restarts",
                        body("CosineAnnealingWarmRestarts", "{\"T_0\":10,\"eta_min\":0.5}"), "params.eta_min"),
                Arguments.of("repeated SequentialLR milestone",
                        sequential("[" + LINEAR + "," + COSINE + "," + EXP + "]", "[5,5]"), "params.milestones[1]"),
                Arguments.of("decreasing SequentialLR milestones",
                        sequential("[" + LINEAR + "," + COSINE + "," + EXP + "]", "[8,3]"), "params.milestones[1]"),
                Arguments.of("SequentialLR milestone 0", sequential("[" + LINEAR + "," + COSINE + "]", "[0]"),
                        "params.milestones[0]"),
                Arguments.of("too few SequentialLR milestones", sequential("[" + LINEAR + "," + COSINE + "]", "[]"),
                        "params.milestones"),
                Arguments.of("MultiStepLR milestone 0", body("MultiStepLR", "{\"milestones\":[0,3]}"),
                        "params.milestones[0]"),
                Arguments.of("decreasing MultiStepLR milestones", body("MultiStepLR", "{\"milestones\":[6,3]}"),
                        "params.milestones[1]"),
                Arguments.of("pct_start above 1", oneCycle("{\"max_lr\":0.1,\"total_steps\":20,\"pct_start\":1.5}"),
                        "params.pct_start"),
                Arguments.of("negative pct_start", oneCycle("{\"max_lr\":0.1,\"total_steps\":20,\"pct_start\":-0.1}"),
                        "params.pct_start"),
                Arguments.of("an empty first one-cycle phase",
                        oneCycle("{\"max_lr\":0.1,\"total_steps\":4,\"pct_start\":0.25}").replace("20", "4"),
                        "params.pct_start"),
                Arguments.of("steps above the limit",
                        body("StepLR", "{\"step_size\":2}").replace("\"steps\":20", "\"steps\":100001"), "steps"),
                Arguments.of("zero steps", body("StepLR", "{\"step_size\":2}").replace("\"steps\":20", "\"steps\":0"),
                        "steps"),
                Arguments.of("fractional steps",
                        body("StepLR", "{\"step_size\":2}").replace("\"steps\":20", "\"steps\":2.5"), "steps"),
                Arguments.of("steps past the one-cycle total", oneCycle("{\"max_lr\":0.1,\"total_steps\":10}"),
                        "steps"),
                Arguments.of("NaN as a string in params", body("ExponentialLR", "{\"gamma\":\"NaN\"}"),
                        "params.gamma"),
                Arguments.of("NaN as a string for the base rate",
                        body("ExponentialLR", "{\"gamma\":0.5}").replace("0.1", "\"NaN\""), "base_lr"),
                Arguments.of("NaN as a string for steps",
                        body("ExponentialLR", "{\"gamma\":0.5}").replace("\"steps\":20", "\"steps\":\"NaN\""), "steps"),
                Arguments.of("an overflowing eta_min", body("CosineAnnealingLR", "{\"T_max\":10,\"eta_min\":1e400}"),
                        "params.eta_min"),
                Arguments.of("an overflowing base rate in a list",
                        body("ExponentialLR", "{\"gamma\":0.5}").replace("\"base_lr\":0.1", "\"base_lrs\":[0.1,1e400]"),
                        "base_lrs[1]"),
                Arguments.of("an overflowing max_lr in a list",
                        oneCycle("{\"max_lr\":[0.1,1e400],\"total_steps\":20}")
                                .replace("\"base_lr\":0.1", "\"base_lrs\":[0.1,0.01]"), "params.max_lr[1]"),
                Arguments.of("a max_lr list longer than the groups",
                        oneCycle("{\"max_lr\":[0.1,0.01,0.001],\"total_steps\":20}")
                                .replace("\"base_lr\":0.1", "\"base_lrs\":[0.1,0.01]"), "params.max_lr"),
                Arguments.of("gamma of 0", body("ExponentialLR", "{\"gamma\":0}"), "params.gamma"),
                Arguments.of("negative StepLR gamma", body("StepLR", "{\"step_size\":2,\"gamma\":-0.5}"),
                        "params.gamma"),
                Arguments.of("start_factor above 1", body("LinearLR", "{\"start_factor\":1.5}"),
                        "params.start_factor"),
                Arguments.of("negative end_factor", body("LinearLR", "{\"end_factor\":-0.1}"), "params.end_factor"),
                Arguments.of("ConstantLR factor of 0", body("ConstantLR", "{\"factor\":0}"), "params.factor"),
                Arguments.of("ConstantLR factor above 1", body("ConstantLR", "{\"factor\":1.5}"), "params.factor"),
                Arguments.of("an unknown scheduler", body("FancyLR", "{}"), "scheduler"),
                Arguments.of("no scheduler", "{\"base_lr\":0.1,\"steps\":5,\"params\":{}}", "scheduler"),
                Arguments.of("no base rate", "{\"scheduler\":\"StepLR\",\"steps\":5,\"params\":{\"step_size\":1}}",
                        "base_lr"),
                Arguments.of("an unknown parameter", body("CosineAnnealingLR", "{\"T_max\":10,\"t_max\":10}"),
                        "params.t_max"),
                Arguments.of("a resume position", body("CosineAnnealingLR", "{\"T_max\":10,\"last_epoch\":5}"),
                        "params.last_epoch"),
                Arguments.of("an unknown anneal strategy",
                        oneCycle("{\"max_lr\":0.1,\"total_steps\":20,\"anneal_strategy\":\"cubic\"}"),
                        "params.anneal_strategy"),
                Arguments.of("a bad child parameter", sequential("[" + LINEAR + ",{\"name\":\"ExponentialLR\","
                        + "\"gamma\":0}]", "[5]"), "params.schedulers[1].gamma"),
                Arguments.of("an unknown child", sequential("[" + LINEAR + ",{\"name\":\"FancyLR\"}]", "[5]"),
                        "params.schedulers[1].name"),
                Arguments.of("a one-cycle child", sequential("[{\"name\":\"OneCycleLR\",\"max_lr\":0.1,"
                        + "\"total_steps\":20}," + COSINE + "]", "[5]"), "params.schedulers[0].name"),
                Arguments.of("a zero start factor in a chain", body("ChainedScheduler", "{\"schedulers\":["
                        + "{\"name\":\"LinearLR\",\"start_factor\":0}," + COSINE + "]}"),
                        "params.schedulers[0].start_factor"),
                Arguments.of("a fractional-epoch child", sequential("[" + LINEAR + ",{\"name\":"
                        + "\"CosineAnnealingWarmRestarts\",\"T_0\":5,\"iters_per_epoch\":4}]", "[5]"),
                        "params.schedulers[1].iters_per_epoch"),
                Arguments.of("an unknown top-level field", "{\"scheduler\":\"StepLR\",\"base_lr\":0.1,\"steps\":5,"
                        + "\"params\":{\"step_size\":1},\"colour\":\"red\"}", "colour"),
                Arguments.of("params that are not an object", body("StepLR", "[1,2]"), "params"),
                Arguments.of("truncated JSON", "{\"scheduler\": \"StepLR\", \"steps\": ", "body"),
                Arguments.of("malformed JSON", "{\"scheduler\": StepLR}", "body"),
                Arguments.of("a bare NaN", body("ExponentialLR", "{\"gamma\":NaN}"), "params"),
                Arguments.of("an empty body", "", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badPreviewIsRefusedWithAProblemNamingTheField(String what, String body, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/schedules/preview")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field));
    }

    @Test
    void unknownSchedulerRuleListsTheKnownOnes() {
        given().contentType(ContentType.JSON).body(body("FancyLR", "{}"))
                .when().post("/api/v1/schedules/preview")
                .then().statusCode(400)
                .body("violations[0].value", equalTo("FancyLR"))
                .body("violations[0].rule", containsString("CosineAnnealingLR"))
                .body("violations[0].rule", containsString("OneCycleLR"));
    }

    @Test
    void everyViolationOfOneRequestIsReportedTogether() {
        String body = "{\"scheduler\":\"SequentialLR\",\"base_lr\":\"NaN\",\"steps\":100001,\"params\":{"
                + "\"schedulers\":[{\"name\":\"LinearLR\",\"total_iters\":0},{\"name\":\"CosineAnnealingLR\","
                + "\"T_max\":0}],\"milestones\":[0]}}";

        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/schedules/preview")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItems("base_lr", "steps", "params.schedulers[0].total_iters",
                        "params.schedulers[1].T_max", "params.milestones[0]"));
    }

    @Test
    void etaMinAboveTheBaseRateIsAcceptedWhenAskedFor() {
        given().contentType(ContentType.JSON)
                .body(body("CosineAnnealingLR", "{\"T_max\":10,\"eta_min\":0.2,\"allow_eta_min_above_base\":true}"))
                .when().post("/api/v1/schedules/preview")
                .then().statusCode(200)
                .body("lr[10]", equalTo(0.2f));
    }
}
