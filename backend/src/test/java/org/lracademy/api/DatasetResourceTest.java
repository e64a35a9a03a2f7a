package org.lracademy.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lracademy.training.Dataset;
import org.lracademy.training.Datasets;
import org.lracademy.training.TrainingEngine;
import org.lracademy.training.TrainingListener;
import org.lracademy.training.TrainingResult;
import org.lracademy.training.TrainingSpec;

@QuarkusTest
class DatasetResourceTest {

    private static final String XOR_LIKE = "a,b,label\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n0.1,0.1,0\n0.9,0.1,1\n0.1,0.9,1\n"
            + "0.9,0.9,0\n";

    @Inject
    TrainingEngine engine;

    @ConfigProperty(name = "academy.data-dir")
    String dataDir;

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    @Test
    void listingShowsTheBuiltInSetsWithTheDigitsAttribution() {
        given().when().get("/api/v1/datasets").then()
                .statusCode(200)
                .body("id", hasItems("digits", "linear"))
                .body("find { it.id == 'digits' }.rows", equalTo(1797))
                .body("find { it.id == 'digits' }.classes", equalTo(10))
                .body("find { it.id == 'digits' }.description", startsWith(
                        "Optical Recognition of Handwritten Digits, UCI Machine Learning Repository, E. Alpaydin and "
                                + "C. Kaynak, 1998, CC BY 4.0"));
    }

    @Test
    void anUploadedTableIsListedTrainableByNameAndSurvivesARestart() {
        String name = unique("xor");
        given().contentType("text/csv").body(XOR_LIKE)
                .when().post("/api/v1/datasets?name=" + name + "&task=classification").then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/datasets/" + name))
                .body("id", equalTo(name)).body("rows", equalTo(8)).body("features", equalTo(2))
                .body("classes", equalTo(2));
        given().when().get("/api/v1/datasets").then().statusCode(200).body("id", hasItem(name));

        TrainingSpec spec = new TrainingSpec(TrainingSpec.DatasetSpec.named(name),
                new TrainingSpec.ModelSpec("mlp", java.util.List.of(8), null, null, null, null), null,
                TrainingSpec.OptimizerSpec.sgd(0.1, 0.9), null, 3, null, 2, 0.25, 1L, null, null);
        TrainingResult result = engine.train(spec, null, TrainingListener.NONE, () -> false);
        assertEquals(TrainingResult.COMPLETED, result.stop());
        assertTrue(result.validationAccuracy() != null);

        Dataset reread = new Datasets(Path.of(dataDir)).find(name).orElseThrow();
        assertEquals(8, reread.rows());
    }

    @Test
    void aBadValueIsReportedWithItsLineAndColumn() {
        given().contentType("text/csv").body("1,2,0\n3,x,1\n")
                .when().post("/api/v1/datasets?name=" + unique("bad") + "&task=classification").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("body[line 2, column 2]"))
                .body("violations[0].value", equalTo("x"))
                .body("violations[0].rule", equalTo("must be a number"));
    }

    @Test
    void aClassificationLabelMustBeANonNegativeInteger() {
        given().contentType("text/csv").body("1,2,0\n3,4,1.5\n")
                .when().post("/api/v1/datasets?name=" + unique("bad") + "&task=classification").then()
                .statusCode(400)
                .body("violations[0].field", equalTo("body[line 2, column 3]"));
    }

    @Test
    void anUnknownTaskAndATakenNameAreRefused() {
        given().contentType("text/csv").body("1,2\n3,4\n")
                .when().post("/api/v1/datasets?name=" + unique("t") + "&task=clustering").then()
                .statusCode(400)
                .body("violations[0].field", equalTo("task"));
        given().contentType("text/csv").body("1,2\n3,4\n")
                .when().post("/api/v1/datasets?name=digits&task=regression").then()
                .statusCode(409);
    }
}
