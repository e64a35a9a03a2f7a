package org.lracademy.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScheduleCatalogueResourceTest {

    private static final String PARAM = "schedulers.find { it.name == '%s' }.params.find { it.name == '%%s' }.";
    private static final String COSINE_PARAM = PARAM.formatted("CosineAnnealingLR");
    private static final String ONE_CYCLE_PARAM = PARAM.formatted("OneCycleLR");

    @Test
    void catalogueListsEverySchedulerWithADescription() {
        given().when().get("/api/v1/schedules")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("schedulers.name", containsInAnyOrder("ConstantLR", "LinearLR", "StepLR", "MultiStepLR",
                        "ExponentialLR", "CosineAnnealingLR", "CosineAnnealingWarmRestarts", "OneCycleLR",
                        "CosineWithWarmup", "SequentialLR", "ChainedScheduler"))
                .body("schedulers.description", everyItem(not(emptyString())))
                .body("schedulers.params.flatten().meaning", everyItem(not(emptyString())))
                .body("limits.max_steps", equalTo(100000))
                .body("limits.max_groups", equalTo(8));
    }

    @Test
    void catalogueGivesEachParametersTypeDefaultRequiredFlagAndLimits() {
        given().when().get("/api/v1/schedules")
                .then().statusCode(200)
                .body(COSINE_PARAM.formatted("T_max") + "type", equalTo("number"))
                .body(COSINE_PARAM.formatted("T_max") + "required", equalTo(true))
                .body(COSINE_PARAM.formatted("T_max") + "min", equalTo(0.0f))
                .body(COSINE_PARAM.formatted("T_max") + "min_exclusive", equalTo(true))
                .body(COSINE_PARAM.formatted("eta_min") + "default", equalTo(0.0f))
                .body(COSINE_PARAM.formatted("eta_min") + "required", equalTo(false))
                .body(COSINE_PARAM.formatted("after_end") + "allowed", contains("continue", "hold"))
                .body(COSINE_PARAM.formatted("after_end") + "default", equalTo("continue"))
                .body(ONE_CYCLE_PARAM.formatted("pct_start") + "min", equalTo(0.0f))
                .body(ONE_CYCLE_PARAM.formatted("pct_start") + "max", equalTo(1.0f))
                .body(ONE_CYCLE_PARAM.formatted("max_lr") + "type", equalTo("number | number[]"))
                .body(ONE_CYCLE_PARAM.formatted("anneal_strategy") + "allowed", contains("cos", "linear"));
    }
}
