package io.sysrisk.serving;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.sysrisk.scoring.DatedScore;
import io.sysrisk.scoring.MarketScorer;
import io.sysrisk.store.ModelStore;

/**
 * A systemic model served (issue 38: the committed {@code systemic}): GET /model names what it reads beyond the
 * market's closes and the span of the state it carries; a market's closes inside that span are scored with the
 * inputs training read (the answer is the Java reference path's on the same data, exactly); a window that reaches
 * past the state is a 400 naming the first day without it.
 */
@QuarkusTest
@TestProfile(SystemicApiTest.Systemic.class)
class SystemicApiTest {

    /** Serves the committed systemic version. */
    public static class Systemic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sysrisk.model.version", "systemic");
        }
    }

    @TestHTTPResource("/score")
    URL score;

    @TestHTTPResource("/model")
    URL model;

    @Test
    void getModelNamesTheSystemicInputsAndTheStatesSpan() throws Exception {
        JsonNode m = Requests.JSON.readTree(given().get(model).then().statusCode(200)
                .body("version", equalTo("systemic")).extract().asString());
        JsonNode s = m.path("systemic");
        assertEquals(12, s.path("inputs").size(), s.toString());
        assertEquals("vix_log", s.path("inputs").get(0).asText());
        assertEquals("log VIX", s.path("inWords").get(0).asText());
        // The first day with all twelve: the VIX's fifth close after its first (its 5-day change).
        assertEquals("1990-01-09", s.path("stateFrom").asText());
        assertEquals("2015-12-31", s.path("stateTo").asText());
        assertEquals(8, s.path("series").size(), "the panel's files");
        assertTrue(s.path("reads").asText().startsWith("on each day, the state of the day before"), s.toString());
        assertEquals(List.of("ret_1d", "vol_20d", "vol_120d", "drawdown_250d"),
                Requests.JSON.convertValue(m.path("features"), List.class));
    }

    @Test
    void aMarketInsideTheStateIsScoredAsTheReferencePathScoresIt() throws Exception {
        Map<String, Object> request = Requests.ending(LocalDate.of(2008, 10, 10), 330);
        JsonNode r = Requests.JSON.readTree(given().contentType("application/json").body(Requests.json(request))
                .post(score).then().statusCode(200).body("modelVersion", equalTo("systemic")).extract().asString());
        JsonNode last = r.path("scores").get(r.path("scores").size() - 1);
        assertEquals("2008-10-10", last.path("asOf").asText());
        ModelStore store = new ModelStore(Path.of("model-store"));
        MarketScorer scorer = new MarketScorer(store.manifest("systemic"), store.loaded("systemic").systemicState());
        int end = Requests.SP500.dates().indexOf(LocalDate.of(2008, 10, 10));
        // The request's closes, read as the function reads a request (repeated days dropped as non-trading).
        io.sysrisk.store.ModelManifest.InputSpec in = store.manifest("systemic").input();
        io.sysrisk.data.MarketData closes = io.sysrisk.data.MarketDataBuilder.build("request",
                new io.sysrisk.data.LoadOptions(in.kind(), in.indexColumn(), in.requiredDays(),
                        io.sysrisk.data.LoadOptions.DEFAULT_MAX_FORWARD_FILL,
                        io.sysrisk.data.LoadOptions.DEFAULT_MAX_DROPPED_SHARE, true),
                Requests.SP500.dates().subList(end - 329, end + 1), in.columns(),
                new double[][] {java.util.Arrays.copyOfRange(Requests.SP500.column("close"), end - 329, end + 1)},
                (row, column) -> column);
        List<DatedScore> expected = scorer.score(closes, null, null, store.javaModel("systemic"));
        assertEquals(expected.get(expected.size() - 1).probability(), last.path("probability").asDouble(), 0.0);
    }

    /**
     * The risk page of a systemic model lists the panel's eight indices, each scorable from its first window inside
     * the state, and a chunk of a European market's history is scored there.
     */
    @Test
    void thePageListsThePanelsMarketsScorableInsideTheState() throws Exception {
        JsonNode o = Requests.JSON.readTree(given().get(url("/monitor/overview")).then().statusCode(200)
                .extract().asString());
        List<String> ids = new java.util.ArrayList<>();
        o.path("markets").forEach(m -> ids.add(m.path("id").asText()));
        assertEquals(List.of("spx", "dji", "ndx", "ftse", "sx5e", "cac", "dax", "smi"), ids);
        for (JsonNode m : o.path("markets")) {
            // The state starts 1990-01-09: a first window's 60 days lie inside it.
            assertTrue(LocalDate.parse(m.path("firstScorable").asText()).isAfter(LocalDate.of(1990, 3, 30)),
                    m.toString());
            assertTrue(m.path("inTraining").asBoolean(), m.toString());
        }
        // The S&P 500, from 1950, as soon as the state allows: its first day with a state is 1990-01-10 (reading
        // 1990-01-09's), and its window's 60th day 1990-04-04.
        assertEquals("1990-04-04", o.path("markets").get(0).path("firstScorable").asText());
        // The S&P 500's first chunk: 1990 onwards, though its closes start in 1950 (a request holds the look-back).
        JsonNode first = Requests.JSON.readTree(given().get(url("/monitor/markets/spx/history?chunk=0")).then()
                .statusCode(200).extract().asString());
        assertEquals("1990-04-04", first.path("dates").get(0).asText());
        JsonNode ftse = o.path("markets").get(3);
        int last = ftse.path("chunks").asInt() - 1;
        JsonNode chunk = Requests.JSON.readTree(given().get(url("/monitor/markets/ftse/history?chunk=" + last))
                .then().statusCode(200).extract().asString());
        assertEquals("2015-12-31", chunk.path("dates").get(chunk.path("dates").size() - 1).asText());
    }

    private URL url(String path) throws java.net.MalformedURLException {
        return new URL(score, path);
    }

    /** A market's closes from before the state (the panel's S&P 500 of 1988-1989) have nothing to read: a 400. */
    @Test
    void aMarketBeforeTheStateIsRefusedWithTheStatesSpan() {
        io.sysrisk.data.DatedSeries spx = io.sysrisk.research.data.SystemicPanel.indexCloses().get(0);
        int end = spx.dates().indexOf(LocalDate.of(1989, 12, 29));
        Map<String, Object> request = Map.of("dates", spx.dates().subList(end - 329, end + 1).stream()
                .map(LocalDate::toString).toList(), "series", Map.of("close", java.util.Arrays.stream(spx.values(),
                end - 329, end + 1).boxed().toList()));
        given().contentType("application/json").body(Requests.json(request)).post(score).then().statusCode(400)
                .body("error", containsString("has the systemic inputs this model reads: the systemic state it "
                        + "carries runs 1990-01-09..2015-12-31"));
    }

    @Test
    void aWindowPastTheStateIsRefusedNamingTheDay() {
        String request = Requests.json(Requests.ending(LocalDate.of(2016, 3, 1), 330));
        given().contentType("application/json").body(request).post(score).then().statusCode(400)
                .body("error", containsString("no systemic input vix_log for 2016-01-08"))
                .body("error", containsString("runs 1990-01-09..2015-12-31"));
    }

    private static List<io.sysrisk.features.SystemicSeries> layout() {
        return new ModelStore(Path.of("model-store")).manifest("systemic").input().systemicState().series();
    }

    /** A request of FTSE closes ending 2008-10-10, scoring from 2008-09-01, with its system or without. */
    private static Map<String, Object> ftse(int weeks, Map<String, Object> system) {
        Map<String, Object> r = new java.util.LinkedHashMap<>(SystemRequests.market("ftse", LocalDate.of(2008, 10, 10),
                370, weeks));
        r.put("from", LocalDate.of(2008, 9, 1).plusWeeks(weeks).toString());
        r.put("attention", false);
        if (system != null) {
            r.put("system", system);
        }
        return r;
    }

    private JsonNode scores(Map<String, Object> request) throws Exception {
        return Requests.JSON.readTree(given().contentType("application/json").body(Requests.json(request))
                .post(score).then().statusCode(200).extract().asString()).path("scores");
    }

    /**
     * A request that carries its own system is scored on the state computed from it, and that state is the one
     * the model carries on every day it covers with its look-back: the same probabilities, bit for bit. Moved by
     * 520 weeks (dates 2018, after the carried state ends), the same closes and system score the same again: the
     * dates past 2015 that the carried state refuses are scored from what the request brings.
     */
    @Test
    void aRequestCarryingItsSystemIsScoredOnItsOwnStateAsTheCarriedOne() throws Exception {
        GET_MODEL_SENDS_EVERY_SERIES: {
            JsonNode send = Requests.JSON.readTree(given().get(model).then().statusCode(200).extract().asString())
                    .path("systemic").path("send");
            List<String> names = new java.util.ArrayList<>();
            send.forEach(x -> names.add(x.path("name").asText()));
            assertEquals(List.of("spx", "dji", "ndx", "ftse", "sx5e", "cac", "dax", "smi", "vix", "y1y", "y10y",
                    "gold", "brent", "dji:<ticker>", "ftse:<ticker>", "sx5e:<ticker>"), names);
        }
        JsonNode carried = scores(ftse(0, null));
        Map<String, Object> system = SystemRequests.system(layout(), LocalDate.of(2006, 6, 1),
                LocalDate.of(2008, 10, 10), 0);
        JsonNode own = scores(ftse(0, system));
        assertEquals(carried.size(), own.size());
        assertTrue(carried.size() >= 25, carried.toString());
        for (int i = 0; i < carried.size(); i++) {
            assertEquals(carried.get(i).path("asOf").asText(), own.get(i).path("asOf").asText());
            assertEquals(carried.get(i).path("probability").asDouble(), own.get(i).path("probability").asDouble(),
                    0.0, carried.get(i).path("asOf").asText());
        }
        JsonNode moved = scores(ftse(520, SystemRequests.system(layout(), LocalDate.of(2006, 6, 1),
                LocalDate.of(2008, 10, 10), 520)));
        assertEquals("2018-09-28", moved.get(moved.size() - 1).path("asOf").asText(), "2008-10-10 + 520 weeks");
        for (int i = 0; i < carried.size(); i++) {
            assertEquals(carried.get(i).path("probability").asDouble(), moved.get(i).path("probability").asDouble(),
                    0.0, moved.get(i).path("asOf").asText());
        }
        // A direct Lambda invocation (RestAssured's default port here is the Lambda mock event server) answers the
        // same request with the same numbers.
        JsonNode lambda = Requests.JSON.readTree(given().contentType("application/json").body(Requests.json(ftse(520,
                SystemRequests.system(layout(), LocalDate.of(2006, 6, 1), LocalDate.of(2008, 10, 10), 520))))
                .post().then().statusCode(200).extract().asString()).path("scores");
        assertEquals(moved.toString(), lambda.toString());
        // Without its system, the moved request reads the carried state, which ends 2015: refused.
        given().contentType("application/json").body(Requests.json(ftse(520, null))).post(score).then()
                .statusCode(400).body("error", containsString("runs 1990-01-09..2015-12-31"));
    }

    /** Every problem of a system is a 400 that names it: a series missing, one not read, too few members, a price. */
    @Test
    void aSystemMissingOrMisdatedIsRefusedByName() {
        Map<String, Object> system = SystemRequests.system(layout(), LocalDate.of(2006, 6, 1),
                LocalDate.of(2008, 10, 10), 0);
        java.util.function.BiConsumer<Map<String, Object>, String> refused = (sys, message) ->
                given().contentType("application/json").body(Requests.json(ftse(0, sys))).post(score).then()
                        .statusCode(400).body("error", containsString(message));
        refused.accept(without(system, "vix"), "series 'vix' (VIX close");
        refused.accept(with(system, "bitcoin", series(system, "gold")), "unexpected system series 'bitcoin'");
        Map<String, Object> fewMembers = system;
        for (String k : series(system).keySet().stream().filter(k -> k.startsWith("sx5e:")).skip(5).toList()) {
            fewMembers = without(fewMembers, k);
        }
        refused.accept(fewMembers, "member group 'sx5e' needs at least 10 members");
        List<Object> negative = new java.util.ArrayList<>(series(system, "gold"));
        int day = negative.indexOf(negative.stream().filter(java.util.Objects::nonNull).findFirst().orElseThrow());
        negative.set(day, -1.0);
        refused.accept(with(system, "gold", negative), "system.series 'gold'[" + day + "]");
        List<Object> dates = new java.util.ArrayList<>((List<?>) system.get("dates"));
        java.util.Collections.swap(dates, 10, 11);
        Map<String, Object> misdated = new java.util.LinkedHashMap<>(system);
        misdated.put("dates", dates);
        refused.accept(misdated, "'system.dates'[11]");
        // A system that starts too late for the look-back of the first windows: the refusal names the first day.
        Map<String, Object> late = SystemRequests.system(layout(), LocalDate.of(2008, 1, 2), LocalDate.of(2008, 10, 10),
                0);
        refused.accept(late, "the state of the system the request sent");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> series(Map<String, Object> system) {
        return (Map<String, Object>) system.get("series");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> series(Map<String, Object> system, String name) {
        return (List<Object>) series(system).get(name);
    }

    private static Map<String, Object> without(Map<String, Object> system, String name) {
        Map<String, Object> s = new java.util.LinkedHashMap<>(series(system));
        s.remove(name);
        Map<String, Object> out = new java.util.LinkedHashMap<>(system);
        out.put("series", s);
        return out;
    }

    private static Map<String, Object> with(Map<String, Object> system, String name, List<Object> values) {
        Map<String, Object> s = new java.util.LinkedHashMap<>(series(system));
        s.put(name, values);
        Map<String, Object> out = new java.util.LinkedHashMap<>(system);
        out.put("series", s);
        return out;
    }

    /**
     * On a chosen day, each market's probability split by what moved it: the market's own closes and each kind of
     * systemic input, adding up to the probability minus the baseline's; the probability is the window view's (the
     * API's) for that market and day.
     */
    @Test
    void aDaysAttributionAddsUpForEveryMarket() throws Exception {
        JsonNode a = Requests.JSON.readTree(given().get(url("/monitor/attribution?date=2008-10-12")).then()
                .statusCode(200).extract().asString());
        assertEquals(8, a.path("markets").size(), a.path("notScored").toString());
        for (JsonNode m : a.path("markets")) {
            assertEquals("2008-10-10", m.path("asOf").asText(), m.path("market").asText());
            JsonNode at = m.path("attribution");
            List<String> groups = new java.util.ArrayList<>();
            double sum = 0;
            for (JsonNode sh : at.path("shares")) {
                groups.add(sh.path("group").asText());
                sum += sh.path("contribution").asDouble();
            }
            assertEquals(List.of("market", "volatility_index", "rates", "cross_market", "members", "commodities"),
                    groups);
            assertEquals(at.path("probability").asDouble() - at.path("baselineProbability").asDouble(), sum, 1e-9);
            if (m.path("market").asText().equals("ftse")) {
                JsonNode w = Requests.JSON.readTree(given().get(url("/monitor/markets/ftse/window?date=2008-10-10"))
                        .then().statusCode(200).extract().asString());
                assertEquals(w.path("probability").asDouble(), at.path("probability").asDouble(), 1e-12);
                assertEquals(at.toString(), w.path("attribution").toString());
            }
        }
        given().get(url("/monitor/attribution?date=2008-13-01")).then().statusCode(400)
                .body("error", containsString("not an ISO date"));
        JsonNode early = Requests.JSON.readTree(given().get(url("/monitor/attribution?date=1989-06-30")).then()
                .statusCode(200).extract().asString());
        assertEquals(0, early.path("markets").size());
        assertEquals(8, early.path("notScored").size());
    }

    /**
     * Several markets with one system: the state is computed once from the system sent and each market is answered
     * as its own request with that system would be.
     */
    @Test
    void severalMarketsShareTheSystemTheyAreSentWith() throws Exception {
        Map<String, Object> system = SystemRequests.system(layout(), LocalDate.of(2006, 6, 1),
                LocalDate.of(2008, 10, 10), 520);
        Map<String, Object> markets = new java.util.LinkedHashMap<>();
        markets.put("ftse", SystemRequests.market("ftse", LocalDate.of(2008, 10, 10), 370, 520));
        markets.put("dax", SystemRequests.market("dax", LocalDate.of(2008, 10, 10), 370, 520));
        Map<String, Object> request = new java.util.LinkedHashMap<>();
        request.put("markets", markets);
        request.put("system", system);
        request.put("from", LocalDate.of(2008, 10, 1).plusWeeks(520).toString());
        request.put("attention", false);
        JsonNode r = Requests.JSON.readTree(given().contentType("application/json").body(Requests.json(request))
                .post(score).then().statusCode(200).extract().asString());
        for (String name : List.of("ftse", "dax")) {
            Map<String, Object> one = new java.util.LinkedHashMap<>(SystemRequests.market(name,
                    LocalDate.of(2008, 10, 10), 370, 520));
            one.put("system", system);
            one.put("from", request.get("from"));
            one.put("attention", false);
            JsonNode alone = scores(one);
            JsonNode together = r.path("markets").path(name).path("scores");
            assertEquals(alone.toString(), together.toString(), name);
            assertTrue(alone.size() >= 5, alone.toString());
        }
    }

    /**
     * A market the model carries is scored by name, on the Lambda as on REST (the Lambda package has no datasets):
     * each answer is the one its panel closes sent in a request of its own get, and the page's for that day.
     */
    @Test
    void aCarriedMarketIsScoredByNameAsItsClosesSentAre() throws Exception {
        JsonNode info = Requests.JSON.readTree(given().get(model).then().statusCode(200).extract().asString());
        List<String> carried = new java.util.ArrayList<>();
        info.path("systemic").path("markets").forEach(x -> carried.add(x.path("name").asText()));
        assertEquals(List.of("spx", "dji", "ndx", "ftse", "sx5e", "cac", "dax", "smi"), carried);
        Map<String, Object> request = new java.util.LinkedHashMap<>();
        request.put("embedded", List.of("ftse", "dax"));
        request.put("from", "2008-10-01");
        request.put("to", "2008-10-10");
        request.put("attention", false);
        // The Lambda: RestAssured's default port in a @QuarkusTest with the Lambda extension is its mock event server.
        JsonNode lambda = Requests.JSON.readTree(given().contentType("application/json").body(Requests.json(request))
                .post().then().statusCode(200).body("modelVersion", equalTo("systemic")).extract().asString());
        JsonNode rest = Requests.JSON.readTree(given().contentType("application/json").body(Requests.json(request))
                .post(score).then().statusCode(200).extract().asString());
        for (String name : List.of("ftse", "dax")) {
            Map<String, Object> one = new java.util.LinkedHashMap<>(SystemRequests.market(name,
                    LocalDate.of(2008, 10, 10), 400, 0));
            one.put("from", "2008-10-01");
            one.put("attention", false);
            JsonNode alone = scores(one);
            assertEquals(alone.toString(), lambda.path("markets").path(name).path("scores").toString(), name);
            assertEquals(alone.toString(), rest.path("markets").path(name).path("scores").toString(), name);
            assertEquals(8, alone.size(), alone.toString());
            JsonNode page = Requests.JSON.readTree(given().get(url("/monitor/markets/" + name
                    + "/window?date=2008-10-10")).then().statusCode(200).extract().asString());
            assertEquals(page.path("probability").asDouble(), alone.get(7).path("probability").asDouble(), 0.0, name);
        }
        // The sample a deployed function is invoked with (docs/api.md) is answered for each market it names.
        JsonNode sample = Requests.JSON.readTree(given().contentType("application/json")
                .body(java.nio.file.Files.readString(Path.of("infra/sample-embedded-request.json"))).post().then()
                .statusCode(200).extract().asString());
        for (String name : List.of("spx", "ftse", "dax")) {
            assertEquals(1, sample.path("markets").path(name).path("scores").size(), sample.toString());
        }
        // Without a range: each market's last carried close.
        JsonNode last = Requests.JSON.readTree(given().contentType("application/json")
                .body(Requests.json(Map.of("embedded", carried, "attention", false))).post().then().statusCode(200)
                .extract().asString());
        for (JsonNode listed : info.path("systemic").path("markets")) {
            JsonNode s = last.path("markets").path(listed.path("name").asText()).path("scores");
            assertEquals(1, s.size(), last.toString());
            assertEquals(listed.path("lastDate").asText(), s.get(0).path("asOf").asText());
        }
    }

    /** A name the model does not carry, or a request that mixes kinds, is a 400 that says what to send. */
    @Test
    void aNamedMarketIsRefusedClearly() {
        given().contentType("application/json").body(Requests.json(Map.of("embedded", List.of("ftse", "nikkei"))))
                .post(score).then().statusCode(400).body("error", containsString("'nikkei', which the model does not "
                        + "carry; it carries [spx, dji, ndx, ftse, sx5e, cac, dax, smi]"));
        given().contentType("application/json").body(Requests.json(Map.of("embedded", List.of())))
                .post(score).then().statusCode(400).body("error", containsString("'embedded' is empty"));
        given().contentType("application/json").body(Requests.json(Map.of("embedded", List.of("dax", "dax"))))
                .post(score).then().statusCode(400).body("error", containsString("'dax' twice"));
        Map<String, Object> mixed = new java.util.LinkedHashMap<>(SystemRequests.market("ftse",
                LocalDate.of(2008, 10, 10), 400, 0));
        mixed.put("embedded", List.of("dax"));
        given().contentType("application/json").body(Requests.json(mixed)).post(score).then().statusCode(400)
                .body("error", containsString("not both"));
        // On the Lambda: the same refusal as a payload.
        given().contentType("application/json").body(Requests.json(Map.of("embedded", List.of("nikkei")))).post()
                .then().statusCode(200).body("status", equalTo(400)).body("error", containsString("'nikkei'"));
        // A market without a close in the range is its own 400; the others are answered. The CAC's carried closes
        // begin in 1990, the S&P 500's earlier.
        given().contentType("application/json").body(Requests.json(Map.of("embedded", List.of("spx", "cac"),
                "to", "1989-12-29"))).post(score).then().statusCode(200)
                .body("markets.cac.status", equalTo(400))
                .body("markets.cac.error", containsString("cac has no close in the range asked"))
                .body("markets.spx.status", equalTo(400))
                .body("markets.spx.error", containsString("1990-01-09"));
    }
}
