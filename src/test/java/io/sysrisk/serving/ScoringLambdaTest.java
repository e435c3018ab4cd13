package io.sysrisk.serving;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
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
                .then().statusCode(200).body("modelVersion", equalTo("sp500")).body("scores", hasSize(1))
                .body("scores[0].asOf", equalTo(day.toString())).body("scores[0].attention", hasSize(60))
                .extract().jsonPath().getDouble("scores[0].probability");
        // The same window sent a second time (the warm path) gives the same answer.
        double again = given().contentType("application/json").body(Requests.json(Requests.ending(day, 400))).post()
                .then().statusCode(200).extract().jsonPath().getDouble("scores[0].probability");
        org.junit.jupiter.api.Assertions.assertEquals(rest, again, 1e-9);
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
}
