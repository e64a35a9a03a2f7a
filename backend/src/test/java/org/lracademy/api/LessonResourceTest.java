package org.lracademy.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LessonResourceTest {

    @Test
    void courseListsTheFourLessonsInOrderWithAPromiseEach() {
        given().when().get("/api/v1/lessons").then()
                .statusCode(200)
                .body("slug", contains("learning-rate", "batch-normalisation", "dropout", "weight-initialisation"))
                .body("promise", everyItem(not(emptyOrNullString())));
    }

    @Test
    void learningRateLessonOffersItsThreeExperiments() {
        given().when().get("/api/v1/lessons/learning-rate").then()
                .statusCode(200)
                .body("title", equalTo("Learning Rate"))
                .body("experiments.id", contains("compare-rates", "range-test", "cosine-vs-constant"))
                .body("sections.size()", greaterThanOrEqualTo(4));
    }

    @Test
    void unknownLessonIsA404ProblemNamingTheSlug() {
        given().when().get("/api/v1/lessons/no-such-lesson").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("no-such-lesson"));
    }

    @Test
    void healthAndMetricsAndOpenApiAreServed() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/lessons"));
    }
}
