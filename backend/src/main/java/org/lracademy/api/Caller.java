package org.lracademy.api;

import jakarta.enterprise.context.RequestScoped;

/** Who makes the current request: the owner named by the API key, or by {@code X-Owner} when keys are off. */
@RequestScoped
public class Caller {

    static final String ANONYMOUS = "anonymous";

    private String owner = ANONYMOUS;

    public String owner() {
        return owner;
    }

    void owner(String owner) {
        this.owner = owner;
    }
}
