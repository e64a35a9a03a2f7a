package org.lracademy.api;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A training, queued as a job of kind {@code training}. */
@Path("/api/v1/trainings")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingResource extends SubmitResource {

    @Override
    String kind() {
        return "training";
    }
}
