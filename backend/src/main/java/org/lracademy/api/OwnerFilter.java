package org.lracademy.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.lracademy.spec.Violation;

/**
 * Names the owner of every {@code /api/v1} request. With {@code academy.api-keys} set (pairs {@code key=owner},
 * comma-separated), a request needs a known {@code X-API-Key} and gets 401 otherwise. With keys off, the owner is
 * {@code anonymous} unless an {@code X-Owner} header names one, as the course site does per browser session.
 */
public class OwnerFilter {

    static final String KEY_HEADER = "X-API-Key";
    static final String OWNER_HEADER = "X-Owner";
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final Map<String, String> ownersByKey = new HashMap<>();

    @Inject
    Caller caller;

    OwnerFilter(@ConfigProperty(name = "academy.api-keys") Optional<String> keys) {
        for (String pair : keys.orElse("").split(",")) {
            int eq = pair.indexOf('=');
            if (!pair.isBlank()) {
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw new IllegalArgumentException("academy.api-keys must list key=owner pairs separated by"
                            + " commas; one entry has no owner or no key");
                }
                ownersByKey.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
    }

    @ServerRequestFilter
    public Optional<Response> identify(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        if (!ownersByKey.isEmpty()) {
            String owner = ownersByKey.get(String.valueOf(request.getHeaderString(KEY_HEADER)));
            if (owner == null) {
                return Optional.of(Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", "A valid " + KEY_HEADER
                        + " header is required", null).toResponse());
            }
            caller.owner(owner);
            return Optional.empty();
        }
        String named = request.getHeaderString(OWNER_HEADER);
        if (named != null) {
            if (!OWNER.matcher(named).matches()) {
                return Optional.of(Problem.of(Response.Status.BAD_REQUEST, "invalid-request", OWNER_HEADER
                        + " is not a valid owner name", List.of(Violation.of(OWNER_HEADER, named,
                                "must be 1 to 64 letters, digits or . _ @ -"))).toResponse());
            }
            caller.owner(named);
        }
        return Optional.empty();
    }
}
