package org.lracademy.jobs;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One kind of work the job service can run, such as a training or a range test. Each kind checks
 * its own spec and does its own computation; the service does the queueing, placement, events and
 * storage.
 */
public interface JobKind {

    /** The kind's name as stored with each job, for example {@code training} or {@code range-test}. */
    String name();

    /**
     * Checks a submitted spec against the documented limits.
     *
     * @throws org.lracademy.spec.InvalidSpecException naming every bad field
     */
    void validate(JsonNode spec);

    /** Whether the spec can use a GPU slot. */
    default boolean gpuCapable(JsonNode spec) {
        return true;
    }

    /**
     * Runs the job to completion on the current thread and returns its result, a JSON-serialisable
     * object. Stops early, returning what it has, when {@link JobContext#cancelled()} turns true.
     *
     * @param device the device to run on, {@code cpu} or {@code gpu(N)}
     */
    Object run(JsonNode spec, String device, JobContext context) throws Exception;
}
