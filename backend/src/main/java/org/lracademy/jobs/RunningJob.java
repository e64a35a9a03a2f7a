package org.lracademy.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The context of one job running in this process. Events are written to the database first and then handed to
 * the local followers; the job never waits for a client.
 */
final class RunningJob implements JobContext {

    /** How often a job asks the database whether another process cancelled it. */
    private static final long CANCEL_CHECK_MS = 250;
    /** How often the progress shown in the API is written. */
    private static final long PROGRESS_WRITE_MS = 1000;

    final JobRecord job;
    final long startedAt;
    private final long deadline;
    private final JobStore store;
    private final EventHub hub;
    private final ObjectMapper json;
    private final JobMetrics metrics;
    private long seq;
    private volatile boolean cancelRequested;
    private volatile boolean stopping;
    private long lastCancelCheck;
    private long lastProgressWrite;

    RunningJob(JobRecord job, long lastSeq, long timeoutMs, JobStore store, EventHub hub, ObjectMapper json,
            JobMetrics metrics) {
        this.job = job;
        this.seq = lastSeq;
        this.startedAt = System.currentTimeMillis();
        this.deadline = startedAt + timeoutMs;
        this.store = store;
        this.hub = hub;
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    public String jobId() {
        return job.id();
    }

    @Override
    public synchronized void emit(String type, Object data) {
        String text;
        try {
            text = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data of type " + type + " is not serialisable to JSON", e);
        }
        seq++;
        store.append(job.id(), seq, type, text);
        hub.publish(job.id(), new StoredEvent(seq, type, text));
        if ("step".equals(type)) {
            metrics.step(job.kind());
        }
    }

    @Override
    public void progress(double fraction) {
        long now = System.currentTimeMillis();
        if (now - lastProgressWrite >= PROGRESS_WRITE_MS) {
            lastProgressWrite = now;
            store.progress(job.id(), Math.max(0, Math.min(1, fraction)));
        }
    }

    @Override
    public boolean cancelled() {
        if (cancelRequested || stopping || timedOut()) {
            return true;
        }
        long now = System.currentTimeMillis();
        if (now - lastCancelCheck >= CANCEL_CHECK_MS) {
            lastCancelCheck = now;
            cancelRequested = store.cancelRequested(job.id());
        }
        return cancelRequested;
    }

    void cancel() {
        cancelRequested = true;
    }

    /** The process is shutting down: stop, and go back to the queue. */
    void stop() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    boolean timedOut() {
        return System.currentTimeMillis() > deadline;
    }
}
