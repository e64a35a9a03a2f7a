package org.lracademy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.lracademy.spec.Violation;

/**
 * An RFC 9457 problem document, the body of every error this API returns.
 *
 * @param violations for validation failures, each bad field with its value and rule
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(Response.Status status, String slug, String detail, List<Violation> violations) {
        return new Problem("/problems/" + slug, status.getReasonPhrase(), status.getStatusCode(), detail, null,
                violations);
    }

    Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
