package org.lracademy.api;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A comparison of learning rates, queued as a job of kind {@code comparison}. */
@Path("/api/v1/comparisons")
@Produces(MediaType.APPLICATION_JSON)
public class ComparisonResource extends SubmitResource {

    @Override
    String kind() {
        return "comparison";
    }
}
