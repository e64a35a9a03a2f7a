package org.lracademy.frontend.api;

import java.util.List;

/** The backend answered with a problem: a refused request, or a missing job or lesson. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final List<Violation> violations;

    public ApiProblem(int status, String message, List<Violation> violations) {
        super(message);
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    public int status() {
        return status;
    }

    public List<Violation> violations() {
        return violations;
    }
}
