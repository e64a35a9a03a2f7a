package org.lracademy.frontend.present;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One job as the runs page lists it.
 *
 * @param progress done fraction between 0 and 1 (the API says percent)
 * @param queuePosition 1 for the next job to start; 0 when not queued
 */
public record JobSummary(String id, String kind, String state, double progress, int queuePosition, String created,
        String reason) {

    public static JobSummary of(JsonNode job) {
        return new JobSummary(job.path("id").asText(), job.path("kind").asText(job.path("type").asText("job")),
                job.path("state").asText("QUEUED"), progress(job),
                job.path("queue_position").asInt(job.path("queuePosition").asInt(0)),
                job.path("created_at").asText(""),
                job.path("reason").asText(job.path("failure").asText("")));
    }

    /** The jobs of a listing, whether it is a bare array or a page with {@code items}, {@code jobs} or content. */
    public static List<JobSummary> list(JsonNode answer) {
        JsonNode items = answer.isArray() ? answer
                : answer.has("items") ? answer.get("items")
                : answer.has("jobs") ? answer.get("jobs") : answer.path("content");
        List<JobSummary> jobs = new ArrayList<>();
        items.forEach(job -> jobs.add(of(job)));
        return jobs;
    }

    /** The submission's time of day, e.g. {@code 14:02:51}, from the ISO instant the API gives. */
    public String submittedAt() {
        return created.length() >= 19 && created.charAt(10) == 'T' ? created.substring(11, 19) : created;
    }

    public boolean finished() {
        return state.equals("SUCCEEDED") || state.equals("FAILED") || state.equals("CANCELLED");
    }

    /** State in words, with the queue position while waiting. */
    public String stateWords() {
        if (state.equals("QUEUED") && queuePosition > 0) {
            return "queued, number " + queuePosition + " in line";
        }
        String words = state.toLowerCase(java.util.Locale.ROOT);
        return reason.isBlank() ? words : words + ": " + reason;
    }

    private static double progress(JsonNode job) {
        JsonNode p = job.path("progress");
        double value;
        if (p.isObject()) {
            double total = p.path("total").asDouble(0);
            value = total > 0 ? p.path("step").asDouble(p.path("done").asDouble(0)) / total : p.path("fraction")
                    .asDouble(0);
        } else {
            value = p.asDouble(0) / 100;
        }
        if (job.path("state").asText().equals("SUCCEEDED")) {
            value = 1;
        }
        return Math.max(0, Math.min(1, value));
    }
}
