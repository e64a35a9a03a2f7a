package org.lracademy.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.lracademy.lessons.Lesson;
import org.lracademy.lessons.LessonCatalogue;

@Path("/api/v1/lessons")
@Produces(MediaType.APPLICATION_JSON)
public class LessonResource {

    /** A lesson as listed: enough for the course home page. */
    public record Summary(String slug, String title, String promise) {
    }

    @Inject
    LessonCatalogue catalogue;

    @GET
    public List<Summary> list() {
        return catalogue.all().stream().map(l -> new Summary(l.slug(), l.title(), l.promise())).toList();
    }

    @GET
    @Path("/{slug}")
    public Lesson get(@PathParam("slug") String slug) {
        return catalogue.find(slug).orElseThrow(() -> new NotFoundException("No lesson is called '" + slug
                + "'; GET /api/v1/lessons lists them."));
    }
}
