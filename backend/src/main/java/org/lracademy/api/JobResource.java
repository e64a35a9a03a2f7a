package org.lracademy.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.lracademy.jobs.JobRecord;
import org.lracademy.jobs.JobService;
import org.lracademy.jobs.JobState;
import org.lracademy.spec.Checks;
import org.lracademy.spec.InvalidSpecException;

/** The caller's jobs: list, state, result, per-step CSV, live events and cancellation. */
@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class JobResource {

    /** One page of jobs; pass {@code next_cursor} as {@code cursor} for the next page, absent on the last. */
    public record Page(List<JobView> items, @com.fasterxml.jackson.annotation.JsonProperty("next_cursor")
            String nextCursor) {
    }

    static final int MAX_LIMIT = 200;

    @Inject
    JobService jobs;
    @Inject
    Caller caller;
    @Inject
    EventStreams streams;
    @Inject
    Submissions submissions;

    /** Any installed kind by name, including the demo kind {@code sleep} where enabled. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@QueryParam("kind") String kind, JsonNode body) {
        if (kind == null || kind.isBlank()) {
            throw new InvalidSpecException("kind", kind,
                    "is required as a query parameter, for example ?kind=training");
        }
        return submissions.submit(kind, body);
    }

    @GET
    public Page list(@QueryParam("state") String state, @QueryParam("kind") String kind,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Checks checks = new Checks();
        JobState wanted = null;
        if (state != null) {
            try {
                wanted = JobState.valueOf(state.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                checks.require(false, "state", state, "must be one of " + List.of(JobState.values()));
            }
        }
        int size = 50;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.trim());
                checks.intWithin(size, "limit", 1, MAX_LIMIT);
            } catch (NumberFormatException e) {
                checks.require(false, "limit", limit, "must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        Object[] after = cursor == null ? null : decodeCursor(cursor, checks);
        checks.throwIfAny();
        List<JobRecord> found = jobs.list(caller.owner(), wanted, kind, after, size + 1);
        List<JobView> items = found.stream().limit(size).map(j -> view(j, false)).toList();
        JobRecord last = found.size() > size ? found.get(size - 1) : null;
        return new Page(items, last == null ? null : encodeCursor(last));
    }

    @GET
    @Path("/{id}")
    public JobView get(@PathParam("id") String id) {
        return view(jobs.get(id, caller.owner()), true);
    }

    @DELETE
    @Path("/{id}")
    public JobView cancel(@PathParam("id") String id) {
        return view(jobs.cancel(id, caller.owner()), true);
    }

    @GET
    @Path("/{id}/result")
    public JsonNode result(@PathParam("id") String id) {
        JobRecord job = jobs.get(id, caller.owner());
        if (job.result() == null) {
            throw new ClientErrorException("Job " + id + " has no result: it is " + job.state()
                    + (job.reason() == null ? "" : " (" + job.reason() + ")"), Response.Status.CONFLICT);
        }
        return jobs.parse(job.result());
    }

    @GET
    @Path("/{id}/metrics.csv")
    @Produces("text/csv")
    public String metricsCsv(@PathParam("id") String id) {
        jobs.get(id, caller.owner());
        return StepCsv.of(id, jobs);
    }

    /**
     * The job's event log as server-sent events, from the event after {@code Last-Event-ID} (header, or the
     * {@code last_event_id} query parameter for clients that cannot set headers). Closes after a final job's
     * last event.
     */
    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("id") String id, @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("last_event_id") String lastEventIdParam, @Context SseEventSink sink, @Context Sse sse) {
        jobs.get(id, caller.owner());
        String resumeFrom = lastEventId != null && !lastEventId.isBlank() ? lastEventId : lastEventIdParam;
        streams.follow(id, resumeAfter(resumeFrom), sink, sse);
    }

    private static long resumeAfter(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            long seq = Long.parseLong(lastEventId.trim());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // answered below, with the rule
        }
        throw new InvalidSpecException("Last-Event-ID", lastEventId, "must be the id of an event received, an"
                + " integer of at least 0");
    }

    private JobView view(JobRecord job, boolean detail) {
        Long position = job.state() == JobState.QUEUED ? jobs.queuePosition(job) : null;
        return JobView.of(job, position, detail ? jobs.parse(job.spec()) : null, jobs.parse(job.summary()));
    }

    private static String encodeCursor(JobRecord job) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((job.createdAt() + ":" + job.id())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Object[] decodeCursor(String cursor, Checks checks) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return new Object[] {Long.parseLong(text.substring(0, colon)), text.substring(colon + 1)};
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            checks.require(false, "cursor", cursor, "must be a next_cursor value from an earlier page");
            return null;
        }
    }
}
