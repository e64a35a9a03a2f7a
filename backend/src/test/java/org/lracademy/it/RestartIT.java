package org.lracademy.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.lracademy.api.SseClient;

/**
 * Kills the packaged app with SIGKILL in the middle of a job, twice, on its H2 file. The first interruption
 * requeues the job; the second ends it {@code FAILED} with reason {@code interrupted}. No event is lost.
 */
class RestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aJobInterruptedByACrashIsRequeuedOnceThenFailedAndKeepsEveryEvent() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("academy.it-dir",
                "target/it-data"))), "restart");
        Map<String, String> settings = Map.of("academy.data-dir", dataDir.toString());

        String id;
        List<SseClient.Event> beforeFirstCrash;
        try (AppProcess app = AppProcess.start("restart-1", settings)) {
            var accepted = app.post("/api/v1/jobs?kind=sleep", "{\"steps\": 400, \"step_ms\": 50}");
            assertThat(accepted.body(), accepted.statusCode(), is(202));
            id = JSON.readTree(accepted.body()).get("id").asText();
            beforeFirstCrash = SseClient.read(app.url("/api/v1/jobs/" + id + "/events"), null, null,
                    e -> e.id() >= 12);
            app.kill();
        }

        List<SseClient.Event> beforeSecondCrash;
        try (AppProcess app = AppProcess.start("restart-2", settings)) {
            JsonNode job = JSON.readTree(app.get("/api/v1/jobs/" + id).body());
            assertThat(job.toString(), job.get("attempts").asInt() >= 1, is(true));
            beforeSecondCrash = SseClient.read(app.url("/api/v1/jobs/" + id + "/events"), null, null,
                    e -> e.data().contains("requeued"));
            SseClient.read(app.url("/api/v1/jobs/" + id + "/events"), String.valueOf(beforeSecondCrash.size()),
                    null, e -> e.name().equals("step"));
            assertThat(JSON.readTree(app.get("/api/v1/jobs/" + id).body()).get("attempts").asInt(), is(2));
            app.kill();
        }

        try (AppProcess app = AppProcess.start("restart-3", settings)) {
            JsonNode job = awaitFinal(app, id);
            assertThat(job.toString(), job.get("state").asText(), is("FAILED"));
            assertThat(job.get("reason").asText(), is("interrupted"));

            List<SseClient.Event> all = SseClient.read(app.url("/api/v1/jobs/" + id + "/events"), null, null,
                    e -> false);
            assertThat(all.stream().map(SseClient.Event::id).toList(),
                    is(LongStream.rangeClosed(1, all.size()).boxed().toList()));
            assertThat(all.subList(0, beforeFirstCrash.size()), is(beforeFirstCrash));
            assertThat(all.subList(0, beforeSecondCrash.size()), is(beforeSecondCrash));
            assertThat(all.get(all.size() - 1).data(), containsString("interrupted"));
            assertThat(all.stream().filter(e -> e.data().contains("RUNNING")).count(), is(2L));
        }
    }

    static JsonNode awaitFinal(AppProcess app, String id) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode job = JSON.readTree(app.get("/api/v1/jobs/" + id).body());
            if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.get("state").asText())) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not end; log:\n" + app.tail());
    }
}
