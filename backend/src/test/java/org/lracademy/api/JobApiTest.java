package org.lracademy.api;

import static io.restassured.RestAssured.given;
import static org.lracademy.api.JobCalls.awaitState;
import static org.lracademy.api.JobCalls.cancel;
import static org.lracademy.api.JobCalls.job;
import static org.lracademy.api.JobCalls.submit;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JobApiTest {

    @TestHTTPResource("/")
    URL base;

    private List<SseClient.Event> stream(String owner, String id, String lastEventId) throws Exception {
        return SseClient.read(base + "api/v1/jobs/" + id + "/events", lastEventId, owner, e -> false);
    }

    private static void assertNumberedFromOne(List<SseClient.Event> events) {
        assertThat(events.stream().map(SseClient.Event::id).toList(),
                is(LongStream.rangeClosed(1, events.size()).boxed().toList()));
    }

    @Test
    void submittedJobIsAcceptedAndStreamsEveryStepThenItsResult() throws Exception {
        Response accepted = given().header("X-Owner", "streamer").contentType("application/json")
                .body("{\"steps\": 20, \"step_ms\": 5}").post("/api/v1/jobs?kind=scripted");
        accepted.then().statusCode(202).body("state", is("QUEUED")).body("kind", is("scripted"));
        String id = accepted.path("id");
        assertThat(accepted.header("Location"), is("/api/v1/jobs/" + id));
        assertThat(accepted.path("links.events"), is("/api/v1/jobs/" + id + "/events"));

        List<SseClient.Event> events = stream("streamer", id, null);

        assertNumberedFromOne(events);
        List<SseClient.Event> steps = events.stream().filter(e -> e.name().equals("step")).toList();
        assertThat(steps.size(), is(20));
        for (int i = 0; i < 20; i++) {
            assertThat(steps.get(i).data(), startsWith("{"));
            assertThat(steps.get(i).data(), org.hamcrest.Matchers.containsString("\"step\":" + (i + 1)));
        }
        assertThat(events.get(0).name(), is("state"));
        assertThat(events.get(0).data(), org.hamcrest.Matchers.containsString("QUEUED"));
        assertThat(events.stream().map(SseClient.Event::name).toList(), hasItem("result"));
        assertThat(events.get(events.size() - 1).data(), org.hamcrest.Matchers.containsString("SUCCEEDED"));
        job("streamer", id).then().statusCode(200).body("state", is("SUCCEEDED")).body("progress", is(100.0f))
                .body("spec.steps", is(20)).body("summary.steps_run", is(20)).body("device", is("cpu"));
        given().header("X-Owner", "streamer").get("/api/v1/jobs/" + id + "/result").then().statusCode(200)
                .body("steps_run", is(20));
    }

    @Test
    void finishedJobStreamReplaysEverythingAndCloses() throws Exception {
        String id = submit("replayer", "{\"steps\": 5}");
        awaitState("replayer", id, "SUCCEEDED");

        List<SseClient.Event> first = stream("replayer", id, null);
        List<SseClient.Event> second = stream("replayer", id, null);

        assertNumberedFromOne(first);
        assertThat(second, is(first));
        assertThat(first.stream().filter(e -> e.name().equals("step")).count(), is(5L));
    }

    @Test
    void reconnectingWithLastEventIdResumesWithoutGapOrRepeat() throws Exception {
        String id = submit("resumer", "{\"steps\": 40, \"step_ms\": 15}");

        List<SseClient.Event> before = SseClient.read(base + "api/v1/jobs/" + id + "/events", null, "resumer",
                e -> e.id() == 10);
        List<SseClient.Event> after = stream("resumer", id, "10");

        assertThat(before.get(before.size() - 1).id(), is(10L));
        List<SseClient.Event> all = new ArrayList<>(before);
        all.addAll(after);
        assertNumberedFromOne(all);
        assertThat(all.stream().filter(e -> e.name().equals("step")).count(), is(40L));
    }

    @Test
    void lastEventIdMayComeAsQueryParameter() throws Exception {
        String id = submit("resumer", "{\"steps\": 6}");
        awaitState("resumer", id, "SUCCEEDED");

        List<SseClient.Event> tail = SseClient.read(base + "api/v1/jobs/" + id + "/events?last_event_id=4", null,
                "resumer", e -> false);

        assertThat(tail.get(0).id(), is(5L));
        assertThat(tail.get(tail.size() - 1).data(), org.hamcrest.Matchers.containsString("SUCCEEDED"));
    }

    @Test
    void cancellingARunningJobStopsItAndConcurrentCancelsAgree() throws Exception {
        String id = submit("canceller", "{\"steps\": 2000, \"step_ms\": 10}");
        SseClient.read(base + "api/v1/jobs/" + id + "/events", null, "canceller", e -> e.name().equals("step"));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> cancels = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            cancels.add(() -> cancel("canceller", id).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(cancels)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses, everyItem(is(200)));
        assertThat(awaitState("canceller", id, "CANCELLED", "SUCCEEDED", "FAILED"), is("CANCELLED"));
        List<SseClient.Event> events = stream("canceller", id, null);
        assertNumberedFromOne(events);
        long steps = events.stream().filter(e -> e.name().equals("step")).count();
        assertThat(steps, lessThan(2000L));
        assertThat(events.stream().filter(e -> e.data().contains("CANCELLED")).count(), is(1L));
        String csv = given().header("X-Owner", "canceller").get("/api/v1/jobs/" + id + "/metrics.csv").then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv.lines().count(), is(steps + 1));
        cancel("canceller", id).then().statusCode(200)
                .body("state", is("CANCELLED"));
    }

    @Test
    void queuedJobShowsItsPositionAndCancelsAtOnce() throws Exception {
        String first = submit("queuer", "{\"steps\": 2000, \"step_ms\": 10}");
        String second = submit("queuer", "{\"steps\": 2000, \"step_ms\": 10}");
        awaitState("queuer", first, "RUNNING");
        awaitState("queuer", second, "RUNNING");
        String waiting = submit("queuer", "{\"steps\": 1}");

        job("queuer", waiting).then().body("state", is("QUEUED")).body("queue_position", is(1));
        cancel("queuer", waiting).then().statusCode(200)
                .body("state", is("CANCELLED"));

        cancel("queuer", first).then().statusCode(200);
        cancel("queuer", second).then().statusCode(200);
        awaitState("queuer", first, "CANCELLED");
        awaitState("queuer", second, "CANCELLED");
        given().header("X-Owner", "queuer").get("/api/v1/jobs/" + waiting + "/result").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void twoCpuSlotsRunTwoJobsAtTheSameTime() throws Exception {
        String a = submit("parallel-a", "{\"steps\": 30, \"step_ms\": 20}");
        String b = submit("parallel-b", "{\"steps\": 30, \"step_ms\": 20}");
        awaitState("parallel-a", a, "SUCCEEDED");
        awaitState("parallel-b", b, "SUCCEEDED");

        java.time.Instant aStart = java.time.Instant.parse(job("parallel-a", a).path("started_at"));
        java.time.Instant aEnd = java.time.Instant.parse(job("parallel-a", a).path("finished_at"));
        java.time.Instant bStart = java.time.Instant.parse(job("parallel-b", b).path("started_at"));
        java.time.Instant bEnd = java.time.Instant.parse(job("parallel-b", b).path("finished_at"));
        assertThat("the runs overlap", aStart.isBefore(bEnd) && bStart.isBefore(aEnd), is(true));
    }

    @Test
    void failingJobEndsFailedWithItsReasonAndNoStackTrace() throws Exception {
        String id = submit("failer", "{\"steps\": 3, \"fail\": \"the loss went to infinity\"}");

        assertThat(awaitState("failer", id, "FAILED", "SUCCEEDED"), is("FAILED"));
        job("failer", id).then().body("reason", is("the loss went to infinity"));
        List<SseClient.Event> events = stream("failer", id, null);
        assertThat(events.get(events.size() - 1).data(), org.hamcrest.Matchers.containsString("FAILED"));
        assertThat(events.get(events.size() - 1).data(), not(org.hamcrest.Matchers.containsString("Exception")));
    }

    @Test
    void badSpecsAreAnsweredWithProblemJsonNamingTheField() {
        given().contentType("application/json").body("{\"steps\": 0}").post("/api/v1/jobs?kind=scripted")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("steps")).body("violations[0].value", is("0"));
        given().contentType("application/json").body("{\"steps\": 3, \"priority\": 99}")
                .post("/api/v1/jobs?kind=scripted")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("priority"));
        given().contentType("application/json").post("/api/v1/range-tests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("body"));
        given().contentType("application/json").body("{\"steps\": ").post("/api/v1/trainings")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("[1, 2]").post("/api/v1/comparisons")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anUnknownKindIsABadRequestNamingTheKinds() {
        given().contentType("application/json").body("{\"steps\": 3}").post("/api/v1/jobs?kind=telepathy")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("kind")).body("violations[0].value", is("telepathy"))
                .body("violations[0].rule", org.hamcrest.Matchers.containsString("training"));
    }

    @Test
    void aListLimitThatIsNotAWholeNumberIsABadRequest() {
        for (String limit : List.of("abc", "1e3", "99999999999", "0")) {
            given().get("/api/v1/jobs?limit=" + limit).then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", is("limit"));
        }
    }

    @Test
    void anotherOwnerCannotSeeStreamOrCancelAJob() throws Exception {
        String id = submit("alice", "{\"steps\": 3}");
        awaitState("alice", id, "SUCCEEDED");

        for (String path : List.of("", "/result", "/metrics.csv")) {
            given().header("X-Owner", "bob").get("/api/v1/jobs/" + id + path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        cancel("bob", id).then().statusCode(404);
        given().header("X-Owner", "bob").accept("text/event-stream").get("/api/v1/jobs/" + id + "/events")
                .then().statusCode(404);
        List<String> bobs = given().header("X-Owner", "bob").get("/api/v1/jobs").path("items.id");
        assertThat(bobs, not(hasItem(id)));
        job("alice", id).then().statusCode(200);
    }

    @Test
    void listingFiltersByStateAndKindAndPagesWithACursor() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(submit("lister", "{\"steps\": 1}"));
        }
        for (String id : ids) {
            awaitState("lister", id, "SUCCEEDED");
        }

        Response firstPage = given().header("X-Owner", "lister").get("/api/v1/jobs?limit=2&state=succeeded");
        firstPage.then().statusCode(200).body("items.size()", is(2)).body("next_cursor", notNullValue());
        Response secondPage = given().header("X-Owner", "lister")
                .get("/api/v1/jobs?limit=2&state=SUCCEEDED&cursor=" + firstPage.path("next_cursor"));
        secondPage.then().statusCode(200).body("items.size()", is(1)).body("next_cursor", is((Object) null));
        List<String> listed = new ArrayList<>(firstPage.path("items.id"));
        listed.addAll(secondPage.path("items.id"));
        assertThat(listed, is(List.of(ids.get(2), ids.get(1), ids.get(0))));
        List<String> other = given().header("X-Owner", "lister").get("/api/v1/jobs?kind=training").path("items");
        assertThat(other, is(empty()));
        given().get("/api/v1/jobs?state=DONE").then().statusCode(400).body("violations[0].field", is("state"));
    }

    @Test
    void devicesListTheConfiguredCpuSlots() {
        given().get("/api/v1/devices").then().statusCode(200)
                .body("devices.find { it.name == 'cpu' }.slots", is(2))
                .body("slots", greaterThan(1));
    }

    @Test
    void ownerNameMustBeSimple() {
        given().header("X-Owner", "a b").get("/api/v1/jobs").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aStalledClientDoesNotHoldUpTheJobAndCatchesUpAfterwards() throws Exception {
        String id = submit("stalled", "{\"steps\": 4000, \"step_ms\": 0}");
        java.net.http.HttpResponse<java.io.InputStream> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "api/v1/jobs/" + id + "/events"))
                        .header("X-Owner", "stalled").build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());

        // Nothing is read from the stream while the job runs to its end.
        assertThat(awaitState("stalled", id, "SUCCEEDED", "FAILED"), is("SUCCEEDED"));

        long lastId = 0;
        long ids = 0;
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(response.body(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("id:")) {
                    long next = Long.parseLong(line.substring(3).trim());
                    assertThat(next, is(lastId + 1));
                    lastId = next;
                    ids++;
                }
            }
        }
        assertThat(ids, greaterThan(4000L));
    }

    @Test
    void aQuietStreamGetsKeepAliveComments() throws Exception {
        String id = submit("quiet", "{\"steps\": 2, \"step_ms\": 2500}");
        java.net.http.HttpResponse<java.util.stream.Stream<String>> response = java.net.http.HttpClient
                .newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "api/v1/jobs/"
                        + id + "/events")).header("X-Owner", "quiet").build(),
                        java.net.http.HttpResponse.BodyHandlers.ofLines());

        boolean keptAlive;
        try (var lines = response.body()) {
            keptAlive = lines.anyMatch(line -> line.startsWith(":") && line.contains("keep-alive"));
        }

        assertThat(keptAlive, is(true));
        assertThat(response.headers().firstValue("Content-Type").orElse(""), startsWith("text/event-stream"));
    }

    @Test
    void anOwnerWithTooManyQueuedJobsIsToldToWait() {
        List<String> accepted = new ArrayList<>();
        int status = 202;
        while (status == 202 && accepted.size() < 50) {
            Response r = given().header("X-Owner", "flooder").contentType("application/json")
                    .body("{\"steps\": 1000, \"step_ms\": 10, \"priority\": -10}").post("/api/v1/jobs?kind=scripted");
            status = r.statusCode();
            if (status == 202) {
                accepted.add(r.path("id"));
            } else {
                r.then().statusCode(429).contentType("application/problem+json")
                        .body("detail", org.hamcrest.Matchers.containsString("30"));
            }
        }
        accepted.forEach(id -> cancel("flooder", id));

        assertThat(status, is(429));
        assertThat(accepted.size(), greaterThan(29));
    }

    @Test
    void anUnknownJobIsNotFound() {
        given().get("/api/v1/jobs/no-such-job").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
