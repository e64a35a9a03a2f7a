package org.lracademy.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lracademy.api.JobCalls;

@QuarkusTest
class JobMetricsTest {

    @Inject
    MeterRegistry registry;

    @Test
    void finishedJobIsCountedTimedAndItsStepsCounted() throws Exception {
        double stepsBefore = registry.find("academy.training.steps").tag("kind", "scripted").counters().stream()
                .mapToDouble(c -> c.count()).sum();
        String id = JobCalls.submit("metered", "{\"steps\": 7}");
        JobCalls.awaitState("metered", id, "SUCCEEDED");

        var submitted = registry.get("academy.jobs.submitted").tag("kind", "scripted").counter();
        assertThat(submitted.count(), greaterThanOrEqualTo(1.0));
        assertThat(submitted.getId().getBaseUnit(), is("jobs"));
        var finished = registry.get("academy.jobs.finished").tags("kind", "scripted", "outcome", "succeeded")
                .counter();
        assertThat(finished.count(), greaterThanOrEqualTo(1.0));
        var duration = registry.get("academy.jobs.duration").tags("kind", "scripted", "outcome", "succeeded")
                .timer();
        assertThat(duration.count(), greaterThanOrEqualTo(1L));
        assertThat(duration.totalTime(TimeUnit.NANOSECONDS) > 0, is(true));
        assertThat(registry.get("academy.jobs.queue.wait").tag("kind", "scripted").timer().count(),
                greaterThanOrEqualTo(1L));
        var steps = registry.get("academy.training.steps").tag("kind", "scripted").counter();
        assertThat(steps.count() - stepsBefore, greaterThanOrEqualTo(7.0));
        assertThat(steps.getId().getBaseUnit(), is("steps"));
        assertThat(registry.get("academy.jobs.running").tag("device", "cpu").gauge(), notNullValue());
        assertThat(registry.get("academy.slots.capacity").gauge().value(), is(2.0));
        assertThat(registry.get("academy.slots.used").gauge().getId().getBaseUnit(), is("slots"));
        assertThat(registry.get("academy.jobs.queue.depth").gauge().getId().getBaseUnit(), is("jobs"));
    }

    @Test
    void prometheusScrapeShowsTheJobMetersWithTheirUnits() throws Exception {
        String id = JobCalls.submit("scraped", "{\"steps\": 2}");
        JobCalls.awaitState("scraped", id, "SUCCEEDED");

        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(scrape, containsString("academy_jobs_submitted_jobs_total{kind=\"scripted\"}"));
        String succeeded = "{kind=\"scripted\",outcome=\"succeeded\"}";
        assertThat(scrape, containsString("academy_jobs_finished_jobs_total" + succeeded));
        assertThat(scrape, containsString("academy_jobs_duration_seconds_count" + succeeded));
        assertThat(scrape, containsString("academy_jobs_queue_wait_seconds_count{kind=\"scripted\"}"));
        assertThat(scrape, containsString("academy_training_steps_total{kind=\"scripted\"}"));
        assertThat(scrape, containsString("academy_jobs_queue_depth_jobs"));
        assertThat(scrape, containsString("academy_jobs_running_jobs{device=\"cpu\"}"));
        assertThat(scrape, containsString("academy_slots_used_slots"));
        assertThat(scrape, containsString("academy_slots_capacity_slots 2.0"));
    }
}
