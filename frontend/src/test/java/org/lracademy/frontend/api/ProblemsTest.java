package org.lracademy.frontend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eachViolationKeepsItsFieldValueAndRule() {
        ApiProblem problem = Problems.parse(json, 400, """
                {"title": "Invalid spec", "detail": "2 fields are invalid", "violations": [
                  {"field": "lrs[1]", "value": -0.1, "rule": "must be > 0"},
                  {"field": "optimizer.name", "value": "sgdd", "rule": "one of sgd, adam"}]}""");
        assertEquals("2 fields are invalid", problem.getMessage());
        assertEquals(List.of(new Violation("lrs[1]", "-0.1", "must be > 0"),
                new Violation("optimizer.name", "sgdd", "one of sgd, adam")), problem.violations());
    }

    @Test
    void aBodyThatIsNotJsonStillGivesAMessage() {
        ApiProblem problem = Problems.parse(json, 404, "<html>");
        assertEquals("The backend refused the request (status 404)", problem.getMessage());
        assertEquals(404, problem.status());
    }

    @Test
    void submittedJobIdsComeFromTheBodyOrElseTheLocation() throws Exception {
        assertEquals(List.of("a", "b"),
                SubmittedJobs.ids(json.readTree("{\"jobs\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}"), ""));
        assertEquals(List.of("x"), SubmittedJobs.ids(json.readTree("{\"job_ids\": [\"x\"]}"), ""));
        assertEquals(List.of("42"), SubmittedJobs.ids(json.createObjectNode(), "/api/v1/jobs/42"));
    }
}
