package org.lracademy.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All SQL of the job service. Every change that other processes must see whole (a state change and its
 * {@code state} event) happens in one transaction, so a reader never sees a final state without its event.
 */
@ApplicationScoped
public class JobStore {

    private static final String COLUMNS = "id, kind, owner, state, priority, gpu_capable, spec, created_at,"
            + " started_at, finished_at, worker, device, attempts, progress, cancel_requested, reason, result, summary";

    /** A unit of work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** A queued job as the dispatcher weighs it. */
    public record Candidate(String id, String kind, String owner, int priority, boolean gpuCapable) {
    }

    /** Picks one candidate, given how many jobs each owner runs; empty when none may start now. */
    @FunctionalInterface
    public interface Chooser {
        Optional<Choice> choose(List<Candidate> queued, Map<String, Integer> runningByOwner);
    }

    /** The job to start and the device it goes to. */
    public record Choice(Candidate job, String device) {
    }

    @Inject
    Database database;

    <T> T inTransaction(Work<T> work) {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    <T> T read(Work<T> work) {
        try (Connection c = database.dataSource().getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Stores a new job and its first {@code state} event. */
    public void insert(JobRecord job, String firstEvent) {
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO jobs (id, kind, owner, state, priority,"
                    + " gpu_capable, spec, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, job.id());
                s.setString(2, job.kind());
                s.setString(3, job.owner());
                s.setString(4, job.state().name());
                s.setInt(5, job.priority());
                s.setBoolean(6, job.gpuCapable());
                s.setString(7, job.spec());
                s.setLong(8, job.createdAt());
                s.executeUpdate();
            }
            return appendNext(c, job.id(), "state", firstEvent);
        });
    }

    public Optional<JobRecord> find(String id) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(job(r)) : Optional.empty();
                }
            }
        });
    }

    public Optional<JobState> state(String id) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT state FROM jobs WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(JobState.valueOf(r.getString(1))) : Optional.empty();
                }
            }
        });
    }

    /**
     * One page of an owner's jobs, newest first.
     *
     * @param after the (created_at, id) of the last job of the previous page, or null for the first page
     */
    public List<JobRecord> list(String owner, String state, String kind, Object[] after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM jobs WHERE owner = ?");
        List<Object> args = new ArrayList<>(List.of(owner));
        if (state != null) {
            sql.append(" AND state = ?");
            args.add(state);
        }
        if (kind != null) {
            sql.append(" AND kind = ?");
            args.add(kind);
        }
        if (after != null) {
            sql.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
            args.addAll(List.of(after[0], after[0], after[1]));
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ").append(limit);
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                List<JobRecord> jobs = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        jobs.add(job(r));
                    }
                }
                return jobs;
            }
        });
    }

    /** 1 for the job that starts next, ignoring fairness between owners. */
    public long queuePosition(JobRecord job) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM jobs WHERE state = 'QUEUED' AND"
                    + " (priority > ? OR (priority = ? AND (created_at < ? OR (created_at = ? AND id < ?))))")) {
                s.setInt(1, job.priority());
                s.setInt(2, job.priority());
                s.setLong(3, job.createdAt());
                s.setLong(4, job.createdAt());
                s.setString(5, job.id());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1) + 1;
                }
            }
        });
    }

    public long count(JobState state, String owner) {
        return read(c -> {
            String sql = "SELECT COUNT(*) FROM jobs WHERE state = ?" + (owner == null ? "" : " AND owner = ?");
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, state.name());
                if (owner != null) {
                    s.setString(2, owner);
                }
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    /**
     * Claims one queued job for a worker: the chooser picks among the head of the queue, and a conditional update
     * makes sure no other worker got it first. On PostgreSQL the head rows are locked with {@code SKIP LOCKED}, so
     * workers claiming at once see disjoint rows instead of waiting on each other.
     */
    public Optional<JobRecord> claim(String worker, Chooser chooser, long now,
            java.util.function.Function<String, String> runningEvent) {
        Optional<String> claimed = inTransaction(c -> {
            List<Candidate> queued = new ArrayList<>();
            String sql = "SELECT id, kind, owner, priority, gpu_capable FROM jobs WHERE state = 'QUEUED'"
                    + " ORDER BY priority DESC, created_at, id LIMIT 64"
                    + (database.postgres() ? " FOR UPDATE SKIP LOCKED" : "");
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    queued.add(new Candidate(r.getString(1), r.getString(2), r.getString(3), r.getInt(4),
                            r.getBoolean(5)));
                }
            }
            if (queued.isEmpty()) {
                return Optional.empty();
            }
            Optional<Choice> choice = chooser.choose(queued, runningByOwner(c));
            if (choice.isEmpty()) {
                return Optional.empty();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE jobs SET state = 'RUNNING', worker = ?, device = ?,"
                    + " started_at = ?, attempts = attempts + 1, progress = 0 WHERE id = ? AND state = 'QUEUED'")) {
                s.setString(1, worker);
                s.setString(2, choice.get().device());
                s.setLong(3, now);
                s.setString(4, choice.get().job().id());
                if (s.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            String id = choice.get().job().id();
            appendNext(c, id, "state", runningEvent.apply(choice.get().device()));
            return Optional.of(id);
        });
        return claimed.flatMap(this::find);
    }

    private static Map<String, Integer> runningByOwner(Connection c) throws SQLException {
        Map<String, Integer> running = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT owner, COUNT(*) FROM jobs WHERE state = 'RUNNING' GROUP BY owner");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                running.put(r.getString(1), r.getInt(2));
            }
        }
        return running;
    }

    /** Appends one event of a running job whose sequence number the caller keeps. */
    public void append(String jobId, long seq, String type, String data) {
        read(c -> {
            insertEvent(c, jobId, seq, type, data);
            return null;
        });
    }

    /** Stores consecutive events of one job in one transaction and one batch. */
    public void appendAll(String jobId, List<StoredEvent> events) {
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO job_events (job_id, seq, type, data, created_at) VALUES (?, ?, ?, ?, ?)")) {
                long now = System.currentTimeMillis();
                for (StoredEvent event : events) {
                    s.setString(1, jobId);
                    s.setLong(2, event.seq());
                    s.setString(3, event.type());
                    s.setString(4, event.data());
                    s.setLong(5, now);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    public long lastSeq(String jobId) {
        return read(c -> lastSeq(c, jobId));
    }

    private static long lastSeq(Connection c, String jobId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(seq) FROM job_events WHERE job_id = ?")) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static long appendNext(Connection c, String jobId, String type, String data) throws SQLException {
        long seq = lastSeq(c, jobId) + 1;
        insertEvent(c, jobId, seq, type, data);
        return seq;
    }

    private static void insertEvent(Connection c, String jobId, long seq, String type, String data)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO job_events (job_id, seq, type, data, created_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, jobId);
            s.setLong(2, seq);
            s.setString(3, type);
            s.setString(4, data);
            s.setLong(5, System.currentTimeMillis());
            s.executeUpdate();
        }
    }

    /** Up to {@code limit} events after {@code afterSeq}, in order; {@code type} null for every type. */
    public List<StoredEvent> events(String jobId, long afterSeq, String type, int limit) {
        return read(c -> {
            String sql = "SELECT seq, type, data FROM job_events WHERE job_id = ? AND seq > ?"
                    + (type == null ? "" : " AND type = ?") + " ORDER BY seq LIMIT " + limit;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, jobId);
                s.setLong(2, afterSeq);
                if (type != null) {
                    s.setString(3, type);
                }
                List<StoredEvent> events = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        events.add(new StoredEvent(r.getLong(1), r.getString(2), r.getString(3)));
                    }
                }
                return events;
            }
        });
    }

    public void progress(String jobId, double fraction) {
        read(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE jobs SET progress = ? WHERE id = ?")) {
                s.setDouble(1, fraction);
                s.setString(2, jobId);
                return s.executeUpdate();
            }
        });
    }

    public boolean cancelRequested(String jobId) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT cancel_requested FROM jobs WHERE id = ?")) {
                s.setString(1, jobId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() && r.getBoolean(1);
                }
            }
        });
    }

    /**
     * Ends a running job: its last events and its final state in one transaction. Does nothing, and answers
     * false, when the job is no longer this worker's (it was recovered elsewhere).
     *
     * @param events type and JSON of each event to append, in order
     */
    public boolean finish(String jobId, String worker, JobState state, String reason, String result, String summary,
            List<String[]> events, long now) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE jobs SET state = ?, reason = ?, result = ?,"
                    + " summary = ?, finished_at = ?, progress = CASE WHEN ? THEN 1 ELSE progress END"
                    + " WHERE id = ? AND state = 'RUNNING' AND worker = ?")) {
                s.setString(1, state.name());
                setText(s, 2, reason);
                setText(s, 3, result);
                setText(s, 4, summary);
                s.setLong(5, now);
                s.setBoolean(6, state == JobState.SUCCEEDED);
                s.setString(7, jobId);
                s.setString(8, worker);
                if (s.executeUpdate() != 1) {
                    c.rollback();
                    return false;
                }
            }
            for (String[] event : events) {
                appendNext(c, jobId, event[0], event[1]);
            }
            return true;
        });
    }

    /**
     * Puts a running job back in the queue, or ends it, after its worker stopped. Conditional on the job still
     * being that worker's, so two processes recovering at once do it once.
     */
    public boolean release(String jobId, String worker, JobState state, String reason, boolean countAttempt,
            String event, long now) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE jobs SET state = ?, reason = ?, worker = NULL,"
                    + " device = NULL, finished_at = ?, attempts = attempts - ? WHERE id = ? AND state = 'RUNNING'"
                    + " AND worker = ?")) {
                s.setString(1, state.name());
                setText(s, 2, reason);
                if (state.isFinal()) {
                    s.setLong(3, now);
                } else {
                    s.setNull(3, Types.BIGINT);
                }
                s.setInt(4, countAttempt ? 0 : 1);
                s.setString(5, jobId);
                s.setString(6, worker);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            appendNext(c, jobId, "state", event);
            return true;
        });
    }

    /**
     * Cancels a job: a queued one ends at once (answers true), a running one is flagged for its worker.
     */
    public boolean cancel(String jobId, String event, long now) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE jobs SET state = 'CANCELLED', finished_at = ?,"
                    + " cancel_requested = TRUE, reason = 'cancelled' WHERE id = ? AND state = 'QUEUED'")) {
                s.setLong(1, now);
                s.setString(2, jobId);
                if (s.executeUpdate() == 1) {
                    appendNext(c, jobId, "state", event);
                    return true;
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE jobs SET cancel_requested = TRUE WHERE id = ? AND state = 'RUNNING'")) {
                s.setString(1, jobId);
                s.executeUpdate();
            }
            return false;
        });
    }

    /** Running jobs whose worker is {@code worker}, or whose worker's last heartbeat is older than {@code before}. */
    public List<JobRecord> orphans(String worker, long before) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS.replaceAll("(\\w+)", "j.$1")
                    + " FROM jobs j LEFT JOIN workers w ON w.id = j.worker WHERE j.state = 'RUNNING'"
                    + " AND (j.worker = ? OR w.id IS NULL OR w.heartbeat_at < ?)")) {
                s.setString(1, worker);
                s.setLong(2, before);
                List<JobRecord> jobs = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        jobs.add(job(r));
                    }
                }
                return jobs;
            }
        });
    }

    public void heartbeat(String worker, String devices, long now) {
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE workers SET heartbeat_at = ?, devices = ? WHERE id = ?")) {
                s.setLong(1, now);
                s.setString(2, devices);
                s.setString(3, worker);
                if (s.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO workers (id, heartbeat_at, devices) VALUES (?, ?, ?)")) {
                s.setString(1, worker);
                s.setLong(2, now);
                s.setString(3, devices);
                s.executeUpdate();
            }
            return null;
        });
    }

    public void removeWorker(String worker) {
        read(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM workers WHERE id = ?")) {
                s.setString(1, worker);
                return s.executeUpdate();
            }
        });
    }

    /** Device JSON of each worker heard from since {@code since}, by worker id. */
    public Map<String, String> liveWorkers(long since) {
        return read(c -> {
            Map<String, String> workers = new java.util.TreeMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, devices FROM workers WHERE heartbeat_at >= ?")) {
                s.setLong(1, since);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        workers.put(r.getString(1), r.getString(2));
                    }
                }
            }
            return workers;
        });
    }

    private static void setText(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }

    private static JobRecord job(ResultSet r) throws SQLException {
        return new JobRecord(r.getString(1), r.getString(2), r.getString(3), JobState.valueOf(r.getString(4)),
                r.getInt(5), r.getBoolean(6), r.getString(7), r.getLong(8), nullableLong(r, 9), nullableLong(r, 10),
                r.getString(11), r.getString(12), r.getInt(13), r.getDouble(14), r.getBoolean(15), r.getString(16),
                r.getString(17), r.getString(18));
    }

    private static Long nullableLong(ResultSet r, int column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? null : value;
    }

    /** A database failure; the job service cannot go on without its store. */
    public static class StoreException extends RuntimeException {
        StoreException(SQLException cause) {
            super("The job database failed: " + cause.getMessage(), cause);
        }
    }
}
