package org.lracademy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lracademy.jobs.JobRecord;
import org.lracademy.jobs.JobState;

/**
 * A job as the API shows it.
 *
 * @param progress       percent done, 0 to 100
 * @param queuePosition  while queued: 1 for the job that starts next (fairness between owners aside)
 * @param reason         why a job failed or was cancelled; the failure's message, never a stack trace
 * @param summary        the result's top-level numbers and strings, once the job has a result
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(String id, String kind, String owner, JobState state, int priority, double progress,
        @JsonProperty("queue_position") Long queuePosition, String device, String worker, int attempts,
        @JsonProperty("cancel_requested") boolean cancelRequested, @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("started_at") Instant startedAt, @JsonProperty("finished_at") Instant finishedAt,
        String reason, JsonNode spec, JsonNode summary, Map<String, String> links) {

    static JobView of(JobRecord job, Long queuePosition, JsonNode spec, JsonNode summary) {
        return new JobView(job.id(), job.kind(), job.owner(), job.state(), job.priority(),
                Math.round(job.progress() * 1000) / 10.0, queuePosition, job.device(), job.worker(), job.attempts(),
                job.cancelRequested() && !job.state().isFinal(), instant(job.createdAt()), instant(job.startedAt()),
                instant(job.finishedAt()), job.reason(), spec, summary, links(job.id()));
    }

    static Map<String, String> links(String id) {
        String self = "/api/v1/jobs/" + id;
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", self);
        links.put("events", self + "/events");
        links.put("result", self + "/result");
        links.put("metrics_csv", self + "/metrics.csv");
        return links;
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
