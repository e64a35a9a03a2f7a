package org.lracademy.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.lracademy.api.JobCalls.awaitState;
import static org.lracademy.api.JobCalls.job;
import static org.lracademy.api.JobCalls.submit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(JobTimeoutTest.OneSecond.class)
class JobTimeoutTest {

    /** Jobs may run for one second. */
    public static class OneSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("academy.jobs.timeout", "1s");
        }
    }

    @Test
    void aJobRunningPastTheTimeoutIsStoppedAndFailed() throws Exception {
        String id = submit("slow", "{\"steps\": 1000, \"step_ms\": 20}");

        assertThat(awaitState("slow", id, "FAILED", "SUCCEEDED"), is("FAILED"));
        job("slow", id).then().body("reason", is("timed out after 1s"));
        int steps = job("slow", id).path("summary.steps_run");
        assertThat(steps < 1000, is(true));
    }
}
