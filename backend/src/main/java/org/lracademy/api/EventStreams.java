package org.lracademy.api;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lracademy.jobs.EventHub;
import org.lracademy.jobs.JobState;
import org.lracademy.jobs.JobStore;
import org.lracademy.jobs.StoredEvent;

/**
 * Follows one job's event log for one SSE client, on a thread of its own. Events come from the running job's
 * buffer in this process, or from the database when the job runs elsewhere or the client fell behind; each
 * event is written before the next is read, so a slow client only slows itself. A comment line goes out when
 * nothing else did for {@code academy.sse.heartbeat}.
 */
@ApplicationScoped
public class EventStreams {

    private static final Logger LOG = Logger.getLogger(EventStreams.class);
    private static final int BATCH = 500;
    /** A client that takes longer than this to accept one event is dropped; it can resume. */
    private static final long SEND_TIMEOUT_S = 60;

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService followers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "academy-sse-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @Inject
    JobStore store;
    @Inject
    EventHub hub;

    @ConfigProperty(name = "academy.sse.heartbeat", defaultValue = "15s")
    Duration heartbeat;
    @ConfigProperty(name = "academy.jobs.poll-interval", defaultValue = "500ms")
    Duration pollInterval;

    /** Streams the job's events after {@code afterSeq} to the sink, then closes it once the job has ended. */
    public void follow(String jobId, long afterSeq, SseEventSink sink, Sse sse) {
        // The response head must go out on the request's own thread: the framework writes it after the resource
        // method returns unless it was written already, and a follower thread writing it too would race with it.
        try {
            if (!send(sink, sse.newEventBuilder().comment("events of job " + jobId).build())) {
                sink.close();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sink.close();
            return;
        }
        followers.execute(() -> {
            try {
                pump(jobId, afterSeq, sink, sse);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warnf(e, "Streaming the events of job %s failed; the client may reconnect with Last-Event-ID",
                        jobId);
            } finally {
                sink.close();
            }
        });
    }

    private void pump(String jobId, long afterSeq, SseEventSink sink, Sse sse) throws InterruptedException {
        long last = afterSeq;
        long lastSent = System.currentTimeMillis();
        while (!sink.isClosed()) {
            List<StoredEvent> batch = next(jobId, last);
            if (batch.isEmpty()) {
                if (store.state(jobId).map(JobState::isFinal).orElse(true)) {
                    // The final state and its events are committed together: one more read finds them all.
                    batch = store.events(jobId, last, null, BATCH);
                    if (batch.isEmpty()) {
                        return;
                    }
                } else {
                    long quiet = System.currentTimeMillis() - lastSent;
                    if (quiet >= heartbeat.toMillis()) {
                        if (!send(sink, sse.newEventBuilder().comment("keep-alive").build())) {
                            return;
                        }
                        lastSent = System.currentTimeMillis();
                    }
                    hub.await(jobId, last, Math.min(pollInterval.toMillis(), heartbeat.toMillis() - quiet));
                    continue;
                }
            }
            for (StoredEvent e : batch) {
                if (!send(sink, sse.newEventBuilder().id(Long.toString(e.seq())).name(e.type())
                        .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, e.data()).build())) {
                    return;
                }
                last = e.seq();
            }
            lastSent = System.currentTimeMillis();
        }
    }

    private List<StoredEvent> next(String jobId, long last) {
        return hub.after(jobId, last).orElseGet(() -> store.events(jobId, last, null, BATCH));
    }

    /** False when the client is gone. */
    private static boolean send(SseEventSink sink, OutboundSseEvent event) throws InterruptedException {
        try {
            sink.send(event).toCompletableFuture().get(SEND_TIMEOUT_S, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @PreDestroy
    void stop() {
        followers.shutdownNow();
    }
}
