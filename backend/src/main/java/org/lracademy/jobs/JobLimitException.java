package org.lracademy.jobs;

/** An owner already has as many jobs queued as allowed; answered 429. */
public class JobLimitException extends RuntimeException {

    public JobLimitException(String message) {
        super(message);
    }
}
