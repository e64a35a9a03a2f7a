package org.lracademy.frontend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * The backend for one learner: each call carries the learner's owner id, and every failure arrives as
 * {@link ApiProblem} (the backend said no) or {@link BackendUnavailable} (it could not be asked).
 */
@ApplicationScoped
public class Backend {

    private static final Logger LOG = Logger.getLogger(Backend.class);

    @Inject
    @RestClient
    BackendApi api;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "academy.backend-url")
    String url;

    public String url() {
        return url;
    }

    public List<LessonSummary> lessons(String owner) {
        return call(() -> api.lessons(owner));
    }

    public Lesson lesson(String owner, String slug) {
        return call(() -> api.lesson(owner, slug));
    }

    public JsonNode schedules(String owner) {
        return call(() -> api.schedules(owner));
    }

    public JsonNode preview(String owner, JsonNode body) {
        return call(() -> api.preview(owner, body));
    }

    public JsonNode diagnosis(String owner, JsonNode body) {
        return call(() -> api.diagnosis(owner, body));
    }

    /** Submits a job (or a group of them) and answers the jobs it created, in order. */
    public List<SubmittedJobs.Job> submit(String owner, String kind, JsonNode body) {
        return call(() -> {
            try (Response response = api.submit(owner, kind, body)) {
                String text = response.hasEntity() ? response.readEntity(String.class) : "";
                JsonNode answer = text.isBlank() ? json.createObjectNode() : json.readTree(text);
                String location = response.getHeaderString("Location");
                return SubmittedJobs.jobs(answer, location == null ? "" : location);
            } catch (java.io.IOException e) {
                throw new BackendUnavailable("The backend's answer to a new job was not JSON", e);
            }
        });
    }

    public JsonNode jobs(String owner) {
        return call(() -> api.jobs(owner));
    }

    public JsonNode job(String owner, String id) {
        return call(() -> api.job(owner, id));
    }

    public JsonNode result(String owner, String id) {
        return call(() -> api.result(owner, id));
    }

    public String metricsCsv(String owner, String id) {
        return call(() -> api.metricsCsv(owner, id));
    }

    public void cancel(String owner, String id) {
        call(() -> {
            api.cancel(owner, id);
            return null;
        });
    }

    /** The job's event log from after {@code lastEventId} (empty for the whole log), live until it ends. */
    public Multi<SseEvent<String>> events(String owner, String id, String lastEventId) {
        return api.events(owner, id, lastEventId.isEmpty() ? null : lastEventId);
    }

    private <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            throw problem(e.getResponse());
        } catch (ProcessingException e) {
            LOG.warnf("The backend at %s did not answer: %s", url, e.getMessage());
            throw new BackendUnavailable("The backend at " + url + " did not answer", e);
        }
    }

    private RuntimeException problem(Response response) {
        int status = response.getStatus();
        String text = "";
        try {
            text = response.readEntity(String.class);
        } catch (RuntimeException e) {
            LOG.debugf("The problem body of a %d answer could not be read: %s", status, e.getMessage());
        }
        if (status >= 500) {
            LOG.warnf("The backend failed with status %d: %s", status, text);
            return new BackendUnavailable("The backend failed with status " + status, null);
        }
        return Problems.parse(json, status, text);
    }
}
