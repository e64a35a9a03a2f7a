package org.lracademy.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lracademy.rangetest.Diagnosis;
import org.lracademy.rangetest.DiagnosisRequest;

/** Judges a loss curve synchronously: diverging, oscillating, too slow or converging, with the evidence. */
@Path("/api/v1/curves/diagnosis")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CurveDiagnosisResource {

    @POST
    public Diagnosis diagnose(DiagnosisRequest request) {
        return Bodies.required(request).diagnose();
    }
}
