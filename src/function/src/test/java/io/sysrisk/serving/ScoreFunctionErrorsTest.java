package io.sysrisk.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        };
        return f;
    }

    @Test
    void internalErrorsAreThrownClientErrorsAreAnswered() throws Exception {
        RawEvent event = new RawEvent("{\"dates\": [\"2020-01-02\"], \"series\": {\"close\": [1.0]}}");
        IllegalStateException bug = new IllegalStateException("a bug");
        assertEquals(bug, assertThrows(IllegalStateException.class, () -> function(bug).score(event)));
        JsonNode answer = function(new InvalidRequestException("too few days")).score(event);
        assertEquals(400, answer.path("status").asInt());
        assertEquals("too few days", answer.path("error").asText());
    }
}
