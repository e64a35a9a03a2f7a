package org.lracademy.frontend.present;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JobSummaryTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aQueuedJobSaysItsPlaceInLine() throws Exception {
        JobSummary job = JobSummary.of(json.readTree("{\"id\": \"j1\", \"kind\": \"training\", \"state\": \"QUEUED\","
                + " \"queue_position\": 3}"));
        assertEquals("queued, number 3 in line", job.stateWords());
        assertEquals(0, job.progress(), 0);
    }

    @Test
    void progressIsReadAsStepsOfATotalOrAsAPercentage() throws Exception {
        assertEquals(0.25, JobSummary.of(json.readTree("{\"state\": \"RUNNING\", \"progress\": {\"step\": 50,"
                + " \"total\": 200}}")).progress(), 1e-12);
        assertEquals(0.4, JobSummary.of(json.readTree("{\"state\": \"RUNNING\", \"progress\": 40}")).progress(), 1e-12);
        assertEquals(1, JobSummary.of(json.readTree("{\"state\": \"SUCCEEDED\"}")).progress(), 0);
    }

    @Test
    void aJobJustStartedIsNotReadAsHalfDone() throws Exception {
        assertEquals(0.005, JobSummary.of(json.readTree("{\"state\": \"RUNNING\", \"progress\": 0.5}")).progress(),
                1e-12);
    }

    @Test
    void aFailedJobSaysWhy() throws Exception {
        JobSummary job = JobSummary.of(json.readTree("{\"state\": \"FAILED\", \"reason\": \"loss became NaN\"}"));
        assertEquals("failed: loss became NaN", job.stateWords());
    }

    @Test
    void aPagedListingAndABareArrayBothListTheirJobs() throws Exception {
        assertEquals(2, JobSummary.list(json.readTree("{\"items\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}")).size());
        assertEquals("b", JobSummary.list(json.readTree("[{\"id\": \"a\"}, {\"id\": \"b\"}]")).get(1).id());
    }
}
