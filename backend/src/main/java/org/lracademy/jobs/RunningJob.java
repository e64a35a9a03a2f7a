package org.lracademy.jobs;

import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The context of one job running in this process. Events are written to the database first and then handed to
 * the local followers; the job never waits for a client. Events are written in batches: a batch goes out when it
 * is {@value #BATCH} events long or its oldest event is {@value #FLUSH_MS} ms old (the dispatcher looks every
 * few milliseconds), and before the job ends. A step thus costs no database round trip of its own, and an event
 * reaches the followers at most {@value #FLUSH_MS} ms after it happened.
 */
final class RunningJob implements JobContext {

    /** How often a job asks the database whether another process cancelled it. */
    private static final long CANCEL_CHECK_MS = 250;
    /** Most events written together. */
    static final int BATCH = 256;
    /** Longest an event waits to be written. */
    static final long FLUSH_MS = 50;
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
    private final List<StoredEvent> pending = new ArrayList<>();
    private long oldestPending;

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
        if (pending.isEmpty()) {
            oldestPending = System.currentTimeMillis();
        }
        pending.add(new StoredEvent(seq, type, text));
        if ("step".equals(type)) {
            metrics.step(job.kind());
        }
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    /** Writes the waiting events if the oldest has waited long enough. */
    synchronized void flushIfDue() {
        if (!pending.isEmpty() && System.currentTimeMillis() - oldestPending >= FLUSH_MS) {
            flush();
        }
    }

    /** Writes the waiting events, then hands them to the followers. */
    synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        store.appendAll(job.id(), pending);
        pending.forEach(event -> hub.publish(job.id(), event));
        pending.clear();
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
