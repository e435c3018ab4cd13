package io.sysrisk.serving;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.inference.WindowScorer;
import io.sysrisk.research.data.Markets;
import io.sysrisk.research.experiment.PooledExperiment;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;
import io.sysrisk.windows.WindowSet;

/**
 * REST front. URLs come from @TestHTTPResource: RestAssured's default port is the Lambda mock event server here,
 * which would answer any POST as an invocation.
 */
@QuarkusTest
class ScoringRestTest {

    private static final LocalDate DAY = LocalDate.of(2020, 2, 21);

    @TestHTTPResource("/score")
    URL score;

    @TestHTTPResource("/model")
    URL model;

    @TestHTTPResource("/q/health/ready")
    URL ready;

    @TestHTTPResource("/q/openapi")
    URL openapi;

    private Response post(String body) {
        return given().contentType("application/json").body(body).when().post(score);
    }

    private void badRequest(Object body, String message) {
        String text = body instanceof String s ? s : Requests.json(body);
        post(text).then().statusCode(400).contentType("application/json").body("status", equalTo(400))
                .body("error", containsString(message)).body("scores", nullValue());
    }

    @Test
    void scoresTheLastDateWithAttentionOverTheWindow() {
        JsonPath r = post(Requests.json(Requests.ending(DAY, 320))).then().statusCode(200).extract().jsonPath();
        assertEquals("any-index", r.getString("modelVersion"));
        // The exact model that answered: the SHA-256 of the parameter file it was built from.
        assertEquals(new ModelStore(Path.of("model-store")).manifest("any-index").portableParameters().sha256(),
                r.getString("modelSha256"));
        assertEquals(1, r.getList("scores").size());
        assertEquals(DAY.toString(), r.getString("scores[0].asOf"));
        double p = r.getDouble("scores[0].probability");
        assertTrue(p >= 0 && p <= 1);
        assertTrue(r.get("scores[0].alert") instanceof Boolean);
        List<Float> w = r.getList("scores[0].attention.weight", Float.class);
        assertEquals(60, w.size());
        assertEquals(1.0, w.stream().mapToDouble(Float::doubleValue).sum(), 1e-4);
        assertEquals(DAY.toString(), r.getString("scores[0].attention[59].date"));
        assertTrue(r.getDouble("timing.totalMs") >= r.getDouble("timing.inferenceMs"));
    }

    /** {@code "attention": false} leaves the attention out and nothing else: the same scores, volatility included. */
    @Test
    void attentionCanBeLeftOut() {
        Map<String, Object> request = Requests.ending(DAY, 400);
        request.put("from", DAY.minusDays(60).toString());
        JsonPath full = post(Requests.json(request)).then().statusCode(200).extract().jsonPath();
        request.put("attention", false);
        String text = post(Requests.json(request)).then().statusCode(200).extract().asString();
        JsonPath lean = JsonPath.from(text);
        assertTrue(full.getList("scores").size() > 30);
        assertEquals(full.getList("scores.probability"), lean.getList("scores.probability"));
        assertEquals(full.getList("scores.alert"), lean.getList("scores.alert"));
        assertEquals(full.getList("scores.volatility"), lean.getList("scores.volatility"));
        assertTrue(full.getDouble("scores[0].volatility") > 0);
        assertTrue(!text.contains("attention") && !text.contains("weight"), text.substring(0, 300));
        request.put("attention", "no");
        badRequest(request, "malformed request JSON at 'attention'");
    }

