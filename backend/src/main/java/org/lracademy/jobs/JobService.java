package org.lracademy.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lracademy.spec.Checks;

/**
 * What the API asks of the job service: submit, read, list and cancel an owner's jobs. A job is visible only to
 * its owner; to anyone else it does not exist.
 */
@ApplicationScoped
public class JobService {

    /** Lowest and highest {@code priority} a request may ask for; higher runs first. */
    public static final int MIN_PRIORITY = -10;
    public static final int MAX_PRIORITY = 10;

    @Inject
    JobStore store;
    @Inject
    KindRegistry kinds;
    @Inject
    Dispatcher dispatcher;
    @Inject
    JobMetrics metrics;
    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "academy.jobs.max-queued-per-owner", defaultValue = "100")
    int maxQueuedPerOwner;

    /**
     * Checks and queues a job. The common field {@code priority} is taken out of the body; the rest is the kind's
     * spec, checked by the kind.
     */
    public JobRecord submit(String kindName, String owner, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new org.lracademy.spec.InvalidSpecException("body", body == null ? null : body.getNodeType(),
                    "must be a JSON object holding the job's spec");
        }
        ObjectNode spec = ((ObjectNode) body).deepCopy();
        JsonNode priorityNode = spec.remove("priority");
        int priority = priority(priorityNode);
        JobKind kind = kinds.find(kindName).orElseThrow(() -> new org.lracademy.spec.InvalidSpecException("kind",
                kindName, "must be one of the kinds this server runs: " + String.join(", ", kinds.names())));
        kind.validate(spec);
        if (store.count(JobState.QUEUED, owner) >= maxQueuedPerOwner) {
            throw new JobLimitException("Owner " + owner + " already has " + maxQueuedPerOwner
                    + " jobs queued, the most allowed; wait for some to start or cancel some");
        }
        JobRecord job = new JobRecord(UUID.randomUUID().toString(), kindName, owner, JobState.QUEUED, priority,
                kind.gpuCapable(spec), spec.toString(), System.currentTimeMillis(), null, null, null, null, 0, 0,
                false, null, null, null);
        store.insert(job, dispatcher.stateEvent(JobState.QUEUED, null, Map.of()));
        metrics.submitted(kindName);
        dispatcher.wake();
        return job;
    }

    private static int priority(JsonNode node) {
        if (node == null || node.isNull()) {
            return 0;
        }
        Checks checks = new Checks();
        if (checks.require(node.isIntegralNumber(), "priority", node, "must be an integer")) {
            checks.intWithin(node.longValue(), "priority", MIN_PRIORITY, MAX_PRIORITY);
        }
        checks.throwIfAny();
        return node.intValue();
    }

    /** The owner's job; 404 when it does not exist or belongs to someone else. */
    public JobRecord get(String id, String owner) {
        return store.find(id).filter(j -> j.owner().equals(owner)).orElseThrow(() -> new NotFoundException(
                "No job " + id + " belongs to " + owner + "; GET /api/v1/jobs lists yours"));
    }

    public List<JobRecord> list(String owner, JobState state, String kind, Object[] after, int limit) {
        return store.list(owner, state == null ? null : state.name(), kind, after, limit);
    }

    public long queuePosition(JobRecord job) {
        return store.queuePosition(job);
    }

    /** Cancels the owner's job; a job already ended stays as it is, so repeating the call is harmless. */
    public JobRecord cancel(String id, String owner) {
        JobRecord job = get(id, owner);
        if (!job.state().isFinal()) {
            boolean ended = store.cancel(id, dispatcher.stateEvent(JobState.CANCELLED, "cancelled", Map.of()),
                    System.currentTimeMillis());
            if (ended) {
                metrics.finished(job.kind(), JobState.CANCELLED, java.time.Duration.ZERO);
            } else {
                dispatcher.cancelLocal(id);
            }
        }
        return get(id, owner);
    }

    public List<StoredEvent> events(String jobId, long afterSeq, String type, int limit) {
        return store.events(jobId, afterSeq, type, limit);
    }

    public JsonNode parse(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Stored JSON could not be read back", e);
        }
    }
}
