package org.lracademy.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lracademy.rangetest.AnalysisRequest;
import org.lracademy.rangetest.RangeTestAnalysis;

/** Analyses a recorded range-test curve synchronously; nothing is trained and nothing is stored. */
@Path("/api/v1/range-tests/analysis")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RangeTestAnalysisResource {

    @POST
    public RangeTestAnalysis analyse(AnalysisRequest request) {
        return Bodies.required(request).analyse();
    }
}
