package org.lracademy.jobs;

/** No bean implements the requested kind of work in this build; answered 503. */
public class KindUnavailableException extends RuntimeException {

    public KindUnavailableException(String message) {
        super(message);
    }
}
