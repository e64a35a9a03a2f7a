package org.lracademy.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every meter of the job service, all named {@code academy.*} and registered here. Tags take few values: the
 * kind's name, the outcome and the device.
 */
@ApplicationScoped
public class JobMetrics {

    private final AtomicLong queueDepth = new AtomicLong();

    @Inject
    MeterRegistry registry;

    void bindQueue() {
        Gauge.builder("academy.jobs.queue.depth", queueDepth, AtomicLong::get)
                .description("Jobs waiting for a device slot").baseUnit("jobs").register(registry);
    }

    void bindDevices(DevicePool pool) {
        for (DevicePool.Device device : pool.devices()) {
            Gauge.builder("academy.jobs.running", device.inUse(), Number::doubleValue)
                    .description("Jobs running on a device of this process").baseUnit("jobs")
                    .tag("device", device.name()).register(registry);
        }
        Gauge.builder("academy.slots.used", pool, DevicePool::inUse)
                .description("Device slots of this process that run a job").baseUnit("slots").register(registry);
        Gauge.builder("academy.slots.capacity", pool, DevicePool::slots)
                .description("Device slots of this process").baseUnit("slots").register(registry);
    }

    void queueDepth(long depth) {
        queueDepth.set(depth);
    }

    void submitted(String kind) {
        Counter.builder("academy.jobs.submitted").description("Jobs accepted for the queue").baseUnit("jobs")
                .tag("kind", kind).register(registry).increment();
    }

    void started(String kind, Duration waited) {
        Timer.builder("academy.jobs.queue.wait").description("Time from submission to start on a device")
                .tag("kind", kind).register(registry).record(waited);
    }

    void finished(String kind, JobState outcome, Duration ran) {
        String tag = outcome.name().toLowerCase(Locale.ROOT);
        Counter.builder("academy.jobs.finished").description("Jobs that reached a final state").baseUnit("jobs")
                .tag("kind", kind).tag("outcome", tag).register(registry).increment();
        Timer.builder("academy.jobs.duration").description("Time a job ran on its device")
                .tag("kind", kind).tag("outcome", tag).register(registry).record(ran);
    }

    void step(String kind) {
        Counter.builder("academy.training.steps").description("Step events emitted by running jobs")
                .baseUnit("steps").tag("kind", kind).register(registry).increment();
    }
}
