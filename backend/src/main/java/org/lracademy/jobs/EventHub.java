package org.lracademy.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands the events of jobs running in this process to the streams that follow them, without a database read
 * per event and per stream. Each running job keeps only its latest events in a bounded buffer; a stream that
 * falls further behind reads from the database, so a slow client never holds up a job.
 */
@ApplicationScoped
public class EventHub {

    /** Events kept per running job; older ones are read from the database. */
    static final int BUFFER = 1024;

    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final Object anyFeed = new Object();

    private static final class Feed {
        final ArrayDeque<StoredEvent> recent = new ArrayDeque<>();
        long lastSeq;
        boolean closed;

        Feed(long lastSeq) {
            this.lastSeq = lastSeq;
        }
    }

    /** A job started here; its log already holds events up to {@code lastSeq}. */
    public void open(String jobId, long lastSeq) {
        feeds.put(jobId, new Feed(lastSeq));
        synchronized (anyFeed) {
            anyFeed.notifyAll();
        }
    }

    public void publish(String jobId, StoredEvent event) {
        Feed feed = feeds.get(jobId);
        if (feed == null) {
            return;
        }
        synchronized (feed) {
            if (feed.recent.size() == BUFFER) {
                feed.recent.removeFirst();
            }
            feed.recent.addLast(event);
            feed.lastSeq = event.seq();
            feed.notifyAll();
        }
    }

    /** The job stopped here; its followers go back to the database for its last events. */
    public void close(String jobId) {
        Feed feed = feeds.remove(jobId);
        if (feed != null) {
            synchronized (feed) {
                feed.closed = true;
                feed.notifyAll();
            }
        }
    }

    /**
     * The events after {@code seq} when the buffer still holds all of them (possibly none yet); empty when the
     * job does not run here or the caller fell behind the buffer.
     */
    public Optional<List<StoredEvent>> after(String jobId, long seq) {
        Feed feed = feeds.get(jobId);
        if (feed == null) {
            return Optional.empty();
        }
        synchronized (feed) {
            if (feed.lastSeq <= seq) {
                return Optional.of(List.of());
            }
            if (feed.recent.isEmpty() || feed.recent.getFirst().seq() > seq + 1) {
                return Optional.empty();
            }
            List<StoredEvent> events = new ArrayList<>();
            for (StoredEvent e : feed.recent) {
                if (e.seq() > seq) {
                    events.add(e);
                }
            }
            return Optional.of(events);
        }
    }

    /** Waits up to {@code millis} for an event after {@code seq}, or for the job to start or stop here. */
    public void await(String jobId, long seq, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        Feed feed = feeds.get(jobId);
        Object monitor = feed == null ? anyFeed : feed;
        synchronized (monitor) {
            long left = deadline - System.currentTimeMillis();
            while (left > 0 && (feed == null || (feed.lastSeq <= seq && !feed.closed))) {
                monitor.wait(left);
                if (feed == null) {
                    return;
                }
                left = deadline - System.currentTimeMillis();
            }
        }
    }
}
