package org.lracademy.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.lracademy.jobs.JobRecord;
import org.lracademy.jobs.JobService;

/**
 * The answer every submission shares: 202 with the queued job and its {@code Location}. A body may carry
 * {@code priority} (an integer from -10 to 10, default 0, higher starts first) besides the kind's own fields.
 */
@ApplicationScoped
public class Submissions {

    /** The answer to a submission. */
    public record Accepted(String id, String kind, String state, Map<String, String> links) {
    }

    @Inject
    JobService jobs;
    @Inject
    Caller caller;

    Response submit(String kind, JsonNode body) {
        JobRecord job = jobs.submit(kind, caller.owner(), body);
        Accepted accepted = new Accepted(job.id(), job.kind(), job.state().name(), JobView.links(job.id()));
        // A path, not an absolute URL: behind a proxy the host this process sees is not the one the client used.
        return Response.accepted(accepted).header("Location", "/api/v1/jobs/" + job.id()).build();
    }
}
