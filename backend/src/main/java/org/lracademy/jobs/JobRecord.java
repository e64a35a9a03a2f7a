package org.lracademy.jobs;

/**
 * One stored job as the database holds it. JSON columns stay text here; the API layer parses them.
 *
 * @param progress fraction in [0, 1]
 * @param attempts how many times a worker started the job
 */
public record JobRecord(String id, String kind, String owner, JobState state, int priority, boolean gpuCapable,
        String spec, long createdAt, Long startedAt, Long finishedAt, String worker, String device, int attempts,
        double progress, boolean cancelRequested, String reason, String result, String summary) {
}
