package org.lracademy.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.lracademy.api.JobCalls.awaitState;
import static org.lracademy.api.JobCalls.cancel;
import static org.lracademy.api.JobCalls.job;
import static org.lracademy.api.JobCalls.submit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The job API with its store on PostgreSQL instead of the embedded H2 file. */
@QuarkusTest
@TestProfile(JobApiOnPostgresTest.OnPostgres.class)
class JobApiOnPostgresTest {

    /** Runs the app against the server {@link PostgresResource} starts. */
    public static class OnPostgres implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresResource.class));
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void jobRunsAndStreamsEveryEventAndResumesWithoutGap() throws Exception {
        String id = submit("pg", "{\"steps\": 30, \"step_ms\": 10}");

        List<SseClient.Event> first = SseClient.read(base + "api/v1/jobs/" + id + "/events", null, "pg",
                e -> e.id() == 7);
        List<SseClient.Event> rest = SseClient.read(base + "api/v1/jobs/" + id + "/events", "7", "pg", e -> false);

        List<SseClient.Event> all = new ArrayList<>(first);
        all.addAll(rest);
        assertThat(all.stream().map(SseClient.Event::id).toList(),
                is(LongStream.rangeClosed(1, all.size()).boxed().toList()));
        assertThat(all.stream().filter(e -> e.name().equals("step")).count(), is(30L));
        job("pg", id).then().body("state", is("SUCCEEDED")).body("summary.steps_run", is(30));
    }

    @Test
    void cancellingARunningJobEndsItCancelled() throws Exception {
        String id = submit("pg", "{\"steps\": 2000, \"step_ms\": 10}");
        awaitState("pg", id, "RUNNING");

        cancel("pg", id).then().statusCode(200);

        assertThat(awaitState("pg", id, "CANCELLED", "SUCCEEDED"), is("CANCELLED"));
        given().header("X-Owner", "other").get("/api/v1/jobs/" + id).then().statusCode(404);
    }
}
