package io.sysrisk.serving.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.sysrisk.serving.InvalidRequestException;
import io.sysrisk.serving.ScoreResponse;

/**
 * Turns failures into JSON {@link ScoreResponse} errors: 4xx for the caller's mistakes (the body is read by
 * {@code StrictJson} in the resource, whose errors arrive as InvalidRequestException), never a stack trace.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return json(400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // e.g. 413 for a body over the limit, 415 for another content type: the one error shape.
        int status = e.getResponse().getStatus();
        return json(status, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("request failed", e);
        return json(500, "internal error; see the server log");
    }

    private static Response json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(ScoreResponse.error(status, message))
                .build();
    }
}
