package io.sysrisk.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sysrisk.bench.RunnerServer;
import io.sysrisk.data.MarketData;
import io.sysrisk.research.data.EmbeddedDataset;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;

/**
 * The risk page serving a panel model (the SPI and its nine sectors; the retired job's fixture in
 * src/fixtures/model-store, served from that folder as a user's own store would be) in headless Chromium: it asks
 * for a CSV of the model's columns by name, draws the index, probability, volatility and the members' state, holds
 * every probability to POST /score and every member share to a computation written here from the file, and shows
 * a chosen date's value per column. Screenshot: {@code src/cli/target/risk-page-panel.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PanelPageBrowserTest {

    private static final Path STORE = Path.of("src", "fixtures", "model-store");
    private static final String VERSION = "spi-sectors";
    private static final int ROWS = 800;

    private RunnerServer server;
    private ChromeDriver browser;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        browser = Chromium.start(1280, 2400, Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        serve(null, null);
    }

    /** Serves {@code version} from {@code store} (null: the packaged models), after stopping the previous server. */
    private void serve(String store, String version) throws Exception {
        if (server != null) {
            server.close();
            server = null;
        }
        if (version != null) {
            server = new RunnerServer(RunnerServer.packagedJar(), Path.of(System.getProperty("java.home"), "bin",
                    "java").toString(), List.of("-Xmx512m", "-Dsysrisk.model.store=" + store,
                    "-Dsysrisk.model.version=" + version));
        }
    }

    @Test
    void aPanelCsvIsDrawnWithItsMembersStateAndEveryNumberIsTheApis() throws Exception {
        serve(STORE.toAbsolutePath().toString(), VERSION);
        ModelManifest m = new ModelStore(STORE).manifest(VERSION);
        List<String> columns = m.input().columns();
        MarketData spi = EmbeddedDataset.SPI_SECTORS.load();
        int from = spi.size() - ROWS;
        String csv = csv(spi, from, columns);

        browser.get(server.uri("/").toString());
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("file-hint")).getText()
                .contains("date," + String.join(",", columns)));
        assertFalse(browser.findElement(By.id("market")).isDisplayed(), "no embedded market for a panel model");
        List<String> dates = uploadAndHoldToTheApi(csv, spi, from, columns);
        assertEquals(ROWS - m.input().requiredDays() + 1, dates.size());
        @SuppressWarnings("unchecked")
        List<Number> members = (List<Number>) js("return window.sysrisk.h.members");

        // The members' state: the share of the nine sectors more than the label's fall (7%) below their 250-day high.
        double fall = ((Number) js("return window.sysrisk.overview.memberDrawdown")).doubleValue();
        assertEquals(0.07, fall, 1e-12, "the fixture's label: a fall of more than 7%");
        List<String> sectors = columns.subList(1, columns.size());
        assertEquals(dates.size(), members.size());
        boolean someDown = false;
        boolean someUp = false;
        for (int i = 0; i < dates.size(); i++) {
            int t = from + m.input().requiredDays() - 1 + i;
            assertEquals(spi.dates().get(t).toString(), dates.get(i));
            int down = 0;
            for (String c : sectors) {
                double[] v = spi.column(c);
                double high = 0;
                for (int k = Math.max(from, t - 249); k <= t; k++) {
                    high = Math.max(high, v[k]);
                }
                down += v[t] < (1 - fall) * high ? 1 : 0;
            }
            double share = (double) down / sectors.size();
            assertEquals(share, members.get(i).doubleValue(), 1e-12, dates.get(i));
            someDown |= share > 0.5;
            someUp |= share == 0;
        }
        assertTrue(someDown && someUp, "the 2006-2008 rows hold calm days and the 2008 falls");
        assertTrue(browser.findElement(By.id("chart-members")).isDisplayed());
        assertTrue(browser.findElement(By.id("members-caption")).getText().contains("9 members"),
                browser.findElement(By.id("members-caption")).getText());
        assertTrue(browser.findElement(By.id("today")).getText().contains("of 9 members are more than 7%"),
                browser.findElement(By.id("today")).getText());

        // A chosen date's inputs, one value per column, as in the file.
        String chosen = dates.get(dates.size() - 40);
        js("document.getElementById('explain-date').value = '" + chosen + "'");
        browser.findElement(By.id("explain")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("columns")).isDisplayed()
                && d.findElement(By.id("columns")).getText().contains(chosen));
        String table = browser.findElement(By.id("columns")).getText();
        int t = spi.dates().indexOf(java.time.LocalDate.parse(chosen));
        for (String c : columns) {
            assertTrue(table.contains(c), table);
            assertTrue(table.contains(String.format(java.util.Locale.ROOT, "%.2f", spi.column(c)[t])), c + ": " + table);
        }

        // The fixture has no packaged report: GET /monitor/evidence answers 404 (logged by the browser) and the
        // page says so. Nothing else may go wrong.
        assertTrue(browser.findElement(By.id("evidence")).getText().contains("No out-of-sample report for this model"),
                browser.findElement(By.id("evidence")).getText());
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(e -> e.getMessage())
                .filter(e -> !(e.contains("/monitor/evidence") && e.contains("404"))).toList();
        assertTrue(errors.isEmpty(), "console errors: " + errors);
        browser.manage().window().setSize(new Dimension(1280, 1760));
        js("window.scrollTo(0, 0)");
        Files.write(Path.of("src", "cli", "target", "risk-page-panel.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The committed OHLCV model (sp500-ohlcv): an upload of its five columns is drawn with as many dates as the API
     * scores and no members' chart, and "how much to trust it" quotes its walk-forward report in its own words.
     */
    @Test
    void anOhlcvModelTakesItsColumnsAndQuotesItsWalkForwardEvidence() throws Exception {
        serve("packaged", "sp500-ohlcv");
        List<String> columns = MarketData.OHLCV_COLUMNS;
        MarketData sp = EmbeddedDataset.SP500.load();
        int from = sp.size() - 600;
        String csv = csv(sp, from, columns);
        browser.get(server.uri("/").toString());
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("evidence")).getText()
                .contains("walk-forward"));
        String evidence = browser.findElement(By.id("evidence")).getText();
        assertTrue(evidence.contains("Out-of-sample evidence (walk-forward)") && evidence.contains("Per test period")
                && !evidence.contains("held-out"), evidence);
        uploadAndHoldToTheApi(csv, sp, from, columns);
        assertFalse(browser.findElement(By.id("members-figure")).isDisplayed(), "no members for an OHLCV model");
    }

    /**
     * The committed model of three indices of one era (three-indices): "how much to trust it" names their
     * walk-forward together, not a leave-one-market-out, with one row per market and period.
     */
    @Test
    void marketsOfOneEraQuoteTheirWalkForwardTogether() throws Exception {
        serve("packaged", "three-indices");
        browser.get(server.uri("/").toString());
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("evidence")).getText()
                .contains("walk-forward"));
        String evidence = browser.findElement(By.id("evidence")).getText();
        assertTrue(evidence.contains("Out-of-sample evidence (walk-forward, the markets together)")
                && evidence.contains("The markets share an era") && evidence.contains("Per market and test period")
                && evidence.contains("djia (") && evidence.contains("spi (") && evidence.contains("sp500 (")
                && !evidence.contains("held-out"), evidence);
        Files.write(Path.of("src", "cli", "target", "risk-page-three-indices.png"),
                browser.findElement(By.id("evidence")).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The committed term-structure model (any-index-horizons, issue 26): today's probabilities within 5, 20 and 60
     * trading days in words, each horizon drawn over the history, and a chosen date's structure; every one is the
     * API's, non-decreasing in the horizon, the 20-day one the page's "probability".
     */
    @Test
    void aTermStructureIsShownInWordsAndOverHistoryAsTheApiAnswersIt() throws Exception {
        serve("packaged", "any-index-horizons");
        browser.get(server.uri("/#market=sp500&date=2008-10-10").toString());
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> "sp500".equals(js(
                "return document.body.dataset.loaded || ''")));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("why-summary")).getText()
                .contains("How soon"));
        assertFalse(browser.findElement(By.id("error")).isDisplayed(), browser.findElement(By.id("error")).getText());
        String today = browser.findElement(By.id("term-today")).getText();
        // The evidence's verdict on the served horizon names the numbers: probabilities, or scores that rank days.
        boolean calibrated = Boolean.TRUE.equals(js(
                "return window.sysrisk.model.outOfSample.probability.calibrated"));
        String word = calibrated ? "probability" : "score";
        assertTrue(today.contains("within 5 trading days is") && today.contains("within 20 trading days is")
                && today.contains("within 60 trading days is") && today.contains("(the " + word + " above)")
                && today.contains("How soon: the " + word + " that"), today);
        assertEquals(!calibrated, today.contains("They rank days; they are not calibrated probabilities."), today);
        String why = browser.findElement(By.id("why-summary")).getText();
        assertTrue(why.contains("2008-10-10") && why.contains("within 60 trading days"), why);

        @SuppressWarnings("unchecked")
        List<String> dates = (List<String>) js("return window.sysrisk.h.dates");
        @SuppressWarnings("unchecked")
        List<Number> probability = (List<Number>) js("return window.sysrisk.h.probability");
        List<List<Number>> terms = new ArrayList<>();
        for (String h : List.of("5", "20", "60")) {
            @SuppressWarnings("unchecked")
            List<Number> t = (List<Number>) js("return window.sysrisk.h.terms['" + h + "']");
            assertEquals(dates.size(), t.size(), "horizon " + h);
            terms.add(t);
        }
        for (int i = 0; i < dates.size(); i++) {
            double p5 = terms.get(0).get(i).doubleValue();
            double p20 = terms.get(1).get(i).doubleValue();
            double p60 = terms.get(2).get(i).doubleValue();
            assertTrue(p5 <= p20 && p20 <= p60, dates.get(i) + ": " + p5 + ", " + p20 + ", " + p60);
            assertEquals(probability.get(i).doubleValue(), p20, 0.0, dates.get(i));
        }
        // The latest dates, held to POST /score with the close series a client would send.
        MarketData sp = EmbeddedDataset.SP500.load();
        int from = sp.size() - 400;
        JsonNode api = score(sp, from, List.of(io.sysrisk.data.Market.CLOSE), dates.get(dates.size() - 30));
        assertEquals(30, api.size());
        for (int j = 0; j < 30; j++) {
            int i = dates.size() - 30 + j;
            JsonNode ts = api.get(j).path("termStructure");
            assertEquals(dates.get(i), api.get(j).path("asOf").asText());
            assertEquals(List.of("5", "20", "60"), iterable(ts.fieldNames()));
            for (int k = 0; k < 3; k++) {
                assertEquals(ts.path(List.of("5", "20", "60").get(k)).asDouble(), terms.get(k).get(i).doubleValue(),
                        1e-12, dates.get(i));
            }
        }
        assertTrue(browser.findElement(By.id("prob-caption")).getText().contains("within 20 trading days (solid)"));
        String csvOut = (String) js("return window.sysrisk.csvText()");
        assertTrue(csvOut.startsWith("date,probability,alert,volatility,within_5d,within_20d,within_60d\n"),
                csvOut.substring(0, 80));
        // "How much to trust it": the committed per-horizon report, each horizon's pooled row as the JSON has it.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("term-evidence")).isEmpty());
        JsonNode report = json.readTree(Path.of("model-store", "any-index-horizons", "report", "term-structure.json")
                .toFile());
        List<org.openqa.selenium.WebElement> rows = browser.findElements(By.cssSelector("#term-evidence tr"));
        assertEquals(4, rows.size(), "a header and one row per horizon");
        for (int k = 0; k < 3; k++) {
            String row = rows.get(k + 1).getText();
            JsonNode h = report.path("pooled").get(k);
            assertTrue(row.startsWith("within " + h.path("days").asInt() + " days")
                    && row.contains(String.format(java.util.Locale.ROOT, "%.3f", h.path("modelPrAuc").asDouble()))
                    && row.contains(String.format(java.util.Locale.ROOT, "%.3f", h.path("volatilityPrAuc").asDouble())),
                    row);
        }
        String evidence = browser.findElement(By.id("evidence")).getText();
        assertTrue(evidence.contains("leave-one-market-out, per horizon") && evidence.contains(String.format(
                java.util.Locale.ROOT, "0 of %,d held-out answers decrease", report.path("answers").asLong())), evidence);
        String calm = browser.findElement(By.id("term-calm")).getText();
        assertTrue(calm.contains(String.format(java.util.Locale.ROOT, "within 60 days (%d such onsets) the model %.3f",
                report.path("calm").get(2).path("calmOnsets").asInt(),
                report.path("calm").get(2).path("ranking").get(0).path("rocAuc").asDouble())), calm);
        // Each horizon as an alarm, in words, with the report's skill and verdict against the uninformative alarms.
        String alarms = browser.findElement(By.id("term-alarms")).getText();
        for (int k = 0; k < 3; k++) {
            JsonNode t = report.path("pooledAlarms").get(k);
            assertTrue(alarms.contains(String.format(java.util.Locale.ROOT, "Within %d trading days the alarm is %s: "
                    + "per-day skill %.3f", t.path("days").asInt(), t.path("alarmedBy").asText(),
                    t.path("verdict").path("skill").asDouble())) && t.path("beatsNulls").isBoolean()
                    && alarms.contains(t.path("beatsNulls").asBoolean() ? "no uninformative alarm"
                    : "an uninformative alarm"), alarms);
        }
        assertEquals(3, browser.findElements(By.cssSelector("table.term-alarm")).size());
        Files.write(Path.of("src", "cli", "target", "risk-page-term-structure.png"),
                browser.getScreenshotAs(OutputType.BYTES));
        Files.write(Path.of("src", "cli", "target", "risk-page-term-structure-evidence.png"),
                browser.findElement(By.id("evidence")).getScreenshotAs(OutputType.BYTES));
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /**
     * Uploads {@code csv} (rows {@code from..} of {@code data}) through the page's file input, waits for it to be
     * drawn, and holds every drawn date and probability to POST /score for the same rows and columns.
     */
    private List<String> uploadAndHoldToTheApi(String csv, MarketData data, int from, List<String> columns)
            throws Exception {
        Path file = Files.createTempFile("upload", ".csv");
        file.toFile().deleteOnExit();
        Files.writeString(file, csv);
        browser.findElement(By.id("file")).sendKeys(file.toString());
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(d -> "upload".equals(js(
                "return document.body.dataset.loaded || ''")));
        assertFalse(browser.findElement(By.id("error")).isDisplayed(), browser.findElement(By.id("error")).getText());
        @SuppressWarnings("unchecked")
        List<String> dates = (List<String>) js("return window.sysrisk.h.dates");
        @SuppressWarnings("unchecked")
        List<Number> probability = (List<Number>) js("return window.sysrisk.h.probability");
        JsonNode api = score(data, from, columns, dates.get(0));
        assertEquals(api.size(), dates.size());
        for (int i = 0; i < dates.size(); i++) {
            assertEquals(api.get(i).path("asOf").asText(), dates.get(i));
            assertEquals(api.get(i).path("probability").asDouble(), probability.get(i).doubleValue(), 1e-12,
                    dates.get(i));
        }
        return dates;
    }

    /** The CSV a user would upload: {@code date} and {@code columns} of rows {@code from..} of {@code data}. */
    private static String csv(MarketData data, int from, List<String> columns) {
        StringBuilder csv = new StringBuilder("date," + String.join(",", columns) + "\n");
        for (int t = from; t < data.size(); t++) {
            csv.append(data.dates().get(t));
            for (String c : columns) {
                csv.append(',').append(data.column(c)[t]);
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** POST /score with every column of rows {@code from..} and the dates from {@code first} on. */
    private JsonNode score(MarketData data, int from, List<String> columns, String first) throws Exception {
        List<String> dates = new ArrayList<>();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (String c : columns) {
            series.put(c, new ArrayList<>());
        }
        for (int t = from; t < data.size(); t++) {
            dates.add(data.dates().get(t).toString());
            for (String c : columns) {
                series.get(c).add(data.column(c)[t]);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dates", dates);
        body.put("series", series);
        body.put("from", first);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri("/score"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body()).path("scores");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
