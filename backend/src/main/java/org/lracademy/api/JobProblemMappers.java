package org.lracademy.api;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lracademy.jobs.JobLimitException;
import org.lracademy.jobs.KindUnavailableException;

/** The job service's own refusals as {@code application/problem+json}. */
public class JobProblemMappers {

    @ServerExceptionMapper
    public Response tooMany(JobLimitException e) {
        return Problem.of(Response.Status.TOO_MANY_REQUESTS, "too-many-jobs", e.getMessage(), null).toResponse();
    }

    @ServerExceptionMapper
    public Response unavailable(KindUnavailableException e) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "kind-unavailable", e.getMessage(), null)
                .toResponse();
    }
}
