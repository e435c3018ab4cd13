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
        js("window.scrollTo(0, 0)");
        Files.write(Path.of("src/cli/target/risk-page-system.png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(e -> e.getMessage()).toList();
        assertTrue(errors.isEmpty(), "console errors: " + errors);
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
