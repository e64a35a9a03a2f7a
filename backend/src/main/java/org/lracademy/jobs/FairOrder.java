package org.lracademy.jobs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which queued job starts next: the highest priority that can start now; within it, owners take turns (the
 * owner served longest ago, or never, goes first); each owner's jobs in queue order. A job can start when its
 * owner is under the running limit, its kind is installed here and a slot it may use is free.
 */
final class FairOrder {

    private final Map<String, Long> lastServed = new HashMap<>();
    private long turns;

    /**
     * @param queued  the head of the queue, by priority then age
     * @param place   the device a job would take now, if any
     */
    synchronized Optional<JobStore.Choice> choose(List<JobStore.Candidate> queued, Map<String, Integer> running,
            int maxRunningPerOwner, Predicate<JobStore.Candidate> installed,
            Function<JobStore.Candidate, Optional<String>> place) {
        JobStore.Candidate best = null;
        String bestDevice = null;
        for (JobStore.Candidate job : queued) {
            if (best != null && job.priority() < best.priority()) {
                break;
            }
            if (running.getOrDefault(job.owner(), 0) >= maxRunningPerOwner || !installed.test(job)) {
                continue;
            }
            Optional<String> device = place.apply(job);
            if (device.isPresent() && (best == null || served(job.owner()) < served(best.owner()))) {
                best = job;
                bestDevice = device.get();
            }
        }
        return best == null ? Optional.empty() : Optional.of(new JobStore.Choice(best, bestDevice));
    }

    /** The owner's job was started: the owner goes to the back of the turn. */
    synchronized void served(JobStore.Candidate job) {
        lastServed.put(job.owner(), ++turns);
    }

    private long served(String owner) {
        return lastServed.getOrDefault(owner, 0L);
    }
}
