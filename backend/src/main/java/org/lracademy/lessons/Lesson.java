package org.lracademy.lessons;

import java.util.List;

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
     */
    public record Experiment(String id, String title, String kind, String description, Object spec) {
    }
}
