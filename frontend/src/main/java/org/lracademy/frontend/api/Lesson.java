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

    /** {@code kind} is the job it submits; {@code spec} the default request body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Experiment(String id, String title, String kind, String description, JsonNode spec) {
    }
}
