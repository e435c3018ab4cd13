package io.sysrisk.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A caller's mistake is a 400 payload; an internal failure is a real function error (Lambda counts those). */
class ScoreFunctionErrorsTest {

    private static ScoreFunction function(RuntimeException failure) {
        ScoreFunction f = new ScoreFunction();
        f.json = new ObjectMapper();
        f.config = ScoringServiceStartupTest.config("packaged", "any-index");
        f.service = new ScoringService(null) {
            @Override
            public ScoreResponse score(ScoreRequest request) {
                throw failure;
            }

            @Override
            public io.sysrisk.store.ModelManifest manifest() {
                return new io.sysrisk.store.ModelStore(java.nio.file.Path.of("model-store")).manifest("any-index");
            }
        };
        return f;
    }

    @Test
    void internalErrorsAreThrownClientErrorsAreAnswered() throws Exception {
        RawEvent event = new RawEvent("{\"dates\": [\"2020-01-02\"], \"series\": {\"close\": [1.0]}}");
        IllegalStateException bug = new IllegalStateException("a bug in /internal/path");
        // A real function error, but the runtime hands the caller nothing of the internals: no stack, no cause.
        ScoreFunction.ScoringFailure thrown = assertThrows(ScoreFunction.ScoringFailure.class,
                () -> function(bug).score(event));
        assertEquals(0, thrown.getStackTrace().length);
        assertEquals(null, thrown.getCause());
        assertTrue(thrown.getMessage().startsWith("internal error (request id ") && !thrown.getMessage().contains("bug"),
                thrown.getMessage());
        JsonNode answer = function(new InvalidRequestException("too few days")).score(event);
        assertEquals(400, answer.path("status").asInt());
        assertEquals("too few days", answer.path("error").asText());
    }

    /** A long error is cut to 500 characters on the Lambda fronts too, as on REST. */
    @Test
    void lambdaErrorsAreCutLikeRestErrors() {
        String longField = "x".repeat(5000);
        JsonNode answer = function(new IllegalStateException()).score(new RawEvent("{\"" + longField + "\": 1}"));
        assertEquals(400, answer.path("status").asInt());
        assertTrue(answer.path("error").asText().length() <= InvalidRequestException.MAX_MESSAGE,
                answer.path("error").asText().length() + " characters");
    }
}
