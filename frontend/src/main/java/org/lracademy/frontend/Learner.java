package org.lracademy.frontend;

import com.vaadin.flow.server.VaadinSession;
import java.util.UUID;

/** The learner behind a browser session; the backend keeps each learner's jobs apart by this id. */
public final class Learner {

    private static final String ATTRIBUTE = "academy.owner";

    private Learner() {
    }

    /** The owner id of the current session, made on first use. Call it from the UI thread. */
    public static String owner() {
        VaadinSession session = VaadinSession.getCurrent();
        Object id = session.getAttribute(ATTRIBUTE);
        if (id == null) {
            id = "learner-" + UUID.randomUUID();
            session.setAttribute(ATTRIBUTE, id);
        }
        return id.toString();
    }
}
