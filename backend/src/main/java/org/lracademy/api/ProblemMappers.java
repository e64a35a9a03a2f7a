package org.lracademy.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lracademy.spec.InvalidSpecException;
import org.lracademy.spec.JsonProblems;
import org.lracademy.spec.Violation;

/**
 * Turns every exception that reaches the HTTP layer into {@code application/problem+json}. No stack
 * trace and no internal message reaches a client; unexpected failures are logged here, once.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidSpec(InvalidSpecException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "invalid-request",
                "The request breaks " + e.violations().size() + " rule(s); see violations.", e.violations())
                .toResponse();
    }

    /** Any JSON that cannot be read: malformed, of the wrong shape, or with an unknown field. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return badJson(JsonProblems.violation(e));
    }

    // The framework has mappers of its own for these; a mapper for the exact type takes precedence over them.

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // The JSON reader reports a body it cannot parse as a plain 400 with the parser's exception as cause.
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.BAD_REQUEST;
        }
        if (status.getStatusCode() >= 500) {
            LOG.errorf(e, "Request failed with %d", status.getStatusCode());
            return Problem.of(status, "server-error", "The server failed to answer; the failure is logged.", null)
                    .toResponse();
        }
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return Problem.of(status, slug, e.getMessage(), null).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected failure while answering a request", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "server-error",
                "The server failed to answer; the failure is logged.", null).toResponse();
    }

    /**
     * A library that cannot be loaded, most often the native deep-learning engine: the service stays up and says
     * so, rather than answering with the server's bare error page.
     */
    @ServerExceptionMapper
    public Response unloadable(LinkageError e) {
        LOG.error("A library could not be loaded while answering a request", e);
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "engine-unavailable",
                "The training engine could not be loaded on this server; the failure is logged.", null).toResponse();
    }

    private static Response badJson(Violation violation) {
        return Problem.of(Response.Status.BAD_REQUEST, "invalid-json", violation.field() + " " + violation.rule(),
                List.of(violation)).toResponse();
    }
}
