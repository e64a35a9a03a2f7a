package org.lracademy.frontend.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Finds the jobs a submission created, whatever form the answer takes. */
public final class SubmittedJobs {

    /** One job created by a submission, with the label the backend gave it (empty when it gave none). */
    public record Job(String id, String label) {
    }

    private SubmittedJobs() {
    }

    /**
     * Jobs from a {@code jobs} list (of ids or of jobs), a {@code job_ids} list, an {@code id}, or else the last
     * segment of the {@code Location} header.
     */
    public static List<Job> jobs(JsonNode answer, String location) {
        List<Job> jobs = new ArrayList<>();
        JsonNode list = answer.has("jobs") ? answer.get("jobs") : answer.path("job_ids");
        for (JsonNode job : list) {
            jobs.add(job.isObject() ? new Job(job.path("id").asText(), job.path("label").asText(""))
                    : new Job(job.asText(), ""));
        }
        if (jobs.isEmpty() && answer.hasNonNull("id")) {
            jobs.add(new Job(answer.get("id").asText(), ""));
        }
        if (jobs.isEmpty() && !location.isBlank()) {
            jobs.add(new Job(location.substring(location.lastIndexOf('/') + 1), ""));
        }
        return jobs;
    }

    /** The ids of {@link #jobs(JsonNode, String)}. */
    public static List<String> ids(JsonNode answer, String location) {
        return jobs(answer, location).stream().map(Job::id).toList();
    }
}
