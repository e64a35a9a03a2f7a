package org.lracademy.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lracademy.spec.InvalidSpecException;

/** The scheduler catalogue and schedule previews: the rate every step would use, without training anything. */
@Path("/api/v1/schedules")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @GET
    public ScheduleCatalogue catalogue() {
        return ScheduleCatalogue.current();
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public SchedulePreviewResponse preview(SchedulePreviewRequest request) {
        if (request == null) {
            throw new InvalidSpecException("body", null,
                    "is required: a JSON object with scheduler, params, base_lr (or base_lrs) and steps");
        }
        SchedulePreviewRequest.Checked checked = request.check();
        return SchedulePreviewResponse.of(checked.schedule(), checked.steps());
    }
}
