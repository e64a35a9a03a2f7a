package org.lracademy.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every experiment the lessons offer is a spec this engine accepts, with each variant it compares. */
class LessonSpecsTest {

    private static final List<String> WRAPPER_FIELDS = List.of("lrs", "dropouts", "inits", "start_lr", "end_lr",
            "num_iter", "mode", "smoothing", "diverge_threshold", "loss_source", "repeats");

    private final TrainingEngine engine = new TrainingEngine(new Datasets(Path.of("target/test-data")));

    @Test
    void everyLessonExperimentIsAValidSpec() throws IOException {
        JsonNode lessons;
        try (InputStream in = getClass().getResourceAsStream("/lessons/lessons.json")) {
            lessons = Goldens.JSON.readTree(in);
        }
        int checked = 0;
        for (JsonNode lesson : lessons) {
            for (JsonNode experiment : lesson.path("experiments")) {
                ObjectNode spec = (ObjectNode) experiment.get("spec");
                boolean rangeTest = experiment.path("kind").asText().equals("range-test");
                for (JsonNode init : spec.has("inits") ? spec.get("inits") : List.of(spec.path("model").path("init"))) {
                    ObjectNode variant = spec.deepCopy();
                    if (!init.isMissingNode()) {
                        ((ObjectNode) variant.get("model")).set("init", init);
                    }
                    TrainingSpec parsed = TrainingSpec.fromJson(variant, WRAPPER_FIELDS);
                    if (rangeTest) {
                        engine.validateForSteps(parsed);
                    } else {
                        engine.validate(parsed);
                    }
                    checked++;
                }
            }
        }
        assertEquals(9, checked, "six experiments, the initialisation one in four variants");
    }
}
