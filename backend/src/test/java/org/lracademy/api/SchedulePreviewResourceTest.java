package org.lracademy.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lracademy.schedule.Golden;

@QuarkusTest
class SchedulePreviewResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Golden> goldens() {
        return Golden.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void previewAnswersEveryGoldenWithPyTorchsRates(Golden golden) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scheduler", golden.spec().scheduler());
        body.put("params", golden.spec().params());
        body.put("base_lr", golden.json().get("base_lr").asDouble());
        if (golden.json().has("base_lrs")) {
            body.put("base_lrs", golden.baseLrs());
        }
        body.put("steps", golden.steps());

        String answer = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/schedules/preview")
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString();
        JsonNode json = JSON.readTree(answer);

        double[][] lrs = golden.lrGroups();
        Golden.assertSeries(lrs[0], Golden.array(json.get("lr")), golden.name() + " lr");
        assertEquals(lrs.length > 1, json.has("lr_groups"), "lr_groups only with several groups");
        for (int g = 1; g < lrs.length; g++) {
            Golden.assertSeries(lrs[g], Golden.array(json.get("lr_groups").get(g)), golden.name() + " group " + g);
        }
        assertEquals(golden.momentumGroups().isPresent(), json.has("momentum"), "momentum only where cycled");
        golden.momentumGroups().ifPresent(m -> Golden.assertSeries(m[0], Golden.array(json.get("momentum")),
                golden.name() + " momentum"));
    }

    @Test
    void cosinePreviewSaysItContinuesPastTmaxByDefaultAndHoldsWhenAsked() throws Exception {
        String base = "{\"scheduler\":\"CosineAnnealingLR\",\"base_lr\":0.1,\"steps\":30,\"params\":{\"T_max\":10%s}}";
        JsonNode pytorch = post(base.formatted(""));
        JsonNode held = post(base.formatted(",\"after_end\":\"hold\""));

        assertEquals("continue", pytorch.get("after_end").asText());
        assertEquals("hold", held.get("after_end").asText());
        // Half way up the second half-period: eta_min + (base - eta_min) * (1 + cos(1.5 pi)) / 2 = 0.05.
        assertEquals(0.05, pytorch.get("lr").get(15).asDouble(), 1e-15);
        assertEquals(0.0, held.get("lr").get(15).asDouble(), 0.0);
    }

    @Test
    void previewNotesAWarmupThatAMilestoneCutsShort() throws Exception {
        String sequence = "{\"scheduler\":\"SequentialLR\",\"base_lr\":0.1,\"steps\":15,\"params\":{"
                + "\"schedulers\":[{\"name\":\"LinearLR\",\"start_factor\":0.1,\"total_iters\":5},"
                + "{\"name\":\"CosineAnnealingLR\",\"T_max\":10}],\"milestones\":[%d]}}";

        JsonNode cut = post(sequence.formatted(3));
        JsonNode whole = post(sequence.formatted(5));

        assertEquals(1, cut.get("notes").size());
        assertTrue(cut.get("notes").get(0).asText().contains("jumps at step 3"), cut.get("notes").toString());
        assertFalse(whole.has("notes"));
    }

    @Test
    void stepScheduleHasNoAfterEndAndNoMomentum() throws Exception {
        JsonNode json = post("{\"scheduler\":\"StepLR\",\"base_lr\":1,\"steps\":4,\"params\":{\"step_size\":2}}");

        assertFalse(json.has("after_end"));
        assertFalse(json.has("momentum"));
        assertEquals(0.1, json.get("lr").get(2).asDouble(), 1e-15);
    }

    @Test
    void ratesThatOverflowTravelAsNullNotAs5xx() throws Exception {
        JsonNode json = post("{\"scheduler\":\"ExponentialLR\",\"base_lr\":1,\"steps\":2000,\"params\":{\"gamma\":2}}");

        assertTrue(json.get("lr").get(1999).isNull(), "2^1999 is not a finite double");
        assertEquals(1024.0, json.get("lr").get(10).asDouble(), 0.0);
    }

    private static JsonNode post(String body) throws Exception {
        return JSON.readTree(given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/schedules/preview")
                .then().statusCode(200).extract().asString());
    }
}
