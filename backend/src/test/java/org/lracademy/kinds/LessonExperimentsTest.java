package org.lracademy.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Every experiment a lesson offers is accepted by the kind that runs it, exactly as the frontend submits it. */
@QuarkusTest
class LessonExperimentsTest {

    @Inject
    Comparisons comparisons;
    @Inject
    TrainingKind training;
    @Inject
    RangeTestKind rangeTest;

    @Test
    void everyLessonExperimentIsAcceptedByItsKind() throws Exception {
        JsonNode lessons;
        try (InputStream in = getClass().getResourceAsStream("/lessons/lessons.json")) {
            lessons = new ObjectMapper().readTree(in);
        }
        int checked = 0;
        for (JsonNode lesson : lessons) {
            for (JsonNode experiment : lesson.path("experiments")) {
                JsonNode spec = experiment.get("spec");
                switch (experiment.path("kind").asText()) {
                    case "range-test" -> rangeTest.validate(spec);
                    case "comparison" -> {
                        if (Comparisons.ORDER.stream().anyMatch(spec::has)) {
                            assertTrue(comparisons.plan(spec).runs().size() >= 2, experiment.path("id").asText());
                        } else {
                            training.validate(spec);
                        }
                    }
                    default -> training.validate(spec);
                }
                checked++;
            }
        }
        assertEquals(6, checked, "the course's six experiments");
    }
}
