package org.lracademy.jobs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What the job store must do on every database it supports; one subclass per database. */
abstract class JobStoreContract {

    /** A store over a fresh, migrated database. */
    abstract JobStore store();

    static JobStore storeOver(Database database) {
        JobStore store = new JobStore();
        store.database = database;
        return store;
    }

    private static final JobStore.Chooser FIRST = (queued, running) -> Optional.of(
            new JobStore.Choice(queued.get(0), "cpu"));

    private String queue(String owner, int priority) {
        String id = UUID.randomUUID().toString();
        store().insert(new JobRecord(id, "demo", owner, JobState.QUEUED, priority, false, "{}",
                System.currentTimeMillis(), null, null, null, null, 0, 0, false, null, null, null),
                "{\"state\":\"QUEUED\"}");
        return id;
    }

    private Optional<JobRecord> claim(String worker) {
        return store().claim(worker, FIRST, System.currentTimeMillis(), d -> "{\"state\":\"RUNNING\"}");
    }

    @Test
    void concurrentClaimsHandEachJobToExactlyOneWorker() throws Exception {
        String owner = "claims-" + UUID.randomUUID();
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            queued.add(queue(owner, 0));
        }
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<Future<?>> runs = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String worker = "w" + w;
            runs.add(workers.submit(() -> {
                for (int tries = 0; tries < 200; tries++) {
                    claim(worker).filter(j -> j.owner().equals(owner)).ifPresent(j -> claimed.add(j.id()));
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        workers.shutdown();

        Collections.sort(claimed);
        Collections.sort(queued);
        assertThat(claimed, is(queued));
    }

    @Test
    void higherPriorityIsOfferedFirst() {
        String owner = "prio-" + UUID.randomUUID();
        queue(owner, 0);
        String urgent = queue(owner, 5);
        List<String> offered = new ArrayList<>();
        store().claim("w", (queued, running) -> {
            queued.forEach(c -> offered.add(c.id()));
            return Optional.empty();
        }, System.currentTimeMillis(), d -> "{}");

        assertThat(offered.get(0), is(urgent));
    }

    @Test
    void eventsAreNumberedFromOneAndReadBackInOrder() {
        String id = queue("events", 0);
        JobRecord job = claimUntil(id);
        store().append(id, 3, "step", "{\"step\":1}");
        store().append(id, 4, "step", "{\"step\":2}");

        assertThat(store().events(id, 0, null, 100).stream().map(StoredEvent::seq).toList(), contains(1L, 2L, 3L,
                4L));
        assertThat(store().events(id, 3, "step", 100).stream().map(StoredEvent::data).toList(),
                contains("{\"step\":2}"));
        assertThat(job.state(), is(JobState.RUNNING));
    }

    @Test
    void finishingWritesStateAndEventsTogetherAndOnlyForTheOwningWorker() {
        String id = queue("finish", 0);
        JobRecord job = claimUntil(id);

        boolean byOther = store().finish(id, "someone-else", JobState.SUCCEEDED, null, "{}", null,
                List.<String[]>of(new String[] {"state", "{\"state\":\"SUCCEEDED\"}"}), 1L);
        boolean byOwner = store().finish(id, job.worker(), JobState.SUCCEEDED, null, "{\"loss\":0.5}",
                "{\"loss\":0.5}", List.<String[]>of(new String[] {"result", "{\"loss\":0.5}"},
                        new String[] {"state", "{\"state\":\"SUCCEEDED\"}"}), 2L);

        assertThat(byOther, is(false));
        assertThat(byOwner, is(true));
        JobRecord done = store().find(id).orElseThrow();
        assertThat(done.state(), is(JobState.SUCCEEDED));
        assertThat(done.progress(), is(1.0));
        assertThat(store().events(id, 2, null, 10).stream().map(StoredEvent::type).toList(),
                contains("result", "state"));
    }

    @Test
    void cancellingAQueuedJobEndsItButARunningOneIsOnlyFlagged() {
        String queued = queue("cancel", 0);
        assertThat(store().cancel(queued, "{\"state\":\"CANCELLED\"}", 1L), is(true));
        assertThat(store().cancel(queued, "{\"state\":\"CANCELLED\"}", 1L), is(false));
        assertThat(store().find(queued).orElseThrow().state(), is(JobState.CANCELLED));

        String running = queue("cancel", 0);
        claimUntil(running);
        assertThat(store().cancel(running, "{}", 1L), is(false));
        assertThat(store().cancelRequested(running), is(true));
        assertThat(store().find(running).orElseThrow().state(), is(JobState.RUNNING));
    }

    @Test
    void jobsOfASilentWorkerAreOrphansAndAreReleasedOnce() {
        String id = queue("orphan", 0);
        JobRecord job = claimUntil(id);
        store().heartbeat(job.worker(), "[]", 1000L);

        List<String> orphans = store().orphans("", 2000L).stream().map(JobRecord::id).toList();
        boolean first = store().release(id, job.worker(), JobState.QUEUED, null, true, "{\"state\":\"QUEUED\"}",
                3000L);
        boolean second = store().release(id, job.worker(), JobState.QUEUED, null, true, "{}", 3000L);

        assertThat(orphans.contains(id), is(true));
        assertThat(first, is(true));
        assertThat(second, is(false));
        JobRecord back = store().find(id).orElseThrow();
        assertThat(back.state(), is(JobState.QUEUED));
        assertThat(back.attempts(), is(1));
        assertThat(store().orphans("", 2000L).stream().filter(j -> j.id().equals(id)).toList(), is(empty()));
    }

    @Test
    void workersHeardFromRecentlyAreLive() {
        store().heartbeat("live-worker", "[{\"name\":\"cpu\"}]", 5000L);
        store().heartbeat("live-worker", "[{\"name\":\"cpu\",\"slots\":2}]", 6000L);

        Map<String, String> live = store().liveWorkers(5500L);

        assertThat(live.get("live-worker"), is("[{\"name\":\"cpu\",\"slots\":2}]"));
        store().removeWorker("live-worker");
        assertThat(store().liveWorkers(0L).containsKey("live-worker"), is(false));
    }

    /** Claims until the given job is the one claimed; other tests' jobs may be ahead of it. */
    private JobRecord claimUntil(String id) {
        Optional<JobRecord> job = store().claim("w-" + id, (queued, running) -> queued.stream()
                .filter(c -> c.id().equals(id)).findFirst().map(c -> new JobStore.Choice(c, "cpu")),
                System.currentTimeMillis(), d -> "{\"state\":\"RUNNING\"}");
        return job.orElseThrow();
    }
}
