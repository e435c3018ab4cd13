package io.sysrisk.serving;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sysrisk.research.scoring.RequestMutations;

/**
 * Seeded mutations of the sample request (a few hundred here; {@code ./mvnw -q -Pbench-fuzz} sends 10,000+ to the
 * packaged server): no 5xx, no non-finite number in any 200, on REST, direct invocations and Function URL events.
 */
@QuarkusTest
class FuzzTest {

    /** What Lambda delivers as a direct invocation: one JSON value (the function itself refuses a key given twice). */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @TestHTTPResource("/score")
    URL score;

    private static String sample() {
        return Requests.json(Requests.ending(BadInputCorpus.DAY, 320));
    }

    @Test
    void restAnswersEveryMutationWithA2xxOr4xxAndFiniteNumbers() {
        RequestMutations m = new RequestMutations(sample(), 11);
        List<String> problems = new ArrayList<>();
        int ok = 0;
        for (int i = 0; i < 300; i++) {
            String body = m.next();
            Response r = given().contentType("application/json").body(body).when().post(score);
            ok += check(r.statusCode(), r.asString(), body, problems);
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems, first: " + (problems.isEmpty() ? "" : problems.get(0)));
        assertTrue(ok > 0, "no mutation was scored: the fuzz would test nothing but errors");
    }

    @Test
    void lambdaAnswersEveryMutationWithA200Or400Payload() {
        RequestMutations m = new RequestMutations(sample(), 12);
        List<String> problems = new ArrayList<>();
        int sent = 0;
        for (int i = 0; i < 150; i++) {
            String body = m.next();
            if (!readableEvent(body)) {
                continue; // not JSON: Lambda refuses such a payload before any function runs
            }
            sent++;
            Response r = given().contentType("application/json").body(body).post();
            if (r.statusCode() != 200) {
                problems.add("invocation failed (" + r.statusCode() + ") for " + cut(body));
                continue;
            }
            JsonNode payload = parse(r.asString());
            int status = payload.path("status").asInt(200);
            check(status, r.asString(), body, problems);
        }
        assertTrue(sent > 100, "only " + sent + " readable events");
        assertTrue(problems.isEmpty(), problems.size() + " problems, first: " + (problems.isEmpty() ? "" : problems.get(0)));
    }

    @Test
    void functionUrlAnswersEveryMutationWithA2xxOr4xx() {
        RequestMutations m = new RequestMutations(sample(), 13);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String body = m.next();
            Response r = given().contentType("application/json").body(Requests.json(BadInputCorpusTest.urlEvent(body)))
                    .post();
            if (r.statusCode() != 200) {
                problems.add("invocation failed (" + r.statusCode() + ") for " + cut(body));
                continue;
            }
            JsonNode http = parse(r.asString());
            check(http.path("statusCode").asInt(), http.path("body").asText(), body, problems);
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems, first: " + (problems.isEmpty() ? "" : problems.get(0)));
    }

    /** 1 for a sound 200, 0 for a 4xx; a 5xx or an unsound 200 is a problem. */
    private static int check(int status, String answer, String body, List<String> problems) {
        if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
            problems.add("status " + status + " for " + cut(body) + " -> " + cut(answer));
            return 0;
        }
        if (status == 200) {
            String wrong = RequestMutations.unsound(answer);
            if (wrong != null) {
                problems.add("unsound 200 (" + wrong + ") for " + cut(body));
            }
            return 1;
        }
        return 0;
    }

    private static boolean readableEvent(String body) {
        try {
            JsonNode n = STRICT.readTree(body);
            return n != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static JsonNode parse(String s) {
        try {
            return Requests.JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + cut(s), e);
        }
    }

    private static String cut(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
