package io.sysrisk.serving;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The bad-input corpus ({@link BadInputCorpus}, 60+ cases) on every front: REST, a direct Lambda invocation (the
 * mock event server: each POST is one invocation) and a Function URL event. Each case gets a 4xx with a short JSON
 * error: never a 5xx, never a 200 with a probability.
 */
@QuarkusTest
class BadInputCorpusTest {

    /** Error messages are cut to this many characters (they may quote the caller's values). */
    private static final int MAX_ERROR = InvalidRequestException.MAX_MESSAGE + 20;

    @TestHTTPResource("/score")
    URL score;

    static List<BadInputCorpus.Case> cases() {
        return BadInputCorpus.all();
    }

    static List<BadInputCorpus.Case> jsonCases() {
        return BadInputCorpus.all().stream().filter(BadInputCorpus.Case::direct).toList();
    }

    @Test
    void theCorpusHasAtLeastSixtyCases() {
        assertTrue(cases().size() >= 60, "corpus size " + cases().size());
    }

    @ParameterizedTest(name = "REST: {0}")
    @MethodSource("cases")
    void rest(BadInputCorpus.Case c) throws Exception {
        Response r = given().contentType("application/json").body(c.body()).when().post(score);
        assertEquals(c.status(), r.statusCode(), c.name() + ": " + head(r.asString()));
        checkError(c, Requests.JSON.readTree(r.asString()));
    }

    @ParameterizedTest(name = "Lambda: {0}")
    @MethodSource("jsonCases")
    void directInvocation(BadInputCorpus.Case c) throws Exception {
        Response r = given().contentType("application/json").body(c.body()).post();
        assertEquals(200, r.statusCode(), c.name() + ": the invocation itself failed: " + head(r.asString()));
        JsonNode payload = Requests.JSON.readTree(r.asString());
        assertEquals(c.status(), payload.path("status").asInt(), c.name() + ": " + head(r.asString()));
        checkError(c, payload);
    }

    @ParameterizedTest(name = "Function URL: {0}")
    @MethodSource("cases")
    void functionUrl(BadInputCorpus.Case c) throws Exception {
        Response r = given().contentType("application/json").body(Requests.json(urlEvent(c.body()))).post();
        assertEquals(200, r.statusCode(), c.name() + ": the invocation itself failed: " + head(r.asString()));
        JsonNode http = Requests.JSON.readTree(r.asString());
        assertEquals(c.status(), http.path("statusCode").asInt(), c.name() + ": " + head(r.asString()));
        checkError(c, Requests.JSON.readTree(http.path("body").asText()));
    }

    @Test
    void anOversizedBodyIs413OnEveryFront() throws Exception {
        String body = BadInputCorpus.oversized();
        assertEquals(413, given().contentType("application/json").header("Expect", "100-continue").body(body)
                .when().post(score).statusCode());
        JsonNode http = Requests.JSON.readTree(given().contentType("application/json")
                .body(Requests.json(urlEvent(body))).post().asString());
        assertEquals(413, http.path("statusCode").asInt(), head(http.toString()));
        JsonNode direct = Requests.JSON.readTree(given().contentType("application/json").body(body).post().asString());
        assertEquals(413, direct.path("status").asInt(), head(direct.toString()));
    }

    static Map<String, Object> urlEvent(String body) {
        return Map.of("version", "2.0", "rawPath", "/", "requestContext",
                Map.of("http", Map.of("method", "POST", "path", "/")),
                "headers", Map.of("content-type", "application/json"), "body", body, "isBase64Encoded", false);
    }

    private static void checkError(BadInputCorpus.Case c, JsonNode error) {
        String message = error.path("error").asText("");
        assertTrue(!message.isBlank(), c.name() + ": no error message in " + head(error.toString()));
        assertTrue(message.length() <= MAX_ERROR, c.name() + ": error of " + message.length() + " characters");
        assertTrue(error.path("scores").isMissingNode() || error.path("scores").isNull(), c.name());
    }

    private static String head(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
