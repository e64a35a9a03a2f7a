package org.lracademy.jobs;

/**
 * What a running job may do besides computing: report events and progress, and learn whether it
 * has been cancelled. Implemented by the job service; one instance per running job.
 */
public interface JobContext {

    /** The job's identifier, for logs. */
    String jobId();

    /**
     * Appends an event to the job's log and streams it to subscribers.
     *
     * @param type one of {@code step}, {@code epoch}, {@code layers} or another documented type
     * @param data a JSON-serialisable object (a record or a map); non-finite numbers must be null
     */
    void emit(String type, Object data);

    /** Progress in [0, 1]; shown while the job runs. */
    void progress(double fraction);

    /** True once the job was cancelled or timed out; the work should stop before its next step. */
    boolean cancelled();
}
