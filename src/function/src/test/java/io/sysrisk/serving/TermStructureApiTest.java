package io.sysrisk.serving;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A term-structure model served (issue 26: the committed any-index-horizons): every front answers each date's
 * {@code termStructure}, horizon in days to probability, beside {@code probability} (the 20-day one, as before), the
 * same numbers on REST, a direct Lambda invocation and a Function URL event; GET /model lists the horizons.
 */
@QuarkusTest
@TestProfile(TermStructureApiTest.Horizons.class)
class TermStructureApiTest {

    /** Serves the committed term-structure version. */
    public static class Horizons implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sysrisk.model.version", "any-index-horizons");
        }
    }

    private static final List<String> HORIZONS = List.of("5", "20", "60");

    @TestHTTPResource("/score")
    URL score;

    @TestHTTPResource("/model")
    URL model;

    @Test
    void everyFrontAnswersTheSameTermStructure() throws Exception {
        String request = Requests.json(Requests.ending(LocalDate.of(2008, 10, 10), 330));
        JsonNode rest = Requests.JSON.readTree(given().contentType("application/json").body(request).post(score)
                .then().statusCode(200).body("modelVersion", equalTo("any-index-horizons")).extract().asString());
        JsonNode lambda = Requests.JSON.readTree(given().contentType("application/json").body(request).post()
                .then().statusCode(200).extract().asString());
        Map<String, Object> event = Map.of("version", "2.0", "rawPath", "/",
                "requestContext", Map.of("http", Map.of("method", "POST", "path", "/")),
                "headers", Map.of("content-type", "application/json"), "body", request, "isBase64Encoded", false);
        JsonNode url = Requests.JSON.readTree(Requests.JSON.readTree(given().contentType("application/json")
                .body(Requests.json(event)).post().then().statusCode(200).body("statusCode", equalTo(200))
                .extract().asString()).path("body").asText());
        JsonNode s = rest.path("scores").get(0);
        assertEquals("2008-10-10", s.path("asOf").asText());
        JsonNode ts = s.path("termStructure");
        List<String> keys = new java.util.ArrayList<>();
        ts.fieldNames().forEachRemaining(keys::add);
        assertEquals(HORIZONS, keys, "horizons in days, ascending");
        assertTrue(ts.path("5").asDouble() <= ts.path("20").asDouble()
                && ts.path("20").asDouble() <= ts.path("60").asDouble(), ts.toString());
        assertEquals(s.path("probability").asDouble(), ts.path("20").asDouble(), 0.0, "probability is the 20-day one");
        for (JsonNode other : List.of(lambda, url)) {
            assertEquals(s.path("termStructure"), other.path("scores").get(0).path("termStructure"));
            assertEquals(s.path("probability"), other.path("scores").get(0).path("probability"));
        }
    }

    /** GET /model: the horizons, and each one's out-of-sample figures from the committed per-horizon report. */
    @Test
    void getModelListsTheHorizonsAndTheirEvidence() throws Exception {
        JsonNode m = Requests.JSON.readTree(given().get(model).then().statusCode(200)
                .body("version", equalTo("any-index-horizons")).body("horizons", contains(5, 20, 60))
                .extract().asString());
        JsonNode report = Requests.JSON.readTree(java.nio.file.Path.of("model-store", "any-index-horizons", "report",
                "term-structure.json").toFile());
        JsonNode evidence = m.path("outOfSample");
        assertTrue(evidence.path("method").asText().startsWith("leave-one-market-out, per horizon"), m.toString());
        assertEquals(0, evidence.path("decreasingAnswers").asInt());
        // Whether the served (20-day) number is a probability: the report's proper scores of that horizon say.
        JsonNode served = report.path("pooled").get(1).path("probabilities");
        JsonNode probability = evidence.path("probability");
        assertEquals(served.path("brierSkill"), probability.path("brierSkill"), probability.toString());
        assertEquals(served.path("reliability").size(), probability.path("observedRateByScore").size());
        assertEquals(probability.path("calibrated").asBoolean() ? "a probability, calibrated out of sample"
                : "a ranking of days, not a calibrated probability", probability.path("meaning").asText());
        assertTrue(probability.path("meanOverObservedByFold").has("djia"), probability.toString());
        assertEquals(3, evidence.path("horizons").size());
        assertEquals(3, evidence.path("onsetsOutOfCalm").size());
        for (int k = 0; k < 3; k++) {
            JsonNode c = evidence.path("onsetsOutOfCalm").get(k);
            assertEquals(List.of(5, 20, 60).get(k), c.path("days").asInt());
            assertEquals(report.path("calm").get(k).path("ranking"), c.path("ranking"));
        }
        for (int k = 0; k < 3; k++) {
            JsonNode h = evidence.path("horizons").get(k);
            JsonNode pooled = report.path("pooled").get(k);
            assertEquals(List.of(5, 20, 60).get(k), h.path("days").asInt());
            assertEquals(pooled.path("modelPrAuc").asDouble(), h.path("modelPrAuc").asDouble(), 0.0);
            assertEquals(pooled.path("prVsVolatility"), h.path("prVsVolatility"));
            assertTrue(evidence.path("inWords").asText().contains("Within " + h.path("days").asInt()
                    + " trading days the model's PR-AUC"), evidence.path("inWords").asText());
            // Each horizon as an alarm: the report's verdict against the uninformative alarms, in brief and words.
            JsonNode a = evidence.path("alarms").get(k);
            JsonNode table = report.path("pooledAlarms").get(k);
            assertEquals(List.of(5, 20, 60).get(k), a.path("days").asInt());
            assertEquals(table.path("verdict"), a.path("verdict"));
            assertEquals(table.path("adopted"), a.path("adopted"));
            // The verdict's flag is the report's own comparison: the alarm's skill above every null's.
            JsonNode v = a.path("verdict");
            boolean beats = v.path("skill").asDouble() > Math.max(Math.max(v.path("alwaysOn").asDouble(),
                    v.path("evenlySpaced").asDouble()), Math.max(v.path("calendar").asDouble(),
                    v.path("shift95").asDouble()));
            assertTrue(a.path("beatsNulls").isBoolean(), a.toString());
            assertEquals(beats, a.path("beatsNulls").asBoolean(), a.toString());
            assertTrue(evidence.path("alarmsInWords").asText().contains(beats ? "; no uninformative alarm"
                    : "; an uninformative alarm"), evidence.path("alarmsInWords").asText());
            assertEquals(5, a.path("folds").asInt());
            assertTrue(evidence.path("alarmsInWords").asText().contains("Within " + h.path("days").asInt()
                    + " trading days the alarm is " + a.path("alarmedBy").asText() + ": per-day skill "
                    + String.format(java.util.Locale.ROOT, "%.3f", a.path("verdict").path("skill").asDouble())),
                    evidence.path("alarmsInWords").asText());
        }
    }
}
