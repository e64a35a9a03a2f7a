package org.lracademy.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Places queued jobs on the device slots of this process and runs each on its own thread. Runs in modes
 * {@code all} and {@code worker}; in mode {@code api} the process only stores and streams.
 *
 * <p>Order: highest priority first; within a priority, owners take turns (the owner served longest ago goes
 * next), and each owner's jobs go first come, first served. A worker heartbeats; running jobs of a worker that
 * stopped heartbeating are recovered by any other worker. A recovered job is requeued once; interrupted a
 * second time, it ends {@code FAILED} with reason {@code interrupted}.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    /** Starts a job may make before it is failed instead of requeued after an interruption. */
    static final int MAX_ATTEMPTS = 2;

    @Inject
    JobStore store;
    @Inject
    Database database;
    @Inject
    EventHub hub;
    @Inject
    KindRegistry kinds;
    @Inject
    JobMetrics metrics;
    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "academy.mode", defaultValue = "all")
    String mode;
    @ConfigProperty(name = "academy.worker-id")
    Optional<String> configuredWorkerId;
    @ConfigProperty(name = "academy.slots.cpu", defaultValue = "1")
    int cpuSlots;
    @ConfigProperty(name = "academy.slots.per-gpu", defaultValue = "1")
    int slotsPerGpu;
    @ConfigProperty(name = "academy.slots.gpus")
    Optional<Integer> gpus;
    @ConfigProperty(name = "academy.jobs.max-running-per-owner", defaultValue = "4")
    int maxRunningPerOwner;
    @ConfigProperty(name = "academy.jobs.timeout", defaultValue = "2h")
    Duration timeout;
    @ConfigProperty(name = "academy.jobs.poll-interval", defaultValue = "500ms")
    Duration pollInterval;
    @ConfigProperty(name = "academy.jobs.heartbeat-interval", defaultValue = "5s")
    Duration heartbeatInterval;
    @ConfigProperty(name = "academy.jobs.worker-timeout", defaultValue = "30s")
    Duration workerTimeout;

    private final Map<String, RunningJob> running = new ConcurrentHashMap<>();
    private final FairOrder order = new FairOrder();
    private final Object wakeUp = new Object();
    private final AtomicInteger threadCount = new AtomicInteger();
    private volatile DevicePool pool;
    private volatile boolean stopped;
    private String workerId;
    private Thread loop;
    private ExecutorService jobThreads;
    private ScheduledExecutorService housekeeping;

    void start(@Observes StartupEvent event) {
        metrics.bindQueue();
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "academy-housekeeping"));
        housekeeping.scheduleWithFixedDelay(this::countQueue, 0, 2, TimeUnit.SECONDS);
        if (!runsJobs()) {
            LOG.info("Mode api: this process stores and streams jobs; workers run them");
            return;
        }
        workerId = configuredWorkerId.filter(s -> !s.isBlank()).orElseGet(() -> database.postgres()
                ? System.getenv().getOrDefault("HOSTNAME", "worker") + "-" + UUID.randomUUID().toString()
                        .substring(0, 8)
                : "local");
        jobThreads = Executors.newCachedThreadPool(r -> daemon(r, "academy-job-" + threadCount.incrementAndGet()));
        loop = daemon(this::dispatchLoop, "academy-dispatcher");
        loop.start();
    }

    public boolean runsJobs() {
        return !"api".equals(mode);
    }

    /** This process's device slots; empty until the dispatcher has counted the GPUs. */
    public Optional<DevicePool> pool() {
        return Optional.ofNullable(pool);
    }

    public String workerId() {
        return workerId;
    }

    /** A job was queued or a slot was freed: look at the queue now rather than at the next poll. */
    public void wake() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    /** Asks a job running in this process to stop before its next step; false when it does not run here. */
    public boolean cancelLocal(String jobId) {
        RunningJob job = running.get(jobId);
        if (job != null) {
            job.cancel();
        }
        return job != null;
    }

    private void dispatchLoop() {
        pool = new DevicePool(gpus.orElseGet(Dispatcher::countGpus), slotsPerGpu, cpuSlots);
        metrics.bindDevices(pool);
        LOG.infof("Worker %s runs jobs on %s", workerId, describe(pool));
        try {
            heartbeat();
            recover(true);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Worker %s could not recover its interrupted jobs at start; check the database", workerId);
        }
        housekeeping.scheduleWithFixedDelay(this::flushEvents, RunningJob.FLUSH_MS / 5, RunningJob.FLUSH_MS / 5,
                TimeUnit.MILLISECONDS);
        housekeeping.scheduleWithFixedDelay(this::heartbeatAndRecover, heartbeatInterval.toMillis(),
                heartbeatInterval.toMillis(), TimeUnit.MILLISECONDS);
        while (!stopped) {
            try {
                boolean started = pool.inUse() < pool.slots() && claimOne();
                if (!started) {
                    synchronized (wakeUp) {
                        wakeUp.wait(pollInterval.toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "Claiming the next job failed; retrying in %s", pollInterval);
                sleepQuietly(pollInterval.toMillis());
            }
        }
    }

    private boolean claimOne() {
        long now = System.currentTimeMillis();
        Optional<JobRecord> claimed = store.claim(workerId, this::choose, now,
                device -> stateEvent(JobState.RUNNING, null, Map.of("device", device)));
        claimed.ifPresent(this::launch);
        return claimed.isPresent();
    }

    private Optional<JobStore.Choice> choose(List<JobStore.Candidate> queued, Map<String, Integer> byOwner) {
        return order.choose(queued, byOwner, maxRunningPerOwner, job -> kinds.find(job.kind()).isPresent(),
                job -> pool.place(job.gpuCapable()));
    }

    /** Writes the events of running jobs that have waited long enough. */
    private void flushEvents() {
        for (RunningJob context : running.values()) {
            try {
                context.flushIfDue();
            } catch (RuntimeException e) {
                LOG.warnf(e, "Events of job %s could not be written yet", context.job.id());
            }
        }
    }

    private void launch(JobRecord job) {
        order.served(new JobStore.Candidate(job.id(), job.kind(), job.owner(), job.priority(), job.gpuCapable()));
        pool.take(job.device());
        metrics.started(job.kind(), Duration.ofMillis(Math.max(0, job.startedAt() - job.createdAt())));
        RunningJob context = new RunningJob(job, store.lastSeq(job.id()), timeout.toMillis(), store, hub, json,
                metrics);
        running.put(job.id(), context);
        hub.open(job.id(), store.lastSeq(job.id()));
        LOG.infof("Job %s (%s, owner %s) started on %s, attempt %d", job.id(), job.kind(), job.owner(),
                job.device(), job.attempts());
        jobThreads.execute(() -> run(context));
    }

    private void run(RunningJob context) {
        JobRecord job = context.job;
        try {
            JobKind kind = kinds.find(job.kind()).orElseThrow(() -> new KindUnavailableException(
                    "the kind " + job.kind() + " is not available on worker " + workerId));
            JsonNode spec = json.readTree(job.spec());
            Object result = kind.run(spec, job.device(), context);
            context.flush();
            if (context.stopping()) {
                requeueOnStop(job);
            } else if (context.timedOut()) {
                String limit = timeout.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
                end(context, JobState.FAILED, "timed out after " + limit, result);
            } else {
                end(context, context.cancelRequested() ? JobState.CANCELLED : JobState.SUCCEEDED,
                        context.cancelRequested() ? "cancelled" : null, result);
            }
        } catch (Throwable e) {
            flushQuietly(context);
            if (context.stopping()) {
                requeueOnStop(job);
            } else if (context.cancelRequested()) {
                end(context, JobState.CANCELLED, "cancelled", null);
            } else {
                LOG.warnf(e, "Job %s (%s) failed", job.id(), job.kind());
                end(context, JobState.FAILED, reason(e), null);
            }
        } finally {
            running.remove(job.id());
            hub.close(job.id());
            pool.free(job.device());
            wake();
        }
    }

    /** The events a failed job emitted before it failed still count; a store that fails now is only logged. */
    private static void flushQuietly(RunningJob context) {
        try {
            context.flush();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Events of job %s could not be written", context.job.id());
        }
    }

    private void end(RunningJob context, JobState state, String reason, Object result) {
        JobRecord job = context.job;
        List<String[]> events = new ArrayList<>();
        String resultJson = null;
        String summary = null;
        try {
            if (result != null) {
                JsonNode tree = json.valueToTree(result);
                resultJson = json.writeValueAsString(tree);
                summary = summary(tree);
                if (state == JobState.SUCCEEDED) {
                    events.add(new String[] {"result", resultJson});
                }
            }
        } catch (Exception e) {
            state = JobState.FAILED;
            reason = "the result could not be stored as JSON: " + e.getMessage();
            resultJson = null;
            summary = null;
            events.clear();
        }
        events.add(new String[] {"state", stateEvent(state, reason, Map.of())});
        long now = System.currentTimeMillis();
        if (store.finish(job.id(), workerId, state, reason, resultJson, summary, events, now)) {
            metrics.finished(job.kind(), state, Duration.ofMillis(now - context.startedAt));
            LOG.infof("Job %s (%s) ended %s after %d ms%s", job.id(), job.kind(), state, now - context.startedAt,
                    reason == null ? "" : ": " + reason);
        } else {
            LOG.warnf("Job %s was recovered by another worker while it ran here; its outcome here is dropped",
                    job.id());
        }
    }

    private void requeueOnStop(JobRecord job) {
        store.release(job.id(), workerId, JobState.QUEUED, null, false,
                stateEvent(JobState.QUEUED, "requeued: the worker stopped", Map.of()), System.currentTimeMillis());
    }

    /** Top-level numbers, strings and booleans of a result, for listings. */
    private String summary(JsonNode result) {
        if (!result.isObject()) {
            return null;
        }
        ObjectNode summary = json.createObjectNode();
        result.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode()) {
                summary.set(f.getKey(), f.getValue());
            }
        });
        return summary.toString();
    }

    static String reason(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage();
        return message.length() > 500 ? message.substring(0, 500) + "…" : message;
    }

    String stateEvent(JobState state, String reason, Map<String, Object> extra) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("state", state.name());
        if (reason != null) {
            data.put("reason", reason);
        }
        data.putAll(extra);
        return json.valueToTree(data).toString();
    }

    private void heartbeatAndRecover() {
        try {
            heartbeat();
            recover(false);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Worker %s could not heartbeat or recover jobs; retrying in %s", workerId,
                    heartbeatInterval);
        }
    }

    private void heartbeat() {
        List<Map<String, Object>> devices = new ArrayList<>();
        for (DevicePool.Device d : pool.devices()) {
            devices.add(Map.of("name", d.name(), "type", d.gpu() ? "gpu" : "cpu", "slots", d.slots(),
                    "in_use", d.inUse().get()));
        }
        store.heartbeat(workerId, json.valueToTree(devices).toString(), System.currentTimeMillis());
    }

    /**
     * Requeues or fails running jobs whose worker is gone. At start-up this includes the jobs this worker id ran
     * before a crash.
     */
    private void recover(boolean atStart) {
        long now = System.currentTimeMillis();
        for (JobRecord job : store.orphans(atStart ? workerId : "", now - workerTimeout.toMillis())) {
            if (running.containsKey(job.id())) {
                continue;
            }
            JobState next = job.cancelRequested() ? JobState.CANCELLED
                    : job.attempts() < MAX_ATTEMPTS ? JobState.QUEUED : JobState.FAILED;
            String reason = next == JobState.QUEUED ? "interrupted; requeued"
                    : next == JobState.CANCELLED ? "cancelled" : "interrupted";
            if (store.release(job.id(), job.worker(), next, next == JobState.QUEUED ? null : reason, true,
                    stateEvent(next, reason, Map.of()), now)) {
                LOG.warnf("Job %s was interrupted on worker %s (attempt %d): now %s", job.id(), job.worker(),
                        job.attempts(), next);
                if (next.isFinal()) {
                    metrics.finished(job.kind(), next, Duration.ZERO);
                }
            }
        }
        wake();
    }

    private void countQueue() {
        try {
            metrics.queueDepth(store.count(JobState.QUEUED, null));
        } catch (RuntimeException e) {
            LOG.debugf(e, "Counting the queue failed");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        if (loop == null) {
            return;
        }
        loop.interrupt();
        running.values().forEach(RunningJob::stop);
        jobThreads.shutdown();
        try {
            if (!jobThreads.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Some jobs did not stop within 10 s; they are recovered at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.removeWorker(workerId);
    }

    /** GPUs as DJL sees them; none when the engine cannot load, so the service still runs on the CPU. */
    private static int countGpus() {
        try {
            return ai.djl.engine.Engine.getInstance().getGpuCount();
        } catch (Throwable e) {
            LOG.warnf("No deep learning engine could be loaded (%s); jobs run on CPU slots only", reason(e));
            return 0;
        }
    }

    private static String describe(DevicePool pool) {
        StringBuilder text = new StringBuilder();
        for (DevicePool.Device d : pool.devices()) {
            text.append(text.isEmpty() ? "" : ", ").append(d.name()).append(" x").append(d.slots());
        }
        return text.isEmpty() ? "no slots" : text.toString();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