    /**
     * The service's score for a real window equals the stored model's on the training pipeline's windows (features,
     * fitted normalization, window ends): no train/serve skew. The Java path's parity with DJL is the training module's
     * {@code InferenceParityTest}.
     */
    @Test
    void matchesTheTrainersPredictionForTheSameWindows() {
        ModelStore store = new ModelStore(Path.of("model-store"));
        ModelManifest manifest = store.manifest("any-index");
        PooledExperiment exp = PooledExperiment.prepare(manifest.pooled(), Markets.embedded());
        PooledExperiment.MarketPart sp500 = exp.markets().stream().filter(x -> x.name().equals("sp500"))
                .findFirst().orElseThrow();
        int last = sp500.matrix().dates().indexOf(DAY);
        int[] rows = java.util.stream.IntStream.rangeClosed(last - 13, last).toArray();
        WindowSet windows = WindowSet.of(sp500.matrix(), null, rows, manifest.input().window(), exp.normalization());
        double[] expected = WindowScore.probabilities(WindowScorer.scoreAll(store.javaModel("any-index"),
                windows.data(), windows.window(), windows.features(), windows.size()));
        List<LocalDate> dates = windows.endDates();
        Map<String, Object> req = Requests.ending(DAY, 400);
        req.put("from", "2020-02-03");
        JsonPath r = post(Requests.json(req)).then().statusCode(200).extract().jsonPath();
        List<String> asOf = r.getList("scores.asOf");
        assertEquals(14, asOf.size()); // 2020-02-17 was a holiday
        double[] volatility = io.sysrisk.research.evaluation.Indicators.volatility(sp500.market().data());
        for (int k = 0; k < asOf.size(); k++) {
            assertEquals(dates.get(k).toString(), asOf.get(k));
            assertEquals(expected[k], r.getDouble("scores[" + k + "].probability"), 1e-5, asOf.get(k));
            // The served alert is the manifest's alarm rule at the default preference.
            assertEquals(manifest.alert(expected[k], volatility[rows[k]]), r.getBoolean("scores[" + k + "].alert"),
                    asOf.get(k));
        }
    }

    /**
     * Each preference the model offers alerts by its own rule, computed from the request's closes exactly as over the
     * whole history (the request carries the rule's look-back); one it does not offer is refused with the offered
     * list, and a feature window cannot ask for a rule of the index level other than volatility.
     */
    @Test
    void eachPreferenceAlertsByItsOwnRule() {
        ModelManifest manifest = new ModelStore(Path.of("model-store")).manifest("any-index");
        LocalDate end = LocalDate.of(2020, 4, 17); // the embedded S&P 500's last day
        Map<String, Object> req = Requests.ending(end, 400);
        req.put("from", "2020-02-03");
        req.put("attention", false);
        int changes = 0;
        for (double mu : manifest.preferences()) {
            req.put("preference", mu);
            JsonPath r = post(Requests.json(req)).then().statusCode(200).extract().jsonPath();
            ModelManifest.AlarmRule rule = manifest.alarmAt(mu);
            assertEquals(mu, r.getDouble("alarm.preference"), 1e-12);
            assertEquals(rule.by(), r.getString("alarm.by"));
            double[] value = rule.readsPrices() ? rule.family().daily(Requests.SP500) : null;
            List<String> asOf = r.getList("scores.asOf");
            boolean previous = false;
            for (int k = 0; k < asOf.size(); k++) {
                int t = Requests.SP500.dates().indexOf(LocalDate.parse(asOf.get(k)));
                boolean expected = rule.alert(r.getDouble("scores[" + k + "].probability"),
                        value == null ? Double.NaN : value[t]);
                boolean alert = r.getBoolean("scores[" + k + "].alert");
                assertEquals(expected, alert, mu + " " + asOf.get(k));
                changes += k > 0 && alert != previous ? 1 : 0;
                previous = alert;
            }
        }
        assertTrue(changes > 0, "over the 2020 fall some preference's alarm switches: the test can tell rules apart");
        req.put("preference", 0.9);
        badRequest(req, "not offered; offered: " + manifest.preferences());
        for (double mu : manifest.preferences()) {
            ModelManifest.AlarmRule rule = manifest.alarmAt(mu);
            if (rule.readsPrices() && !rule.by().equals(ModelManifest.AlarmRule.VOLATILITY)) {
                Map<String, Object> window = new java.util.LinkedHashMap<>();
                List<List<Double>> rows = new java.util.ArrayList<>();
                for (int i = 0; i < manifest.input().window(); i++) {
                    rows.add(java.util.Arrays.stream(manifest.normalization().mean()).boxed().toList());
                }
                window.put("featureWindow", rows);
                window.put("preference", mu);
                badRequest(window, "which a featureWindow does not carry");
            }
        }
    }

