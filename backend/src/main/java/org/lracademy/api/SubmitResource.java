package org.lracademy.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * One submission endpoint per kind of work, each at its own path so that other resources may sit below it
 * (such as {@code /range-tests/analysis}).
 */
public abstract class SubmitResource {

    @Inject
    Submissions submissions;

    /** The kind of job this endpoint queues. */
    abstract String kind();

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "Queued; Location names the job, GET it or stream its events")
    @APIResponse(responseCode = "400", description = "The spec breaks a rule: problem+json naming each field")
    @APIResponse(responseCode = "429", description = "The owner has the most queued jobs allowed")
    public Response submit(JsonNode body) {
        return submissions.submit(kind(), body);
    }
}
