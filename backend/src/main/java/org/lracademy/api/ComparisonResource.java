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
 * A comparison: the same training once per combination of values of some settings ({@code lrs}, {@code dropouts},
 * {@code inits}, {@code batch_norms}), queued as one training job per combination. All of them are queued, or none.
 */
@Path("/api/v1/comparisons")
@Produces(MediaType.APPLICATION_JSON)
public class ComparisonResource {

    /** The answer: the comparison's id, the lists it varies and its jobs, one per combination of values. */
    public record Accepted(String id, String kind, List<String> varies, List<Member> jobs) {
    }

    /** One run of the comparison: its job, its label and the value it takes from each list. */
    public record Member(String id, int index, String label, JsonNode values, String state,
            java.util.Map<String, String> links) {
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
    @Operation(summary = "Queues one training per combination of values of lrs, dropouts, inits and batch_norms",
            description = "Body: a training body plus one or more lists (lrs, dropouts, inits, batch_norms) whose "
                    + "combinations make at most 8 runs. Answer 202 with each job and its label; Location names the "
                    + "first. Each job's spec carries label and comparison {id, index, values}; its events and "
                    + "result are those of a training.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "202",
            description = "Every run queued; the body lists the jobs")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "400",
            description = "The body breaks a rule: problem+json naming each field, a value by its place in its list")
    public Response submit(JsonNode body) {
        Comparisons.Plan plan = comparisons.plan(Bodies.required(body));
        List<Member> members = new ArrayList<>();
        try {
            for (Comparisons.Run run : plan.runs()) {
                JobRecord job = jobs.submit("training", caller.owner(), run.spec());
                members.add(new Member(job.id(), run.index(), run.label(), run.values(), job.state().name(),
                        JobView.links(job.id())));
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
