package org.lracademy.lessons;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The four lessons of the course, read once from {@code lessons/lessons.json} on the class path. */
@ApplicationScoped
public class LessonCatalogue {

    private final List<Lesson> lessons;

    @Inject
    public LessonCatalogue(ObjectMapper mapper) {
        try (InputStream in = LessonCatalogue.class.getResourceAsStream("/lessons/lessons.json")) {
            if (in == null) {
                throw new IllegalStateException("lessons/lessons.json is missing from the class path");
            }
            lessons = List.copyOf(mapper.readValue(in, new TypeReference<List<Lesson>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("lessons/lessons.json could not be read", e);
        }
    }

    public List<Lesson> all() {
        return lessons;
    }

    public Optional<Lesson> find(String slug) {
        return lessons.stream().filter(l -> l.slug().equals(slug)).findFirst();
    }
}
