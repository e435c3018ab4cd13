package io.sysrisk.serving;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.funqy.Funq;

/**
 * The AWS Lambda function (Funqy, behind {@link ScoreHandler}). It reads each event itself, as raw text
 * ({@link RawEvent}, {@link StrictJson}). Two kinds of event:
 * <ul>
 *   <li>a direct invocation ({@code aws lambda invoke}): the event is the request JSON and the result the response
 *       JSON; a request that cannot be scored is answered with {@code status} 400 (413 over the size limit) and
 *       {@code error} as a normal payload, so a caller's mistake is not counted or retried as a function error;
 *       an internal failure is thrown, a real function error that Lambda counts;</li>
 *   <li>a Function URL (or API Gateway HTTP API) event: the request JSON is its {@code body}, and the answer is an
 *       HTTP response with the matching status code.</li>
 * </ul>
 */
public class ScoreFunction {

    private static final Logger LOG = Logger.getLogger(ScoreFunction.class);

    @Inject
    ScoringService service;

    @Inject
    ObjectMapper json;

    @Inject
    ServingConfig config;

    @Funq("score")
    public JsonNode score(RawEvent raw) {
        String text = raw == null ? "null" : raw.json();
        JsonNode event;
        try {
            // The same limit as REST's body limit, on the whole event, before it is parsed.
            event = StrictJson.tree(checkedSize(text));
        } catch (JsonProcessingException e) {
            return ScoreResponse.error(400, JsonErrors.describe(e)).toTree();
        } catch (TooLargeException e) {
            ScoreResponse r = ScoreResponse.error(413, e.getMessage());
            // Unparsed, a Function URL event is told from a direct payload by its requestContext key.
            return text.contains("\"requestContext\"") ? httpResponse(413, r) : r.toTree();
        }
        if (isHttpEvent(event)) {
            ScoreResponse r = handle(() -> StrictJson.request(checkedSize(httpBody(event)),
                    config.serving().maxDays(), service.manifest().input().columns()));
            int status = r.status() == null ? 200 : r.status();
            return httpResponse(status, r);
        }
        return handle(() -> StrictJson.request(event, config.serving().maxDays(),
                service.manifest().input().columns())).toTree();
    }

    private interface RequestSource {
        ScoreRequest get() throws JsonProcessingException;
    }

    private ScoreResponse handle(RequestSource source) {
        try {
            return service.score(source.get());
        } catch (JsonProcessingException e) {
            return ScoreResponse.error(400, JsonErrors.describe(e));
        } catch (InvalidRequestException e) {
            return ScoreResponse.error(400, e.getMessage());
        } catch (TooLargeException e) {
            return ScoreResponse.error(413, e.getMessage());
        } catch (RuntimeException e) {
            // Not the caller's mistake: a real function error, so that Lambda counts it (Errors metric, alarms)
            // instead of a 200 payload that says 500. Logged once here, in full, with the request id; the caller
            // gets only a ScoringFailure (type, message, request id): no stack trace, no cause, no internal text.
            String id = ScoreHandler.requestId();
            LOG.errorf(e, "scoring failed (request id %s)", id);
            throw new ScoringFailure(id);
        }
    }

    /** Function URL and HTTP API events carry the caller's HTTP request in requestContext.http and body. */
    static boolean isHttpEvent(JsonNode event) {
        return event != null && event.has("requestContext") && event.path("requestContext").has("http");
    }

    private static String httpBody(JsonNode event) {
        String body = event.path("body").isTextual() ? event.path("body").asText() : null;
        if (body != null && event.path("isBase64Encoded").asBoolean(false)) {
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("the event says isBase64Encoded, but its body is not base64: "
                        + e.getMessage());
            }
        }
        return body;
    }

    /** The same body limit as REST's, checked before parsing. */
    private String checkedSize(String body) {
        int limit = config.serving().maxBodyBytes();
        if (body != null && body.length() > limit / 3 && body.getBytes(StandardCharsets.UTF_8).length > limit) {
            throw new TooLargeException("the request body is larger than " + limit + " bytes");
        }
        return body;
    }

    /** A body over the size limit: HTTP 413. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(String message) {
            super(message);
        }
    }

    /** A Function URL / HTTP API answer: status, JSON content type, the answer as its body. */
    private JsonNode httpResponse(int status, ScoreResponse r) {
        com.fasterxml.jackson.databind.node.ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode();
        n.put("statusCode", status);
        n.putObject("headers").put("content-type", "application/json");
        n.put("body", write(r));
        return n;
    }

    private String write(ScoreResponse r) {
        try {
            return json.writeValueAsString(r.toTree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a direct caller sees of an internal failure: the runtime reports an exception's type, message and stack
     * trace, so this one has a fixed message, no stack trace and no cause.
     */
    public static final class ScoringFailure extends RuntimeException {
        ScoringFailure(String requestId) {
            super("internal error (request id " + requestId + "); see the function's log", null, false, false);
        }
    }
}
