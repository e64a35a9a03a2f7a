package org.lracademy.frontend.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Finds the ids of the jobs a submission created, whatever form the answer takes. */
public final class SubmittedJobs {

    private SubmittedJobs() {
    }

    /**
     * Ids from a {@code jobs} list (of ids or of jobs), a {@code job_ids} list, an {@code id}, or else the last
     * segment of the {@code Location} header.
     */
    public static List<String> ids(JsonNode answer, String location) {
        List<String> ids = new ArrayList<>();
        JsonNode list = answer.has("jobs") ? answer.get("jobs") : answer.path("job_ids");
        for (JsonNode job : list) {
            ids.add(job.isObject() ? job.path("id").asText() : job.asText());
        }
        if (ids.isEmpty() && answer.hasNonNull("id")) {
            ids.add(answer.get("id").asText());
        }
        if (ids.isEmpty() && !location.isBlank()) {
            ids.add(location.substring(location.lastIndexOf('/') + 1));
        }
        return ids;
    }
}
