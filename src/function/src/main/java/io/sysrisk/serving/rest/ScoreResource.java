package io.sysrisk.serving.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.sysrisk.serving.ModelInfo;
import io.sysrisk.serving.ScoreRequest;
import io.sysrisk.serving.ScoreResponse;
import io.sysrisk.serving.ScoringService;

/** REST for local work: the same service as the Lambda function. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    @Inject
    ScoringService service;

    @POST
    @Path("score")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Probability of a systemic event after the last date sent (or each date of a range)")
    public ScoreResponse score(ScoreRequest request) {
        return service.score(request);
    }

    @GET
    @Path("model")
    @Operation(summary = "The served model: version, input, features, window, label, threshold, test metrics")
    public ModelInfo model() {
        return ModelInfo.of(service.manifest());
    }
}
