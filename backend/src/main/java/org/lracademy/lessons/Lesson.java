package org.lracademy.lessons;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One lesson of the course: its text, as sections, and the experiments a learner can run from it.
 *
 * @param slug the lesson's address, {@code /lessons/{slug}}
 * @param promise one line saying what the learner will be able to do afterwards
 */
public record Lesson(String slug, String title, String promise, List<Section> sections,
        List<Experiment> experiments) {

    /** A heading and its paragraphs. */
    public record Section(String heading, List<String> paragraphs) {
    }

    /**
     * An experiment the lesson offers.
     *
     * @param kind which job it submits: {@code comparison}, {@code range-test} or {@code training}
     * @param spec the default request body, editable by the learner before it is submitted
     * @param dataChoices other data the learner may run it on, each as the top-level fields it replaces in
     *     {@code spec}; empty when the experiment has one data set
     */
    public record Experiment(String id, String title, String kind, String description, Object spec,
            @JsonProperty("data_choices") List<DataChoice> dataChoices) {

        public Experiment {
            dataChoices = dataChoices == null ? List.of() : List.copyOf(dataChoices);
        }
    }

    /**
     * One data set an experiment can run on.
     *
     * @param patch the fields of the spec this choice replaces (its data set, and the model and loss that suit it)
     */
    public record DataChoice(String label, Map<String, Object> patch) {
    }
}
