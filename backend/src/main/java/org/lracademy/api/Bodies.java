package org.lracademy.api;

import org.lracademy.spec.InvalidSpecException;

/** Checks shared by resources that take a JSON body. */
final class Bodies {

    private Bodies() {
    }

    /** The body itself; an empty body is a bad request, not a missing object deep inside a service. */
    static <T> T required(T body) {
        if (body == null) {
            throw new InvalidSpecException("body", null, "is required: send a JSON object");
        }
        return body;
    }
}