    @Test
    void modelHealthAndOpenApi() {
        given().when().get(model).then().statusCode(200).body("version", equalTo("any-index"))
                .body("columns", equalTo(List.of("close"))).body("window", equalTo(60))
                .body("requiredDays", equalTo(309)).body("features", hasSize(4)).body("label.type", equalTo("onset"))
                .body("ensembleMembers", equalTo(5)).body("evidence", containsString("leave-one-market-out"))
                .body("parametersSha256", equalTo(new ModelStore(Path.of("model-store")).manifest("any-index")
                        .portableParameters().sha256()))
                .body("alarm.by", equalTo(new ModelStore(Path.of("model-store")).manifest("any-index").alarm().by()))
                .body("alarm.choice.adopted", equalTo(false)).body("alarm.choice.preference", equalTo(0.5f));
        // The report's headline figures and what an alert means, read from the committed report.
        com.fasterxml.jackson.databind.JsonNode lomo;
        try {
            lomo = ModelStore.json().readTree(Path.of("model-store", "any-index", "report", "lomo.json").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ModelManifest manifest = new ModelStore(Path.of("model-store")).manifest("any-index");
        com.fasterxml.jackson.databind.JsonNode atDefault = null;
        for (com.fasterxml.jackson.databind.JsonNode p : lomo.get("preferenceAlarms")) {
            atDefault = p.get("preference").asDouble() == 0.5 ? p : atDefault;
        }
        given().when().get(model).then().statusCode(200)
                .body("outOfSample.stratified_model.prAuc", equalTo((float) lomo.get("stratified").get(0)
                        .get("prAuc").asDouble()))
                .body("outOfSample.pooledPrAucMinusVolatility.interval.low", equalTo((float) lomo
                        .get("pooledComparisons").get("prVsVolatility").get("interval").get("low").asDouble()))
                .body("outOfSample.alarms.onsets", equalTo(served(lomo).get("onsets").asInt()))
                .body("outOfSample.alarmMeans", containsString("At the default preference 0.5: "
                        + ModelInfo.inWords(manifest.alarmAt(0.5))))
                .body("outOfSample.alarmMeans", containsString(String.format(java.util.Locale.ROOT, "relative "
                        + "usefulness %+.3f", atDefault.get("selected").get("usefulness").asDouble())))
                .body("outOfSample.preferenceAlarms", hasSize(lomo.get("preferenceAlarms").size()))
                .body("alarms.preference", equalTo(0.5f))
                .body("alarms.offered.by", equalTo(manifest.preferences().stream()
                        .map(mu -> manifest.alarmAt(mu).by()).toList()))
                .body("alarms.offered.inWords[0]", equalTo(ModelInfo.inWords(manifest.alarmAt(
                        manifest.preferences().get(0)))))
                .body("outOfSample.alarmMeans", containsString(lomo.get("calmInWords").asText()))
                .body("outOfSample.alarms.skill", equalTo((float) lomo.get("headlineVerdict").get("skill").asDouble()))
                .body("outOfSample.skillOfUninformativeAlarms.circularShifts95",
                        equalTo((float) lomo.get("headlineVerdict").get("shift95").asDouble()))
                .body("outOfSample.onsetsOutOfCalm.calmOnsets", equalTo(servedRow(lomo).get("calmOnsets").asInt()))
                .body("outOfSample.onsetsOutOfCalm.onsets", equalTo(served(lomo).get("onsets").asInt()))
                .body("outOfSample.onsetsOutOfCalm.alarmWarned", equalTo(servedRow(lomo).get("calmWarned").asInt()))
                .body("outOfSample.onsetsOutOfCalm.inWords", equalTo(lomo.get("calmInWords").asText()))
                // Whether the number is a probability, as the report's verdict says, and what each score level
                // meant on the markets held out (the report's deciles of the selected network).
                .body("outOfSample.probability.calibrated", equalTo(lomo.get("probabilityVerdict")
                        .get("calibrated").asBoolean()))
                .body("outOfSample.probability.inWords", equalTo(lomo.get("probabilityVerdict").get("inWords")
                        .asText()))
                .body("outOfSample.probability.meaning", equalTo(lomo.get("probabilityVerdict").get("calibrated")
                        .asBoolean() ? "a probability, calibrated out of sample"
                        : "a ranking of days, not a calibrated probability"))
                .body("outOfSample.probability.observedRateByScore", hasSize(lomo.get("probabilities").get(0)
                        .get("reliability").size()))
                .body("outOfSample.probability.observedRateByScore[0].observedRate", equalTo((float) lomo
                        .get("probabilities").get(0).get("reliability").get(0).get("observedRate").asDouble()));
        given().when().get(ready).then().statusCode(200).body("checks[0].name", equalTo("model"))
                .body("checks[0].status", equalTo("UP"));
        given().when().get(openapi).then().statusCode(200).body(containsString("/score"));
    }

    /** The served alarm's pooled event figures at preference 1/2 in the committed report. */
    private static com.fasterxml.jackson.databind.JsonNode served(com.fasterxml.jackson.databind.JsonNode lomo) {
        return servedRow(lomo).get("events");
    }

    /** The served alarm's pooled row at preference 1/2 in the committed report. */
    private static com.fasterxml.jackson.databind.JsonNode servedRow(com.fasterxml.jackson.databind.JsonNode lomo) {
        for (com.fasterxml.jackson.databind.JsonNode t : lomo.get("pooledEvents")) {
            if (t.get("preference").asDouble() == 0.5) {
                return t.get("rows").get(0);
            }
        }
        throw new AssertionError("no pooled table at preference 0.5");
    }

    @Test
    void aFeatureWindowCanBeScoredDirectly() {
        List<List<Double>> rows = new ArrayList<>();
        for (int t = 0; t < 60; t++) {
            rows.add(List.of(0.0, 0.15, 0.15, -0.05));
        }
        post(Requests.json(Map.of("featureWindow", rows, "asOf", "2021-01-04"))).then().statusCode(200)
                .body("scores[0].asOf", equalTo("2021-01-04")).body("scores[0].attention", hasSize(60));
        rows.set(3, List.of(0.0, 0.1));
        badRequest(Map.of("featureWindow", rows), "'featureWindow'[3] needs 4 values");
    }

    /** A system sent to a model of the market's own data is the caller's mistake, said, not ignored. */
    @Test
    void aSystemIsRefusedByAModelThatReadsNone() {
        Map<String, Object> request = new java.util.LinkedHashMap<>(Requests.ending(LocalDate.of(2008, 10, 10), 330));
        request.put("system", Map.of("dates", List.of("2008-10-10"), "series", Map.of("vix", List.of(60.0))));
        badRequest(request, "'system' goes with a systemic model");
    }

    @Test
    void malformedJson() {
        badRequest("{\"dates\": [", "malformed request JSON");
    }

    /** Strict JSON: text after the request, or a key given twice, is refused rather than silently dropped. */
    @Test
    void trailingTokensAndDuplicateKeysAreRefused() {
        String good = Requests.json(Requests.ending(DAY, 320));
        badRequest(good + " {\"x\": 1}", "malformed request JSON");
        badRequest("{\"from\": \"2020-01-02\", \"from\": \"2020-01-03\"," + good.substring(1), "malformed request JSON");
    }

    @Test
    void missingFields() {
        badRequest("{}", "empty request");
        Map<String, Object> r = Requests.ending(DAY, 320);
        r.remove("series");
        badRequest(r, "'series' is required");
        r = Requests.ending(DAY, 320);
        r.remove("dates");
        badRequest(r, "'dates' is required");
    }

    @Test
    void wrongTypes() {
        Map<String, Object> r = Requests.ending(DAY, 320);
        Requests.series(r, "close").set(5, "abc");
        String fifth = ((List<?>) r.get("dates")).get(5).toString();
        badRequest(r, "column 'close' on " + fifth + " is \"abc\"");
        // A number sent as a string is refused too, not scored as the number (nor "" as a missing day).
        r = Requests.ending(DAY, 320);
        Requests.series(r, "close").set(5, "3300.5");
        badRequest(r, "column 'close' on " + fifth + " is \"3300.5\": a value must be a JSON number, or null");
        Requests.series(r, "close").set(5, "");
        badRequest(r, "column 'close' on " + fifth + " is \"\"");
        r = Requests.ending(DAY, 320);
        ((List<Object>) r.get("dates")).set(3, 20200101);
        badRequest(r, "malformed request JSON at 'dates[3]'");
        Map<String, Object> fw = new java.util.HashMap<>(Map.of("featureWindow",
                java.util.Collections.nCopies(60, List.of("0.1", 0.2, 0.3, 0.4))));
        badRequest(fw, "malformed request JSON at 'featureWindow[0][0]'");
        badRequest("{\"dates\": 5, \"series\": {}}", "malformed request JSON");
        r = Requests.ending(DAY, 320);
        ((List<Object>) r.get("dates")).set(2, "2020-13-01");
        badRequest(r, "'dates[2]': '2020-13-01' is not a date");
    }

    /** Weekly closes are refused with what was detected, not scored as if each week were a trading day. */
    @Test
    void weeklyDataIsRefused() {
        Map<String, Object> r = Requests.ending(DAY, 320);
        List<Object> dates = (List<Object>) r.get("dates");
        LocalDate first = DAY.minusWeeks(dates.size() - 1);
        for (int i = 0; i < dates.size(); i++) {
            dates.set(i, first.plusWeeks(i).toString());
        }
        badRequest(r, "consecutive dates are a median 7 calendar days apart (weekly data?)");
    }

    @Test
    void tooFewDays() {
        badRequest(Requests.ending(DAY, 100), "at least 309 days are needed");
    }

    @Test
    void datesNotIncreasing() {
        Map<String, Object> r = Requests.ending(DAY, 320);
        @SuppressWarnings("unchecked")
        List<Object> dates = (List<Object>) r.get("dates");
        Object d = dates.get(10);
        dates.set(10, dates.get(11));
        dates.set(11, d);
        badRequest(r, "dates must strictly increase");
    }

    /** Inputs that used to give a 500 or a NaN probability (issue 11): now a short 400 naming the problem. */
    @Test
    void extremeDatesAndPricesAreRefusedNotScoredAsNaN() {
        Map<String, Object> r = Requests.ending(DAY, 320);
        r.put("to", "+999999999-12-31");
        badRequest(r, "outside the years");
        r = Requests.ending(DAY, 320);
        Requests.series(r, "close").set(300, 5e-324);
        badRequest(r, "is not finite on");
        r = Requests.ending(DAY, 320);
        Requests.series(r, "close").set(299, 1e-10);
        Requests.series(r, "close").set(300, 1e300);
        badRequest(r, "is not finite on");
        r = Requests.ending(DAY, 320);
        r.put("from", "x".repeat(900_000));
        String body = post(Requests.json(r)).then().statusCode(400).extract().body().asString();
        assertTrue(body.length() < 1000, "the error does not echo the whole field: " + body.length() + " characters");
    }

    @Test
    void nanInfinityAndNonPositivePrices() {
        Map<String, Object> r = Requests.ending(DAY, 320);
        // JSON has no NaN or Infinity; sent as strings they are strings, refused like any other.
        Requests.series(r, "close").set(7, "NaN");
        badRequest(r, "is \"NaN\": a value must be a JSON number");
        r = Requests.ending(DAY, 320);
        Requests.series(r, "close").set(7, "Infinity");
        badRequest(r, "is \"Infinity\": a value must be a JSON number");
        r = Requests.ending(DAY, 320);
        Requests.series(r, "close").set(8, -1.0);
        badRequest(r, "series 'close'[8]");
        r = Requests.ending(DAY, 320);
        Requests.series(r, "close").set(9, 0.0);
        badRequest(r, "not positive");
    }

    @Test
    void columnsThatDoNotMatchTheModel() {
        Map<String, Object> r = Requests.ending(DAY, 320);
        @SuppressWarnings("unchecked")
        Map<String, Object> series = (Map<String, Object>) r.get("series");
        series.put("AAPL", series.get("close"));
        badRequest(r, "unexpected series 'AAPL'");
        series.remove("AAPL");
        series.remove("close");
        series.put("Close", Requests.series(Requests.ending(DAY, 320), "close"));
        badRequest(r, "unexpected series 'Close'");
        r = Requests.ending(DAY, 320);
        Requests.series(r, "close").remove(0);
        badRequest(r, "has 319 values for 320 dates");
    }

    @Test
    void payloadOverTheLimitIsRefusedAndServingGoesOn() throws Exception {
        StringBuilder big = new StringBuilder("{\"dates\":[");
        for (int i = 0; i < 250_000; i++) {
            big.append(i == 0 ? "" : ",").append("\"2020-01-01\"");
        }
        big.append("]}");
        // Expect: 100-continue, as careful clients send large bodies: the server refuses on the declared length
        // before the body is sent (without it, the client may still be writing when the server closes: broken pipe).
        java.net.http.HttpResponse<String> refused = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(
                java.net.http.HttpRequest.newBuilder(score.toURI()).expectContinue(true)
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(big.toString())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, refused.statusCode());
        Map<String, Object> r = Requests.ending(DAY, 320);
        r.put("from", "2019-01-01");
        r.put("to", "2020-02-21");
        post(Requests.json(r)).then().statusCode(200);
        scoresTheLastDateWithAttentionOverTheWindow();
    }

    @Test
    void concurrentRequestsAreAllAnsweredCorrectly() throws Exception {
        String body = Requests.json(Requests.ending(DAY, 320));
        double expected = post(body).then().statusCode(200).extract().jsonPath().getDouble("scores[0].probability");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 200; i++) {
                        JsonPath r = post(body).then().statusCode(200).extract().jsonPath();
                        if (Math.abs(r.getDouble("scores[0].probability") - expected) < 1e-9) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            int ok = 0;
            for (Future<Integer> f : done) {
                ok += f.get();
            }
            assertEquals(1600, ok);
        } finally {
            pool.shutdownNow();
        }
    }
}
