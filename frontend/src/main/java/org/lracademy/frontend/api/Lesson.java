package org.lracademy.frontend.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A lesson's text and the experiments it offers, as the backend serves them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Lesson(String slug, String title, String promise, List<Section> sections,
        List<Experiment> experiments) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Section(String heading, List<String> paragraphs) {
    }

    /**
     * {@code kind} is the job it submits; {@code spec} the default request body; {@code dataChoices} other data it
     * may run on, each a {@code label} and the top-level fields ({@code patch}) it replaces in the spec.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Experiment(String id, String title, String kind, String description, JsonNode spec,
            @com.fasterxml.jackson.annotation.JsonProperty("data_choices") JsonNode dataChoices) {

        /** The labels of the data it may run on; empty when there is no choice. */
        public java.util.List<String> dataLabels() {
            java.util.List<String> labels = new java.util.ArrayList<>();
            if (dataChoices != null) {
                dataChoices.forEach(choice -> labels.add(choice.path("label").asText()));
            }
            return labels;
        }

        /** The spec for the data labelled {@code label}: the default spec with that choice's fields put in. */
        public JsonNode specFor(String label) {
            com.fasterxml.jackson.databind.node.ObjectNode patched = spec.deepCopy();
            if (dataChoices != null) {
                dataChoices.forEach(choice -> {
                    if (choice.path("label").asText().equals(label) && choice.path("patch").isObject()) {
                        patched.setAll((com.fasterxml.jackson.databind.node.ObjectNode) choice.get("patch"));
                    }
                });
            }
            return patched;
        }
    }
}
