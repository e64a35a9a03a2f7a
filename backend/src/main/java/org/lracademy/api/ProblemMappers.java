package org.lracademy.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lracademy.spec.InvalidSpecException;
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

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = path(e);
        List<String> known = e.getKnownPropertyIds() == null ? List.of()
                : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
        String rule = "is not a known field"
                + (known.isEmpty() ? "" : "; known fields here: " + String.join(", ", known));
        return badJson(Violation.of(field, e.getPropertyName(), rule));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        String field = path(e);
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        Object value = e instanceof InvalidFormatException f ? f.getValue() : null;
        return badJson(Violation.of(field.isEmpty() ? "body" : field, value, "must be " + expected));
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return badJson(Violation.of("body", null, "must be well-formed JSON; parsing failed" + where
                + ": " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m) : "";
        return badJson(Violation.of(field.isEmpty() ? "body" : field, null,
                "could not be read: " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // The JSON reader reports a body it cannot parse as a plain 400 with the parser's exception as cause.
        if (e.getCause() instanceof JsonParseException parse) {
            return malformed(parse);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return otherJson(json);
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

    /** The dotted path of the field Jackson was reading, for example {@code params.T_max} or {@code lrs[2]}. */
    static String path(JsonMappingException e) {
        return e.getPath().stream().map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName()
                : "[" + ref.getIndex() + "]").collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String describe(Class<?> type) {
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "a JSON object";
    }
}
