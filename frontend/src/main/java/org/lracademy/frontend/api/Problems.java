package org.lracademy.frontend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reads an {@code application/problem+json} answer. */
public final class Problems {

    private Problems() {
    }

    public static ApiProblem parse(ObjectMapper json, int status, String body) {
        JsonNode problem;
        try {
            problem = json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (java.io.IOException e) {
            return new ApiProblem(status, "The backend refused the request (status " + status + ")", List.of());
        }
        List<Violation> violations = new ArrayList<>();
        for (JsonNode v : problem.path("violations")) {
            JsonNode value = v.path("value");
            violations.add(new Violation(v.path("field").asText(""),
                    value.isTextual() ? value.asText() : value.toString(), v.path("rule").asText("")));
        }
        String message = problem.path("detail").asText(problem.path("title").asText(""));
        if (message.isBlank()) {
            message = "The backend refused the request (status " + status + ")";
        }
        return new ApiProblem(status, message, violations);
    }
}
