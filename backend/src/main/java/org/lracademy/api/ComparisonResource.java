package org.lracademy.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lracademy.jobs.JobRecord;
import org.lracademy.jobs.JobService;
import org.lracademy.kinds.Comparisons;

/**
 * A comparison: the same training once per value of one setting ({@code lrs}, {@code dropouts}, {@code inits} or
 * {@code batch_norms}), queued as one training job per value. All of them are queued, or none.
 */
@Path("/api/v1/comparisons")
@Produces(MediaType.APPLICATION_JSON)
public class ComparisonResource {

    /** The answer: the comparison's id, the setting it varies and its jobs in the order of the values. */
    public record Accepted(String id, String kind, String varies, List<Member> jobs) {
    }

    /** One run of the comparison. */
    public record Member(String id, int index, JsonNode value, String state, java.util.Map<String, String> links) {
    }

    @Inject
    Comparisons comparisons;
    @Inject
    JobService jobs;
    @Inject
    Caller caller;

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queues one training per value of lrs, dropouts, inits or batch_norms",
            description = "Body: a training body plus one list of 1 to 8 values. Answer 202 with each job; "
                    + "Location names the first. Each job's spec carries label and comparison {id, index, varies, "
                    + "value}; its events and result are those of a training.")
    public Response submit(JsonNode body) {
        Comparisons.Plan plan = comparisons.plan(Bodies.required(body));
        List<Member> members = new ArrayList<>();
        try {
            for (Comparisons.Run run : plan.runs()) {
                JobRecord job = jobs.submit("training", caller.owner(), run.spec());
                members.add(new Member(job.id(), run.index(), run.value(), job.state().name(), JobView.links(job.id())));
            }
        } catch (RuntimeException e) {
            // All or nothing: a refusal part-way (the owner's queue is full) withdraws the runs already queued.
            members.forEach(m -> jobs.cancel(m.id(), caller.owner()));
            throw e;
        }
        return Response.accepted(new Accepted(plan.id(), "comparison", plan.varies(), members))
                .header("Location", "/api/v1/jobs/" + members.get(0).id()).build();
    }
}
