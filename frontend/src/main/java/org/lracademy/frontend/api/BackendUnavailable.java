package org.lracademy.frontend.api;

/** The backend could not be reached, or failed without saying why. */
public class BackendUnavailable extends RuntimeException {

    public BackendUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
