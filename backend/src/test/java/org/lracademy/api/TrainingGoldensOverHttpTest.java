package org.lracademy.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lracademy.api.JobCalls.awaitState;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lracademy.training.Goldens;

/**
 * PyTorch's recorded trajectories reproduced through the API as another service would: data uploaded as CSV,
 * initial weights as a state dict, the sample order, the schedule by its PyTorch name, the numbers read back
 * from the job's result.
 */
@QuarkusTest
class TrainingGoldensOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWNER = "pytorch-user";

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = TrainingGoldensOverHttpTest.class.getResourceAsStream("/goldens/training/" + name)) {
            return JSON.readTree(in);
        }
    }

    private static JsonNode train(ObjectNode spec) throws Exception {
        String id = given().header("X-Owner", OWNER).contentType("application/json").body(spec.toString())
                .post("/api/v1/trainings").then().statusCode(202).extract().path("id");
        assertEquals("SUCCEEDED", awaitState(OWNER, id, "SUCCEEDED", "FAILED"));
        return JSON.readTree(given().header("X-Owner", OWNER).get("/api/v1/jobs/" + id + "/result").asString());
    }

    private static void assertTrajectory(String what, JsonNode expected, JsonNode actual) {
        List<Double> values = new ArrayList<>();
        actual.forEach(v -> values.add(v.isNull() ? null : v.asDouble()));
        Goldens.assertTrajectory(what, expected, values);
    }

    @Test
    void theLessonsLinearModelAtFourRatesFromUploadedData() throws Exception {
        List<String> files = List.of("seed-linear-lr0.0001.json", "seed-linear-lr0.01.json", "seed-linear-lr0.1.json",
                "seed-linear-lr1.json");
        for (String file : files) {
            JsonNode golden = golden(file);
            StringBuilder csv = new StringBuilder();
            for (int i = 0; i < golden.get("X").size(); i++) {
                csv.append(golden.get("X").get(i).asText()).append(',').append(golden.get("y").get(i).asText())
                        .append('\n');
            }
            String dataset = given().header("X-Owner", OWNER).contentType("text/csv").body(csv.toString())
                    .post("/api/v1/datasets?name=line-" + java.util.UUID.randomUUID() + "&task=regression")
                    .then().statusCode(201).extract().path("id");

            JsonNode result = train(Goldens.seedLinearSpec(golden, dataset));
            assertTrajectory(file + " losses", golden.get("losses"), result.get("losses"));
        }
    }

    @Test
    void theDigitsMlpWithMomentumAndCosineAnnealing() throws Exception {
        JsonNode golden = golden("digits-mlp-sgd-momentum-cosine.json");
        JsonNode result = train(Goldens.digitsCosineSpec(golden));

        assertTrajectory("lrs", golden.get("lrs"), result.get("lrs"));
        assertTrajectory("losses", golden.get("losses"), result.get("losses"));
    }
}
