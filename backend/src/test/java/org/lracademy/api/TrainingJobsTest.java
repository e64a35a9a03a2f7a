package org.lracademy.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.lracademy.api.JobCalls.awaitState;
import static org.lracademy.api.JobCalls.cancel;
import static org.lracademy.api.JobCalls.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Trainings, range tests and comparisons as jobs, over real HTTP: real training on the digits, streamed live. */
@QuarkusTest
class TrainingJobsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    private static ObjectNode training() {
        ObjectNode spec = JSON.createObjectNode();
        spec.putObject("dataset").put("name", "digits");
        spec.putObject("model").put("type", "mlp").putArray("hidden").add(32);
        spec.put("loss", "cross_entropy");
        spec.putObject("optimizer").put("name", "sgd").put("lr", 0.1).put("momentum", 0.9);
        spec.put("epochs", 2).put("batch_size", 64).put("validation_split", 0.2).put("seed", 3);
        return spec;
    }

    private static ObjectNode rangeTest() {
        ObjectNode spec = training();
        spec.remove("epochs");
        spec.put("start_lr", 1e-5).put("end_lr", 10).put("num_iter", 60);
        return spec;
    }

    private static Response post(String owner, String path, JsonNode body) {
        return given().header("X-Owner", owner).contentType("application/json").body(body.toString())
                .post("/api/v1/" + path);
    }

    private List<SseClient.Event> stream(String owner, String id, String lastEventId) throws Exception {
        return SseClient.read(base + "api/v1/jobs/" + id + "/events", lastEventId, owner, e -> false);
    }

    private static List<JsonNode> data(List<SseClient.Event> events, String type) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (SseClient.Event event : events) {
            if (event.name().equals(type)) {
                out.add(JSON.readTree(event.data()));
            }
        }
        return out;
    }

    private static JsonNode result(String owner, String id) throws Exception {
        return JSON.readTree(given().header("X-Owner", owner).get("/api/v1/jobs/" + id + "/result")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void aTrainingStreamsEveryStepAndEpochAndItsResultHoldsTheSameNumbers() throws Exception {
        Response accepted = post("learner", "trainings", training());
        accepted.then().statusCode(202).body("kind", is("training"));
        String id = accepted.path("id");
        assertThat(accepted.header("Location"), is("/api/v1/jobs/" + id));

        List<SseClient.Event> events = stream("learner", id, null);

        assertThat(events.stream().map(SseClient.Event::id).toList(),
                is(LongStream.rangeClosed(1, events.size()).boxed().toList()));
        List<JsonNode> steps = data(events, "step");
        List<JsonNode> epochs = data(events, "epoch");
        JsonNode result = result("learner", id);
        // 1,797 rows, a fifth held out: 1,438 train rows make 22 full batches of 64 per epoch.
        assertThat(result.path("steps").asInt(), is(44));
        assertThat(steps.size(), is(44));
        assertThat(epochs.size(), is(2));
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i).path("step").asInt(), is(i));
            assertThat(steps.get(i).path("loss").asDouble(), is(result.path("losses").get(i).asDouble()));
            assertThat(steps.get(i).path("lr").asDouble(), is(0.1));
        }
        assertThat(result.path("stop").asText(), is("completed"));
        assertThat(result.path("val_accuracy").asDouble(), greaterThan(0.8));
        assertThat(epochs.get(1).path("val_accuracy").asDouble(), is(result.path("val_accuracy").asDouble()));
        assertThat(result.path("diagnosis").path("verdict").asText(), is("converging"));
        assertThat(result.path("run").path("data_checksum").asText().matches("sha256:[0-9a-f]{64}"), is(true));
        assertThat(events.get(events.size() - 1).data(), containsString("SUCCEEDED"));

        String csv = given().header("X-Owner", "learner").get("/api/v1/jobs/" + id + "/metrics.csv")
                .then().statusCode(200).extract().asString();
        assertThat(csv.strip().split("\n").length, is(45));
    }

    @Test
    void aScheduleGivesEachStepItsRate() throws Exception {
        ObjectNode spec = training();
        spec.putObject("schedule").put("scheduler", "CosineAnnealingLR").putObject("params").put("T_max", 44);
        String id = post("learner", "trainings", spec).then().statusCode(202).extract().path("id");
        awaitState("learner", id, "SUCCEEDED");
        JsonNode lrs = result("learner", id).path("lrs");
        assertThat(lrs.size(), is(44));
        for (int t = 0; t < 44; t++) {
            assertThat(Math.abs(lrs.get(t).asDouble() - 0.05 * (1 + Math.cos(Math.PI * t / 44))), lessThan(1e-12));
        }
    }

    @Test
    void reconnectingWithLastEventIdResumesWithoutGapOrRepeat() throws Exception {
        String id = post("learner", "trainings", training()).then().statusCode(202).extract().path("id");
        List<SseClient.Event> first = SseClient.read(base + "api/v1/jobs/" + id + "/events", null, "learner",
                e -> e.id() == 10);
        List<SseClient.Event> rest = stream("learner", id, "10");
        List<Long> ids = new ArrayList<>(first.stream().map(SseClient.Event::id).toList());
        rest.forEach(e -> ids.add(e.id()));
        assertThat(ids, is(LongStream.rangeClosed(1, ids.size()).boxed().toList()));
        assertThat(data(rest, "step").size() + data(first, "step").size(), is(44));
    }

    @Test
    void aRangeTestStreamsItsPointsAndEndsWithSuggestions() throws Exception {
        String id = post("learner", "range-tests", rangeTest()).then().statusCode(202).extract().path("id");
        List<SseClient.Event> events = stream("learner", id, null);
        List<JsonNode> points = data(events, "step");
        JsonNode result = result("learner", id);

        assertThat(points.size(), is(result.path("points").size()));
        assertThat(points.size(), greaterThan(10));
        assertThat(points.get(0).path("lr").asDouble(), is(1e-5));
        for (JsonNode point : points) {
            assertThat(point.path("smoothed"), notNullValue());
        }
        JsonNode analysis = result.path("analysis");
        assertThat(analysis.path("stop").path("reason").asText(), notNullValue());
        assertThat(analysis.path("suggestions").path("valley").path("lr").isNumber(), is(true));
        assertThat(analysis.path("range").path("lower").path("lr").asDouble(),
                lessThan(analysis.path("range").path("upper").path("lr").asDouble()));
        job("learner", id).then().body("state", is("SUCCEEDED")).body("progress", is(100.0f));
    }

    @Test
    void repeatsGiveAMedianCurveAndTheSpreadOfEachSuggestion() throws Exception {
        ObjectNode spec = rangeTest().put("repeats", 3).put("diverge_threshold", 0).put("num_iter", 40);
        String id = post("learner", "range-tests", spec).then().statusCode(202).extract().path("id");
        awaitState("learner", id, "SUCCEEDED");
        JsonNode result = result("learner", id);
        assertThat(result.path("repeats").path("median").size(), is(40));
        assertThat(result.path("repeats").path("runs").size(), is(3));
        assertThat(result.path("repeats").path("suggestion_spread").path("valley").path("count").asInt(), is(3));
        List<Integer> repeatsSeen = new ArrayList<>();
        data(stream("learner", id, null), "step").forEach(p -> repeatsSeen.add(p.path("repeat").asInt()));
        assertThat(repeatsSeen.size(), is(120));
        assertThat(repeatsSeen, hasItem(2));
    }

    @Test
    void aComparisonQueuesOneTrainingPerValueEachLabelled() throws Exception {
        ObjectNode spec = training().put("epochs", 1);
        spec.putArray("lrs").add(0.001).add(0.1).add(10.0);
        Response accepted = post("comparer", "comparisons", spec);
        accepted.then().statusCode(202).body("kind", is("comparison")).body("varies", is(List.of("lrs")))
                .body("jobs.size()", is(3)).body("jobs.label", is(List.of("lr 0.001", "lr 0.1", "lr 10")));
        List<String> ids = accepted.path("jobs.id");
        assertThat(accepted.header("Location"), is("/api/v1/jobs/" + ids.get(0)));
        List<Double> losses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            awaitState("comparer", ids.get(i), "SUCCEEDED");
            JsonNode result = result("comparer", ids.get(i));
            assertThat(result.path("comparison").path("index").asInt(), is(i));
            assertThat(result.path("run").path("optimizer").path("lr").asDouble(),
                    is(List.of(0.001, 0.1, 10.0).get(i)));
            losses.add(result.path("val_loss").isNumber() ? result.path("val_loss").asDouble() : Double.MAX_VALUE);
        }
        assertThat(result("comparer", ids.get(0)).path("label").asText(), is("lr 0.001"));
        // Too small crawls, too large jumps about: the middle rate ends lowest.
        assertThat(losses.get(1), lessThan(losses.get(0)));
        assertThat(losses.get(1), lessThan(losses.get(2)));
    }

    @Test
    void aComparisonOfTwoListsRunsEveryCombination() throws Exception {
        ObjectNode spec = training().put("epochs", 1);
        spec.putArray("lrs").add(0.05).add(1.0);
        spec.putArray("batch_norms").add(false).add(true);
        Response accepted = post("comparer", "comparisons", spec);
        accepted.then().statusCode(202).body("jobs.label",
                is(List.of("lr 0.05, batch norm off", "lr 0.05, batch norm on", "lr 1, batch norm off",
                        "lr 1, batch norm on")));
        List<String> ids = accepted.path("jobs.id");
        String last = ids.get(3);
        awaitState("comparer", last, "SUCCEEDED");
        JsonNode run = result("comparer", last).path("run").path("spec");
        assertThat(run.path("model").path("batch_norm").asBoolean(), is(true));
        assertThat(run.path("optimizer").path("lr").asDouble(), is(1.0));
    }

    @Test
    void cancellingARunningTrainingStopsItWithinASecond() throws Exception {
        ObjectNode spec = training().put("epochs", 1000);
        String id = post("canceller", "trainings", spec).then().statusCode(202).extract().path("id");
        SseClient.read(base + "api/v1/jobs/" + id + "/events", null, "canceller", e -> e.name().equals("step"));
        long asked = System.nanoTime();
        cancel("canceller", id).then().statusCode(200);
        awaitState("canceller", id, "CANCELLED");
        assertThat((System.nanoTime() - asked) / 1e9, lessThan(1.0));
        assertThat(job("canceller", id).path("progress"), is(notNullValue()));
    }

    @Test
    void badSpecsNameTheFieldTheValueAndTheRule() {
        ObjectNode negative = training();
        ((ObjectNode) negative.get("optimizer")).put("lr", -0.1);
        expectViolation(post("a", "trainings", negative), "optimizer.lr");

        ObjectNode unknown = training().put("learning_rate", 0.1);
        expectViolation(post("a", "trainings", unknown), "learning_rate");

        ObjectNode badSchedule = training();
        badSchedule.putObject("schedule").put("scheduler", "CosineAnnealingLR").putObject("params").put("T_max", 0);
        expectViolation(post("a", "trainings", badSchedule), "schedule.params.T_max");

        ObjectNode huge = training();
        ((ObjectNode) huge.get("optimizer")).put("lr", 1e300);
        expectViolation(post("a", "trainings", huge), "optimizer.lr");

        expectViolation(post("a", "range-tests", rangeTest().put("epochs", 3)), "epochs");
        expectViolation(post("a", "range-tests", rangeTest().put("start_lr", 1).put("end_lr", 0.1)), "end_lr");
        expectViolation(post("a", "range-tests", rangeTest().put("num_iter", "many")), "num_iter");

        ObjectNode batchOfOne = training().put("batch_size", 1);
        ((ObjectNode) batchOfOne.get("model")).put("batch_norm", true);
        expectViolation(post("a", "trainings", batchOfOne), "batch_size");

        ObjectNode fractionalSteps = training();
        fractionalSteps.remove("epochs");
        expectViolation(post("a", "trainings", fractionalSteps.put("steps", 5.7)), "steps");
        expectViolation(post("a", "trainings", training().put("epochs", "5")), "epochs");
        post("a", "trainings", unknown).then().body("violations[0].rule", containsString("known fields here"))
                .body(org.hamcrest.Matchers.not(containsString("org.lracademy")));
        ObjectNode datasetAsText = training().put("dataset", "digits");
        expectViolation(post("a", "trainings", datasetAsText), "dataset");
        post("a", "trainings", datasetAsText).then().body("violations[0].rule", is("must be a JSON object"));

        ObjectNode growing = training();
        growing.putObject("schedule").put("scheduler", "ExponentialLR").putObject("params").put("gamma", 1e300);
        expectViolation(post("a", "trainings", growing), "schedule.params");

        ObjectNode badInit = training();
        badInit.putArray("inits").add("default").addObject().put("scheme", "normal").put("std", -1);
        expectViolation(post("a", "comparisons", badInit), "inits[1].std");

        ObjectNode badValue = training();
        badValue.putArray("lrs").add(0.1).add(-1);
        expectViolation(post("a", "comparisons", badValue), "lrs[1]");
        ObjectNode tooMany = training();
        tooMany.putArray("lrs").add(0.1).add(0.2).add(0.3);
        tooMany.putArray("batch_norms").add(true).add(false).add(true);
        expectViolation(post("a", "comparisons", tooMany), "batch_norms");
        ObjectNode none = training();
        expectViolation(post("a", "comparisons", none), "lrs");

        given().contentType("application/json")
                .body("{\"dataset\": {\"name\": \"digits\"}, \"optimizer\": {\"lr\": NaN}}").post("/api/v1/trainings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].rule", containsString("NaN and Infinity are not JSON numbers"))
                .body(org.hamcrest.Matchers.not(containsString("JsonReadFeature")));
    }

    private static void expectViolation(Response response, String field) {
        response.then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field))
                .body("violations.rule", everyItem(notNullValue()))
                .body(org.hamcrest.Matchers.not(containsString("Exception")));
    }
}
