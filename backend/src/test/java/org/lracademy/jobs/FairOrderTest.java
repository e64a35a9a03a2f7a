package org.lracademy.jobs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FairOrderTest {

    private final FairOrder order = new FairOrder();

    private static JobStore.Candidate job(String id, String owner, int priority, boolean gpu) {
        return new JobStore.Candidate(id, "demo", owner, priority, gpu);
    }

    /** Starts jobs one at a time with a free CPU slot each time, until none is left; answers the ids in order. */
    private List<String> drain(List<JobStore.Candidate> queue) {
        List<JobStore.Candidate> left = new ArrayList<>(queue);
        List<String> started = new ArrayList<>();
        Optional<JobStore.Choice> next;
        while ((next = order.choose(left, Map.of(), 10, j -> true, j -> Optional.of("cpu"))).isPresent()) {
            left.remove(next.get().job());
            order.served(next.get().job());
            started.add(next.get().job().id());
        }
        return started;
    }

    @Test
    void ownersTakeTurnsWithinAPriority() {
        List<String> started = drain(List.of(job("a1", "alice", 0, false), job("a2", "alice", 0, false),
                job("a3", "alice", 0, false), job("b1", "bob", 0, false), job("c1", "carol", 0, false),
                job("b2", "bob", 0, false)));

        assertThat(started, is(List.of("a1", "b1", "c1", "a2", "b2", "a3")));
    }

    @Test
    void higherPriorityGoesFirstWhateverTheTurn() {
        order.served(job("x", "bob", 0, false));
        List<String> started = drain(List.of(job("b9", "bob", 9, false), job("a0", "alice", 0, false)));

        assertThat(started, is(List.of("b9", "a0")));
    }

    @Test
    void anOwnerAtTheRunningLimitWaitsAndOthersGoAhead() {
        Optional<JobStore.Choice> next = order.choose(List.of(job("a1", "alice", 5, false), job("b1", "bob", 0,
                false)), Map.of("alice", 2), 2, j -> true, j -> Optional.of("cpu"));

        assertThat(next.get().job().id(), is("b1"));
    }

    @Test
    void aJobWithNoFreeSlotOrKindIsPassedOver() {
        Optional<JobStore.Choice> next = order.choose(List.of(job("gpu-only", "alice", 0, true),
                job("unknown-kind", "bob", 0, false), job("cpu", "carol", 0, false)), Map.of(), 4,
                j -> !j.id().equals("unknown-kind"), j -> j.id().equals("gpu-only") ? Optional.empty()
                        : Optional.of("cpu"));

        assertThat(next.get().job().id(), is("cpu"));
        assertThat(next.get().device(), is("cpu"));
    }

    @Test
    void devicePoolPrefersAGpuForAGpuCapableJobAndTheCpuOtherwise() {
        DevicePool pool = new DevicePool(2, 1, 1);

        assertThat(pool.place(true), is(Optional.of("gpu(0)")));
        pool.take("gpu(0)");
        assertThat(pool.place(true), is(Optional.of("gpu(1)")));
        pool.take("gpu(1)");
        assertThat(pool.place(true), is(Optional.of("cpu")));
        assertThat(pool.place(false), is(Optional.of("cpu")));
        pool.take("cpu");
        assertThat(pool.place(false), is(Optional.empty()));
        pool.free("gpu(1)");
        assertThat(pool.place(false), is(Optional.empty()));
        assertThat(pool.place(true), is(Optional.of("gpu(1)")));
        assertThat(pool.slots(), is(3));
        assertThat(pool.inUse(), is(2));
    }
}
