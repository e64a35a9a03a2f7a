package org.lracademy.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.lracademy.spec.InvalidSpecException;
import org.lracademy.training.Dataset;
import org.lracademy.training.Datasets;
import org.lracademy.training.Task;

/**
 * The data sets a training can name: the bundled digits, the generated line, and uploaded CSV tables.
 * An upload is at most 20 MB, 200,000 rows and 1,025 columns (features, then the label or target); a
 * classification label is an integer in [0, 1000); a bad value is reported with its line and column.
 */
@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {

    @Inject
    Datasets datasets;

    @GET
    public List<Dataset.Info> list() {
        return datasets.list();
    }

    @GET
    @Path("/{id}")
    public Dataset.Info get(@PathParam("id") String id) {
        return datasets.list().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow(() ->
                new NotFoundException("No data set is called '" + id + "'; GET /api/v1/datasets lists them."));
    }

    /** Stores a CSV table: numeric columns, the last one the label (classification) or target (regression). */
    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Response upload(@QueryParam("name") String name, @QueryParam("task") String task, String csv) {
        Task kind = task(task);
        if (name != null && datasets.exists(name)) {
            throw new WebApplicationException("A data set named '" + name + "' exists already; choose another name.",
                    Response.Status.CONFLICT);
        }
        Dataset.Info stored = datasets.store(name, kind, csv == null ? "" : csv).info();
        return Response.created(URI.create("/api/v1/datasets/" + stored.id())).entity(stored).build();
    }

    private static Task task(String task) {
        if (task == null || !List.of("classification", "regression").contains(task)) {
            throw new InvalidSpecException("task", task, "must be classification or regression");
        }
        return Task.valueOf(task.toUpperCase(Locale.ROOT));
    }
}
