package org.lracademy.frontend.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

/** The backend's REST API as far as the course pages use it. Every call names its owner. */
@RegisterRestClient(configKey = "backend")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface BackendApi {

    String OWNER = "X-Owner";

    @GET
    @Path("/lessons")
    List<LessonSummary> lessons(@HeaderParam(OWNER) String owner);

    @GET
    @Path("/lessons/{slug}")
    Lesson lesson(@HeaderParam(OWNER) String owner, @PathParam("slug") String slug);

    @GET
    @Path("/schedules")
    JsonNode schedules(@HeaderParam(OWNER) String owner);

    @POST
    @Path("/schedules/preview")
    JsonNode preview(@HeaderParam(OWNER) String owner, JsonNode body);

    @POST
    @Path("/curves/diagnosis")
    JsonNode diagnosis(@HeaderParam(OWNER) String owner, JsonNode body);

    /** Submits a job of one kind: {@code trainings}, {@code range-tests} or {@code comparisons}. */
    @POST
    @Path("/{kind}")
    Response submit(@HeaderParam(OWNER) String owner, @PathParam("kind") String kind, JsonNode body);

    @GET
    @Path("/jobs")
    JsonNode jobs(@HeaderParam(OWNER) String owner);

    @GET
    @Path("/jobs/{id}")
    JsonNode job(@HeaderParam(OWNER) String owner, @PathParam("id") String id);

    @GET
    @Path("/jobs/{id}/result")
    JsonNode result(@HeaderParam(OWNER) String owner, @PathParam("id") String id);

    @GET
    @Path("/jobs/{id}/metrics.csv")
    @Produces("text/csv")
    String metricsCsv(@HeaderParam(OWNER) String owner, @PathParam("id") String id);

    @DELETE
    @Path("/jobs/{id}")
    void cancel(@HeaderParam(OWNER) String owner, @PathParam("id") String id);

    @GET
    @Path("/jobs/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> events(@HeaderParam(OWNER) String owner, @PathParam("id") String id,
            @HeaderParam("Last-Event-ID") String lastEventId);
}
