package io.sysrisk.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sysrisk.bench.RunnerServer;

/**
 * The risk page serving the systemic model (the packaged {@code systemic}), in headless Chromium: it opens on the
 * most recent of the panel's eight indices, draws the system's gauges (the VIX, the term spread, the absorption
 * ratio) over the state the model carries, every point the API's, and shows all eight markets side by side, each
 * market's latest number the API's. Screenshot: {@code src/cli/target/risk-page-system.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SystemicPageBrowserTest {

    private static final Duration LOAD = Duration.ofSeconds(240);

    private RunnerServer server;
    private ChromeDriver browser;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        server = new RunnerServer(RunnerServer.packagedJar(), Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), List.of("-Xmx512m", "-Dsysrisk.model.version=systemic"));
        browser = Chromium.start(1280, 2600, Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theSystemsGaugesAndEightMarketsSideBySideAreTheApis() throws Exception {
        browser.get(server.uri("/").toString());
        // The most recent data: five indices end 2015-12-31; the first of them listed is the S&P 500.
        waitLoaded("spx");
        assertTrue(browser.findElement(By.id("system-panel")).isDisplayed());
        JsonNode system = get("/monitor/system");
        int days = system.get("dates").size();
        assertEquals("2015-12-31", system.get("to").asText());
        assertEquals(days, ((Number) js("return window.sysrisk.systemCharts[0].data[0].length")).intValue(),
                "every day of the state drawn");
        assertEquals(system.get("vix").get(days - 1).asDouble(),
                ((Number) js("return window.sysrisk.systemCharts[0].data[1][" + (days - 1) + "]")).doubleValue(), 0.0);
        String summary = browser.findElement(By.id("system-summary")).getText();
        assertTrue(summary.contains(String.format(java.util.Locale.ROOT, "the VIX closed %.2f",
                system.get("vix").get(days - 1).asDouble())) && summary.contains("12 inputs of the system"), summary);

        // What moved each market on the state's last day: the API's attribution, each row adding up.
        new WebDriverWait(browser, LOAD).until(d -> "2015-12-31".equals(js("return document.body.dataset.moved || ''")));
        JsonNode moved = get("/monitor/attribution?date=2015-12-31");
        List<org.openqa.selenium.WebElement> rows = browser.findElements(By.cssSelector("#moved-table tbody tr"));
        assertEquals(moved.get("markets").size(), rows.size());
        // The Euro Stoxx 50's last close, 2015-12-23, is more than a week before: said, not scored.
        assertEquals(8, rows.size() + moved.get("notScored").size(), moved.toString());
        assertTrue(rows.size() >= 7 && browser.findElement(By.id("moved-summary")).getText().contains("Not scored: sx5e"),
                moved.get("notScored").toString());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode m = moved.get("markets").get(i);
            List<org.openqa.selenium.WebElement> cells = rows.get(i).findElements(By.tagName("td"));
            assertEquals(m.get("market").asText(), cells.get(0).getText());
            assertEquals(pct(m.get("attribution").get("probability").asDouble()), cells.get(2).getText());
            JsonNode shares = m.get("attribution").get("shares");
            assertEquals(4 + shares.size(), cells.size());
            for (int k = 0; k < shares.size(); k++) {
                assertEquals(pts(shares.get(k).get("contribution").asDouble()), cells.get(4 + k).getText().strip());
            }
        }
        // One market's window: its attribution in "Why", six groups.
        js("document.getElementById('explain-date').value = '2015-12-30'");
        browser.findElement(By.id("explain")).click();
        new WebDriverWait(browser, LOAD).until(d -> d.findElements(By.cssSelector("#attribution tbody tr")).size() == 6);
        JsonNode window = get("/monitor/markets/spx/window?date=2015-12-30");
        assertTrue(browser.findElement(By.id("attribution-summary")).getText().contains(pts(
                window.get("attribution").get("probability").asDouble()
                - window.get("attribution").get("baselineProbability").asDouble())));

        browser.findElement(By.id("system-all")).click();
        waitLoaded("several");
        JsonNode overview = get("/monitor/overview");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> shown = (List<Map<String, Object>>) js("return window.sysrisk.several.markets"
                + ".map((m) => ({name: m.name, date: m.dates[m.dates.length - 1], "
                + "p: m.probability[m.probability.length - 1]}))");
        assertEquals(8, shown.size());
        for (int i = 0; i < 8; i++) {
            JsonNode market = overview.get("markets").get(i);
            JsonNode last = get("/monitor/markets/" + market.get("id").asText() + "/history?chunk="
                    + (market.get("chunks").asInt() - 1));
            int n = last.get("dates").size();
            assertEquals(market.get("id").asText(), shown.get(i).get("name"));
            assertEquals(last.get("dates").get(n - 1).asText(), shown.get(i).get("date"));
            assertEquals(last.get("probability").get(n - 1).asDouble(),
                    ((Number) shown.get(i).get("p")).doubleValue(), 0.0, market.toString());
        }
        assertEquals(8, browser.findElements(By.cssSelector("#several-table tbody tr")).size());
        // The heat map: a row per market, a column per month; the FTSE's October 2008 is the mean of the API's scores.
        assertEquals("8", browser.findElement(By.id("heat-map")).getAttribute("data-rows"));
        JsonNode ftse = overview.get("markets").get(3);
        double sum = 0;
        int n = 0;
        for (int c = 0; c < ftse.get("chunks").asInt(); c++) {
            JsonNode chunk = get("/monitor/markets/ftse/history?chunk=" + c);
            for (int i = 0; i < chunk.get("dates").size(); i++) {
                if (chunk.get("dates").get(i).asText().startsWith("2008-10")) {
                    sum += chunk.get("probability").get(i).asDouble();
                    n++;
                }
            }
        }
        assertTrue(n >= 20, "FTSE days in 2008-10: " + n);
        double heat = ((Number) js("const h = window.sysrisk.heat; return h.rows[3].values[h.months.indexOf('2008-10')]"))
                .doubleValue();
        assertEquals(sum / n, heat, 1e-12);
        assertEquals("ftse", js("return window.sysrisk.heat.rows[3].name"));
        js("window.scrollTo(0, 0)");
        Files.write(Path.of("src/cli/target/risk-page-system.png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        js("document.getElementById('heat-map').scrollIntoView()");
        Files.write(Path.of("src/cli/target/risk-page-heat-map.png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        // A figure the report could not compute (a period without onsets) reads "n/a", never "NaN".
        new WebDriverWait(browser, LOAD).until(d -> !d.findElements(By.cssSelector("#evidence table")).isEmpty());
        String page = browser.findElement(By.tagName("body")).getText();
        int at = page.indexOf("NaN");
        assertTrue(page.contains("n/a") && at < 0, at < 0 ? "no n/a" : page.substring(Math.max(0, at - 300), at + 50));
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(e -> e.getMessage()).toList();
        assertTrue(errors.isEmpty(), "console errors: " + errors);
    }

    /** As the page prints a share: 12.3%. */
    private static String pct(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * v);
    }

    /** As the page prints a contribution: +1.23 pts, or with a minus sign. */
    private static String pts(double v) {
        return (v >= 0 ? "+" : "\u2212") + String.format(java.util.Locale.ROOT, "%.2f pts", Math.abs(100 * v));
    }

    private void waitLoaded(String source) {
        new WebDriverWait(browser, LOAD).until(d -> source.equals(js("return document.body.dataset.loaded || ''")));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private JsonNode get(String path) {
        try {
            return json.readTree(http.send(HttpRequest.newBuilder(server.uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
