package org.lracademy.api;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** An LR range test, queued as a job of kind {@code range-test}. */
@Path("/api/v1/range-tests")
@Produces(MediaType.APPLICATION_JSON)
public class RangeTestResource extends SubmitResource {

    @Override
    String kind() {
        return "range-test";
    }
}
