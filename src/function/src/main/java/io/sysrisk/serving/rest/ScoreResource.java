package io.sysrisk.serving.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.sysrisk.serving.InvalidRequestException;
import io.sysrisk.serving.JsonErrors;
import io.sysrisk.serving.ModelInfo;
import io.sysrisk.serving.ScoreRequest;
import io.sysrisk.serving.ScoreResponse;
import io.sysrisk.serving.ScoringService;
import io.sysrisk.serving.StrictJson;

/** REST for local work: the same service as the Lambda function. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    @Inject
    EvidenceService evidence;

    @Inject
    ScoringService service;

    @Inject
    io.sysrisk.serving.ServingConfig config;

    @POST
    @Path("score")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Probability of a systemic event after the last date sent (or each date of a range)")
    @RequestBody(content = @Content(schema = @Schema(implementation = ScoreRequest.class)))
    public ScoreResponse score(String body) {
        // The raw text, read strictly here (StrictJson), so no lenient reader sees the request first.
        ScoreRequest request;
        try {
            request = StrictJson.request(body, config.serving().maxDays(),
                    service.manifest().input().columns());
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(JsonErrors.describe(e));
        }
        return service.score(request);
    }

    @GET
    @Path("model")
    @Operation(summary = "The served model: version, input, features, window, label, threshold, test metrics")
    public ModelInfo model() {
        return ModelInfo.of(service.manifest(), service.modelSha256(), evidence.outOfSample(), service.preference());
    }
}
