package org.lracademy.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    private JsonNode lessons() throws java.io.IOException {
        try (InputStream in = getClass().getResourceAsStream("/lessons/lessons.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void comparisonRunsAreLabelledAsTheLearnerReadsThem() throws Exception {
        JsonNode init = null;
        JsonNode batchNorm = null;
        for (JsonNode lesson : lessons()) {
            for (JsonNode experiment : lesson.path("experiments")) {
                if (experiment.path("id").asText().equals("init-schemes")) {
                    init = experiment.get("spec");
                } else if (experiment.path("id").asText().equals("bn-vs-plain")) {
                    batchNorm = experiment.get("spec");
                }
            }
        }
        assertEquals(java.util.List.of("init zeros", "init normal(std 1)", "init xavier_normal", "init kaiming_normal"),
                comparisons.plan(init).runs().stream().map(Comparisons.Run::label).toList());
        assertEquals(java.util.List.of("lr 0.1, batch norm off", "lr 0.1, batch norm on", "lr 1, batch norm off",
                "lr 1, batch norm on", "lr 3, batch norm off", "lr 3, batch norm on"),
                comparisons.plan(batchNorm).runs().stream().map(Comparisons.Run::label).toList());
    }

    @Test
    void everyLessonExperimentIsAcceptedByItsKind() throws Exception {
        JsonNode lessons = lessons();
        int checked = 0;
        for (JsonNode lesson : lessons) {
            for (JsonNode experiment : lesson.path("experiments")) {
                for (JsonNode choice : experiment.path("data_choices")) {
                    ObjectNode patched = ((ObjectNode) experiment.get("spec").deepCopy());
                    patched.setAll((ObjectNode) choice.get("patch"));
                    assertTrue(comparisons.plan(patched).runs().size() >= 2, choice.path("label").asText());
                }
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
