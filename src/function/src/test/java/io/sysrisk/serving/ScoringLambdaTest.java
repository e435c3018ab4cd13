package io.sysrisk.serving;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The Lambda handler, invoked through Quarkus' mock event server (RestAssured's default port in a @QuarkusTest with
 * the Lambda extension): each POST is one invocation.
 */
@QuarkusTest
class ScoringLambdaTest {

    @Test
    void anInvocationIsScored() {
        LocalDate day = LocalDate.of(2020, 2, 21);
        double rest = given().contentType("application/json").body(Requests.json(Requests.ending(day, 320))).post()
                .then().statusCode(200).body("modelVersion", equalTo("any-index")).body("scores", hasSize(1))
                .body("scores[0].asOf", equalTo(day.toString())).body("scores[0].attention", hasSize(60))
                .extract().jsonPath().getDouble("scores[0].probability");
        // The same window sent a second time (the warm path) gives the same answer.
        double again = given().contentType("application/json").body(Requests.json(Requests.ending(day, 400))).post()
                .then().statusCode(200).extract().jsonPath().getDouble("scores[0].probability");
        org.junit.jupiter.api.Assertions.assertEquals(rest, again, 1e-9);
    }

    /**
     * A direct invocation asks for an alarm's preference as a REST request does: the answer's alarm is the model's at
     * that preference; one not offered, or not a number, is an error payload naming what is offered.
     */
    @Test
    void anInvocationAsksForAPreference() {
        io.sysrisk.store.ModelManifest m = new io.sysrisk.store.ModelStore(java.nio.file.Path.of("model-store"))
                .manifest("any-index");
        Map<String, Object> r = Requests.ending(LocalDate.of(2020, 4, 17), 320);
        for (double mu : m.preferences()) {
            r.put("preference", mu);
            given().contentType("application/json").body(Requests.json(r)).post().then().statusCode(200)
                    .body("alarm.preference", equalTo((float) mu)).body("alarm.by", equalTo(m.alarmAt(mu).by()))
                    .body("scores", hasSize(1));
        }
        r.put("preference", 0.9);
        given().contentType("application/json").body(Requests.json(r)).post().then().statusCode(200)
                .body("status", equalTo(400)).body("error", containsString("not offered; offered: "
                        + m.preferences()));
        r.put("preference", "0.7");
        given().contentType("application/json").body(Requests.json(r)).post().then().statusCode(200)
                .body("status", equalTo(400)).body("error", containsString("preference"));
    }

    /** A model that carries no markets refuses a request that names one, saying what to send instead. */
    @Test
    void anInvocationNamingAMarketOfAModelThatCarriesNoneIsRefused() {
        given().contentType("application/json").body(Requests.json(Map.of("embedded", List.of("spx")))).post()
                .then().statusCode(200).body("status", equalTo(400))
                .body("error", containsString("model any-index carries no markets to score by name: send a "
                        + "market's 'dates' and 'series'"));
    }

    /**
     * Several markets in one invocation: one answer per market, each the answer its own request gets; a market
     * that cannot be scored is its own 400, the others are answered.
     */
    @Test
    void anInvocationOfSeveralMarketsAnswersEachAsItsOwnRequest() {
        Map<String, Object> a = Requests.ending(LocalDate.of(2020, 2, 21), 320);
        Map<String, Object> b = Requests.ending(LocalDate.of(2008, 10, 10), 330);
        Map<String, Object> markets = new java.util.LinkedHashMap<>();
        markets.put("sp500-2020", a);
        markets.put("sp500-2008", b);
        markets.put("short", Requests.ending(LocalDate.of(2020, 2, 21), 100));
        var r = given().contentType("application/json").body(Requests.json(Map.of("markets", markets,
                "attention", false))).post().then().statusCode(200).body("modelVersion", equalTo("any-index"))
                .body("markets.short.status", equalTo(400))
                .body("markets.short.error", containsString("at least 309 days")).extract().jsonPath();
        for (var e : Map.of("sp500-2020", a, "sp500-2008", b).entrySet()) {
            double alone = given().contentType("application/json").body(Requests.json(e.getValue())).post().then()
                    .statusCode(200).extract().jsonPath().getDouble("scores[0].probability");
            org.junit.jupiter.api.Assertions.assertEquals(alone, r.getDouble("markets.'" + e.getKey()
                    + "'.scores[0].probability"), 0.0, e.getKey());
        }
        given().contentType("application/json").body(Requests.json(Map.of("markets", markets, "dates",
                java.util.List.of("2020-01-02")))).post().then().statusCode(200).body("status", equalTo(400))
                .body("error", containsString("not both"));
    }

    @Test
    void badInputGetsAnErrorPayloadAndTheFunctionGoesOn() {
        Map<String, Object> r = Requests.ending(LocalDate.of(2020, 2, 21), 100);
        given().contentType("application/json").body(Requests.json(r)).post()
                .then().statusCode(200).body("status", equalTo(400))
                .body("error", containsString("at least 309 days"));
        given().contentType("application/json").body("{}").post()
                .then().statusCode(200).body("status", equalTo(400)).body("error", containsString("empty request"));
        given().contentType("application/json").body(Requests.json(Requests.ending(LocalDate.of(2020, 2, 21), 320)))
                .post().then().statusCode(200).body("scores", hasSize(1));
    }

    /** A Function URL event: the request is the body, the answer an HTTP response with the right status. */
    @Test
    void functionUrlEventsGetHttpResponses() throws Exception {
        String request = Requests.json(Requests.ending(LocalDate.of(2020, 2, 21), 320));
        Map<String, Object> event = Map.of("version", "2.0", "rawPath", "/",
                "requestContext", Map.of("http", Map.of("method", "POST", "path", "/")),
                "headers", Map.of("content-type", "application/json"), "body", request, "isBase64Encoded", false);
        var r = given().contentType("application/json").body(Requests.json(event)).post().then().statusCode(200)
                .body("statusCode", equalTo(200)).extract().jsonPath();
        var body = Requests.JSON.readTree(r.getString("body"));
        org.junit.jupiter.api.Assertions.assertEquals("2020-02-21", body.path("scores").path(0).path("asOf").asText());

        Map<String, Object> bad = new java.util.HashMap<>(event);
        bad.put("body", java.util.Base64.getEncoder().encodeToString("{\"dates\": [".getBytes()));
        bad.put("isBase64Encoded", true);
        r = given().contentType("application/json").body(Requests.json(bad)).post().then().statusCode(200)
                .body("statusCode", equalTo(400)).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertTrue(r.getString("body").contains("malformed request JSON"));

        bad.put("body", "not base64 at all!");
        r = given().contentType("application/json").body(Requests.json(bad)).post().then().statusCode(200)
                .body("statusCode", equalTo(400)).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertTrue(r.getString("body").contains("not base64"), r.getString("body"));

        Map<String, Object> trailing = new java.util.HashMap<>(event);
        trailing.put("body", request + " garbage");
        given().contentType("application/json").body(Requests.json(trailing)).post().then().statusCode(200)
                .body("statusCode", equalTo(400));
    }

    @Test
    void wrongTypesInADirectInvocation() {
        given().contentType("application/json").body("{\"dates\": 5}").post()
                .then().statusCode(200).body("status", equalTo(400))
                .body("error", containsString("malformed request JSON at 'dates'"));
    }
}
