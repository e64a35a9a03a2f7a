package org.lracademy.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.lracademy.api.SseClient;

/**
 * One API process and two worker processes share a PostgreSQL server: every job runs exactly once, and the API
 * process streams events written by the workers.
 */
class ScaleOutIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoWorkersRunTwentyJobsEachExactlyOnceAndTheApiStreamsThem() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Map<String, String> db = Map.of("academy.db.url", postgres.getJdbcUrl("postgres", "postgres"),
                    "academy.db.username", "postgres", "academy.db.password", "postgres");
            try (AppProcess api = AppProcess.start("api", with(db, "academy.mode", "api"));
                    AppProcess w1 = AppProcess.start("worker-1", with(with(db, "academy.mode", "worker"),
                            "academy.worker-id", "worker-1"));
                    AppProcess w2 = AppProcess.start("worker-2", with(with(db, "academy.mode", "worker"),
                            "academy.worker-id", "worker-2"))) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    var accepted = api.post("/api/v1/jobs?kind=sleep", "{\"steps\": 10, \"step_ms\": 30}");
                    assertThat(accepted.body(), accepted.statusCode(), is(202));
                    ids.add(JSON.readTree(accepted.body()).get("id").asText());
                }

                List<SseClient.Event> streamed = SseClient.read(api.url("/api/v1/jobs/" + ids.get(19) + "/events"),
                        null, null, e -> false);

                Map<String, Integer> byWorker = new HashMap<>();
                for (String id : ids) {
                    JsonNode job = RestartIT.awaitFinal(api, id);
                    assertThat(job.toString(), job.get("state").asText(), is("SUCCEEDED"));
                    assertThat(job.get("attempts").asInt(), is(1));
                    byWorker.merge(job.get("worker").asText(), 1, Integer::sum);
                }
                String logs = w1.logText() + w2.logText();
                for (String id : ids) {
                    assertThat(id, count(logs, "Job " + id + " \\(sleep, owner anonymous\\) started"), is(1));
                }
                assertThat(byWorker.toString(), byWorker.getOrDefault("worker-1", 0), greaterThan(0));
                assertThat(byWorker.toString(), byWorker.getOrDefault("worker-2", 0), greaterThan(0));
                assertThat(streamed.stream().map(SseClient.Event::id).toList(),
                        is(LongStream.rangeClosed(1, streamed.size()).boxed().toList()));
                assertThat(streamed.stream().filter(e -> e.name().equals("step")).count(), is(10L));
                JsonNode devices = JSON.readTree(api.get("/api/v1/devices").body());
                assertThat(devices.toString(), devices.get("slots").asInt(), is(2));
            }
        }
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> more = new HashMap<>(settings);
        more.put(key, value);
        return more;
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
