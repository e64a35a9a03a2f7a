package org.lracademy.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lracademy.spec.InvalidSpecException;

/** The scheduler catalogue and schedule previews: the rate every step would use, without training anything. */
@Path("/api/v1/schedules")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @GET
    @Operation(summary = "Lists every scheduler with its parameters, defaults and limits",
            description = "Parameter names are PyTorch's. Each parameter has a type, a meaning, a default where it "
                    + "has one, a required flag and its limits (min, min_exclusive, max, allowed values); 'limits' "
                    + "gives the preview's hard limits.")
    public ScheduleCatalogue catalogue() {
        return ScheduleCatalogue.current();
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Computes the rate (and momentum, where cycled) that every step of a schedule uses",
            description = "Body: scheduler, params, base_lr or base_lrs (1 to 8 groups, each 0 to 1000) and steps "
                    + "(1 to 100000). lr[i] is the rate of optimiser update i; lr_groups appears with several groups, "
                    + "momentum only where the schedule cycles it, after_end for schedules with a cosine window. "
                    + "Lists in params hold at most 1000 elements; composites at most 8 children. A request that "
                    + "breaks any rule gets 400 application/problem+json naming each field, value and rule.")
    public SchedulePreviewResponse preview(SchedulePreviewRequest request) {
        if (request == null) {
            throw new InvalidSpecException("body", null,
                    "is required: a JSON object with scheduler, params, base_lr (or base_lrs) and steps");
        }
        SchedulePreviewRequest.Checked checked = request.check();
        return SchedulePreviewResponse.of(checked.schedule(), checked.steps());
    }
}
