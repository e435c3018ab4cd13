package io.sysrisk.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
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
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sysrisk.bench.RunnerServer;
import io.sysrisk.data.Market;
import io.sysrisk.data.MarketData;
import io.sysrisk.research.data.Markets;

/**
 * The risk page at {@code /} in a real browser (headless Chromium driven by Selenium through Debian's
 * chromedriver) against the packaged application (the runner jar): it loads without console errors, draws a
 * chosen market and an uploaded CSV with as many points as the API scores, shows a bad CSV's error, draws the
 * threshold and the alarm shading, downloads the API's numbers, explains a clicked date, moves it with the keyboard,
 * does not overflow sideways at phone width, and shows several markets at once. Takes the README's
 * screenshot ({@code src/cli/target/risk-page.png}, and of the evidence: {@code risk-page-evidence.png}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RiskPageBrowserTest {

    private static final Duration LOAD = Duration.ofSeconds(90);

    private RunnerServer server;
    private ChromeDriver browser;
    private Path downloads;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        assertTrue(Files.isExecutable(Chromium.DRIVER), "see Chromium.start");
        // The function module packages the runner jar before the tools' tests run in ./mvnw verify.
        server = new RunnerServer(RunnerServer.packagedJar(), Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                List.of("-Xmx512m"));
        downloads = Files.createTempDirectory("sysrisk-downloads");
        browser = Chromium.start(1280, 800, Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
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
    @Order(1)
    void thePageLoadsAMarketWithoutConsoleErrors() {
        browser.get(server.uri("/").toString());
        // The page opens on the most recent data it has: the S&P 500 2000-2020, not the 1928-1965 one listed first.
        waitLoaded("sp500");
        assertEquals("sp500", new Select(browser.findElement(By.id("market"))).getFirstSelectedOption()
                .getAttribute("value"));
        // The report's verdict decides how the number is named: a probability only where it held out of sample;
        // else a score that ranks days, with what days scored at its level were followed by on the held-out data.
        String today = browser.findElement(By.id("today")).getText();
        com.fasterxml.jackson.databind.JsonNode verdict = lomo().get("probabilityVerdict");
        if (verdict.get("calibrated").asBoolean()) {
            assertTrue(today.contains("probability that a fall of more than"), today);
        } else {
            assertTrue(today.contains("scores") && today.contains("for: a fall of more than")
                    && today.contains("It ranks days and is not a calibrated probability")
                    && today.contains("were followed by such a fall"), today);
            String caption = browser.findElement(By.id("prob-caption")).getText();
            assertTrue(caption.startsWith("Model score") && caption.endsWith("It ranks days; it is not a calibrated "
                    + "probability."), caption);
        }
        String words = browser.findElement(By.id("probability-words")).getText();
        assertTrue(words.contains(verdict.get("inWords").asText()), words);
        assertEquals(lomo().get("probabilities").get(0).get("reliability").size(),
                browser.findElements(By.cssSelector("#reliability-table tbody tr")).size());
        // The browser logs the API's 400 for the market too short to score; nothing else may go wrong.
        List<String> errors = consoleErrors().stream().filter(e -> !(e.contains("/monitor/upload/history")
                && e.contains("400"))).toList();
        assertTrue(errors.isEmpty(), "console errors: " + errors);
        assertTrue(browser.findElement(By.id("evidence")).getText().contains("leave one market out"),
                "the out-of-sample evidence is shown");
        // What the calm stratum says, in the report's own words, and the per-day skill beside the nulls.
        String calm = browser.findElement(By.id("calm-words")).getText();
        assertTrue(calm.contains("Falls that start in calm markets") && calm.contains(calmInWords()), calm);
        String skill = browser.findElement(By.id("skill-table")).getText();
        assertTrue(skill.contains("always on") && skill.contains("shifted in time") && skill.contains("calendar"),
                skill);
    }

    /** The committed report's sentence on onsets out of calm. */
    private static String calmInWords() {
        return lomo().get("calmInWords").asText();
    }

    /** The committed default report's JSON. */
    private static com.fasterxml.jackson.databind.JsonNode lomo() {
        try {
            return io.sysrisk.store.ModelStore.json().readTree(java.nio.file.Path.of("model-store", "any-index",
                    "report", "lomo.json").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Order(2)
    void choosingAMarketDrawsEveryDateTheApiScores() throws Exception {
        new Select(browser.findElement(By.id("market"))).selectByValue("spi");
        waitLoaded("spi");
        List<JsonNode> api = apiScores(Markets.byName(Markets.embedded(), "spi").data());
        assertTrue(api.size() > 1500, "spi has about 1,900 scorable dates, the API gave " + api.size());
        assertEquals(api.size(), chartPoints(), "points drawn");
        assertEquals(api.get(0).path("asOf").asText(), js("return window.sysrisk.h.dates[0]"));
        assertTrue(consoleErrors().isEmpty(), "console errors after choosing a market");
    }

    @Test
    @Order(3)
    void theAlarmThresholdAndTheShadingAreDrawn() throws Exception {
        JsonNode overview = get("/monitor/overview");
        io.sysrisk.store.ModelManifest manifest = new io.sysrisk.store.ModelStore(Path.of("model-store"))
                .manifest("any-index");
        // The page starts at the function's default preference, whose rule the overview names.
        assertEquals(0.5, overview.path("alarms").path("preference").asDouble());
        assertEquals(manifest.alarmAt(0.5).by(), overview.path("alarmBy").asText());
        assertEquals("0.5", new Select(browser.findElement(By.id("preference"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertEquals(manifest.preferences().size(),
                new Select(browser.findElement(By.id("preference"))).getOptions().size());
        // Every preference offered: the page draws the API's alerts at it, and its rule in the API's words.
        double alarming = Double.NaN;
        for (double mu : manifest.preferences()) {
            choosePreference(mu, "spi");
            List<JsonNode> api = apiScores(Markets.byName(Markets.embedded(), "spi").data(), mu);
            List<?> alerts = (List<?>) js("return window.sysrisk.h.alert");
            assertEquals(api.size(), alerts.size());
            for (int i = 0; i < api.size(); i++) {
                assertEquals(api.get(i).path("alert").asBoolean(), alerts.get(i), mu + " " + api.get(i).path("asOf"));
            }
            String rule = browser.findElement(By.id("preference-rule")).getText();
            String inWords = null;
            for (JsonNode o : overview.path("alarms").path("offered")) {
                inWords = o.path("preference").asDouble() == mu ? o.path("inWords").asText() : inWords;
            }
            assertTrue(inWords != null && rule.contains(inWords), rule);
            assertTrue(browser.findElement(By.id("today")).getText().contains("At preference " + mu), mu + "");
            // A volatility rule's threshold is a series of the volatility chart; any other rule draws none there.
            boolean byVolatility = manifest.alarmAt(mu).by().equals("volatility");
            assertEquals(byVolatility ? 3L : 2L, ((Number) js("return window.sysrisk.charts[2].series.length"))
                    .longValue(), "volatility chart's series at " + mu);
            if (byVolatility) {
                Object thr = js("return window.sysrisk.charts[2].data[2][0]");
                assertEquals(manifest.alarmAt(mu).threshold(), ((Number) thr).doubleValue(), 1e-12);
            }
            if (alerts.contains(Boolean.TRUE)) {
                alarming = mu;
            }
        }
        assertFalse(Double.isNaN(alarming), "some preference's alarm sounds on spi 2000-2008");
        choosePreference(alarming, "spi");
        // A pixel at the top of the plot on the middle day of the longest alarm episode is tinted orange.
        @SuppressWarnings("unchecked")
        List<Number> pixel = (List<Number>) js("""
                const s = window.sysrisk, a = s.h.alert;
                let best = [0, -1], start = -1;
                for (let i = 0; i <= a.length; i++) {
                  if (i < a.length && a[i]) { if (start < 0) start = i; }
                  else if (start >= 0) { if (i - start > best[1] - best[0]) best = [start, i]; start = -1; }
                }
                const u = s.charts[1], mid = Math.floor((best[0] + best[1]) / 2);
                const x = Math.round(u.valToPos(s.h.x[mid], 'x', true));
                const y = Math.round(u.bbox.top + 2);
                return Array.from(u.ctx.getImageData(x, y, 1, 1).data);""");
        assertTrue(pixel.get(3).intValue() > 0 && pixel.get(0).intValue() > pixel.get(2).intValue() + 40,
                "an alarm day's background should be orange-tinted, got RGBA " + pixel);
        choosePreference(0.5, "spi");
    }

    /** Chooses the alarm's preference on the page and waits until {@code source} is scored again at it. */
    private void choosePreference(double mu, String source) {
        js("document.body.dataset.loaded = ''");
        Select select = new Select(browser.findElement(By.id("preference")));
        if (select.getFirstSelectedOption().getAttribute("value").equals(String.valueOf(mu))) {
            js("document.body.dataset.loaded = '" + source + "'");
            return;
        }
        select.selectByValue(String.valueOf(mu));
        waitLoaded(source);
    }

    @Test
    @Order(4)
    void theDownloadedCsvHoldsTheApisNumbers() throws Exception {
        browser.findElement(By.id("download")).click();
        Path file = waitForDownload();
        List<String> lines = Files.readAllLines(file);
        List<JsonNode> api = apiScores(Markets.byName(Markets.embedded(), "spi").data());
        assertEquals("date,probability,alert,volatility", lines.get(0));
        assertEquals(api.size(), lines.size() - 1);
        for (int i = 0; i < api.size(); i++) {
            String[] cells = lines.get(i + 1).split(",");
            JsonNode s = api.get(i);
            assertEquals(s.path("asOf").asText(), cells[0]);
            assertEquals(s.path("probability").asDouble(), Double.parseDouble(cells[1]), 0.0, "probability " + cells[0]);
            assertEquals(s.path("alert").asBoolean() ? "1" : "0", cells[2]);
            assertEquals(s.path("volatility").asDouble(), Double.parseDouble(cells[3]), 0.0, "volatility " + cells[0]);
        }
    }

    @Test
    @Order(5)
    void clickingADateShowsItsAttention() {
        WebElement over = browser.findElement(By.cssSelector("#chart-prob .u-over"));
        new Actions(browser).moveToElement(over, over.getSize().width / 4, 0).click().perform();
        new WebDriverWait(browser, LOAD).until(d -> d.findElements(By.cssSelector("#attention > div")).size() == 60);
        String chosen = (String) js("return window.sysrisk.chosen");
        assertTrue(browser.findElement(By.id("why-summary")).getText().contains("Window ending " + chosen),
                browser.findElement(By.id("why-summary")).getText());
        assertEquals(61, browser.findElements(By.cssSelector("#features tr")).size(), "a header and 60 days of inputs");
        assertTrue(browser.getCurrentUrl().endsWith("#market=spi&date=" + chosen), browser.getCurrentUrl());
        // The served networks kept their initial weights: the page must not pass their attention off as a reason.
        assertTrue(browser.findElement(By.id("attention-note")).getText().contains("random initialization"));
    }

    @Test
    @Order(6)
    void theKeyboardMovesTheChosenDate() {
        String before = (String) js("return window.sysrisk.chosen");
        WebElement chart = browser.findElement(By.id("chart-prob"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", chart);
        chart.sendKeys(org.openqa.selenium.Keys.ARROW_LEFT);
        new WebDriverWait(browser, LOAD).until(d -> !before.equals(js("return window.sysrisk.chosen")));
        String after = (String) js("return window.sysrisk.chosen");
        List<?> dates = (List<?>) js("return window.sysrisk.h.dates");
        assertEquals(dates.indexOf(before) - 1, dates.indexOf(after), before + " -> " + after);
        new WebDriverWait(browser, LOAD).until(d -> d.findElement(By.id("why-summary")).getText()
                .contains("Window ending " + after));
    }

    @Test
    @Order(7)
    void anUploadedCsvIsDrawn() throws Exception {
        MarketData djia = Markets.byName(Markets.embedded(), "djia").data();
        int from = djia.size() - 1400;
        StringBuilder csv = new StringBuilder("date,close\n");
        double[] close = djia.column(Market.CLOSE);
        for (int t = from; t < djia.size(); t++) {
            csv.append(djia.dates().get(t)).append(',').append(close[t]).append('\n');
        }
        Path file = Files.createTempFile("djia", ".csv");
        file.toFile().deleteOnExit();
        Files.writeString(file, csv);
        browser.findElement(By.id("file")).sendKeys(file.toString());
        waitLoaded("upload");
        List<JsonNode> api = apiScores(djia.slice(from, djia.size()));
        assertEquals(api.size(), chartPoints());
        assertTrue(api.size() > 1000, "two requests' worth: " + api.size());
        assertFalse(browser.findElement(By.id("error")).isDisplayed());
    }

    @Test
    @Order(8)
    void aBadCsvShowsItsErrorInThePage() throws Exception {
        Path file = Files.createTempFile("bad", ".csv");
        file.toFile().deleteOnExit();
        Files.writeString(file, "date,close\n2020-01-02,100\n2020-01-03,101\n2020-01-06,abc\n");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        WebElement error = browser.findElement(By.id("error"));
        new WebDriverWait(browser, LOAD).until(d -> error.isDisplayed());
        assertTrue(error.getText().contains("line 4") && error.getText().contains("'close'"), error.getText());
    }

    @Test
    @Order(9)
    void aPermalinkOpensItsMarketAndDate() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1700));
        browser.get(server.uri("/#market=sp500&date=2008-10-10").toString());
        browser.navigate().refresh(); // opened fresh, as a shared link is
        waitLoaded("sp500");
        new WebDriverWait(browser, LOAD).until(d -> d.findElement(By.id("why-summary")).getText()
                .contains("Window ending 2008-10-10"));
        assertEquals("sp500", new Select(browser.findElement(By.id("market"))).getFirstSelectedOption()
                .getAttribute("value"));
        js("window.scrollTo(0, 0)");
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("src/cli/target/risk-page.png"), png);
        // The trust section too (the calm onsets in words, the per-day skill beside the nulls), for a reader to see.
        Files.write(Path.of("src/cli/target/risk-page-evidence.png"),
                browser.findElement(By.id("evidence")).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @Order(10)
    void atPhoneWidthNothingOverflowsSideways() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(server.uri("/#market=spi").toString());
        browser.navigate().refresh();
        waitLoaded("spi");
        Number page = (Number) js("return document.documentElement.scrollWidth");
        Number view = (Number) js("return document.documentElement.clientWidth");
        assertTrue(page.intValue() <= view.intValue(), "the page is " + page + " px wide in a " + view + " px view");
        Number chart = (Number) js("return window.sysrisk.charts[1].width");
        assertTrue(chart.intValue() <= view.intValue(), "a chart is " + chart + " px wide in a " + view + " px view");
    }

    /**
     * A CSV of several markets' closes (a blank cell: no close that day): each market is scored alone, its numbers
     * are the API's, the count of markets in alarm on each day is the API's alerts counted, and a market too short
     * to score is named with the API's reason while the others are shown.
     */
    @Test
    @Order(11)
    void severalMarketsAtOnceShowEachMarketAndHowManyAreInAlarm() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1400));
        browser.get(server.uri("/").toString());
        browser.navigate().refresh();
        waitLoaded("sp500");
        java.time.LocalDate from = java.time.LocalDate.of(1996, 1, 2);
        java.time.LocalDate to = java.time.LocalDate.of(2000, 12, 29);
        Map<String, MarketData> markets = new LinkedHashMap<>();
        for (String name : List.of("djia", "dow30-ew")) {
            MarketData d = Markets.byName(Markets.embedded(), name).data();
            int a = 0;
            while (d.dates().get(a).isBefore(from)) {
                a++;
            }
            int b = a;
            while (b + 1 < d.size() && !d.dates().get(b + 1).isAfter(to)) {
                b++;
            }
            markets.put(name, d.slice(a, b + 1));
        }
        java.util.TreeMap<java.time.LocalDate, String[]> rows = new java.util.TreeMap<>();
        int column = 0;
        for (MarketData d : markets.values()) {
            double[] close = d.column(Market.CLOSE);
            for (int t = 0; t < d.size(); t++) {
                rows.computeIfAbsent(d.dates().get(t), k -> new String[3])[column] = String.valueOf(close[t]);
            }
            column++;
        }
        int k = 0;
        for (String[] cells : rows.values()) {
            if (k++ >= rows.size() - 40) {
                cells[2] = "100"; // "tiny": 40 closes, far fewer than a window and its look-back
            }
        }
        StringBuilder csv = new StringBuilder("date,djia,dow30-ew,tiny\n");
        rows.forEach((date, cells) -> csv.append(date).append(',').append(cells[0] == null ? "" : cells[0]).append(',')
                .append(cells[1] == null ? "" : cells[1]).append(',').append(cells[2] == null ? "" : cells[2])
                .append('\n'));
        Path file = Files.createTempFile("several", ".csv");
        file.toFile().deleteOnExit();
        Files.writeString(file, csv);
        // At a preference whose alarm sounds (at the default no rule was shown useful: no alarm).
        double mu = 0.7;
        choosePreference(mu, "sp500");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        waitLoaded("several");
        assertTrue(browser.findElement(By.id("several-panel")).isDisplayed());
        assertFalse(browser.findElement(By.id("history-panel")).isDisplayed(), "one market's charts are put away");

        java.util.TreeMap<String, int[]> expected = new java.util.TreeMap<>(); // date -> {in alarm, scored}
        int m = 0;
        for (Map.Entry<String, MarketData> e : markets.entrySet()) {
            List<JsonNode> api = apiScores(e.getValue(), mu);
            assertTrue(api.size() > 900, e.getKey() + " has " + api.size() + " scorable dates");
            String at = "window.sysrisk.several.markets[" + m++ + "]";
            assertEquals(e.getKey(), js("return " + at + ".name"));
            assertEquals(api.size(), ((Number) js("return " + at + ".dates.length")).intValue(), e.getKey());
            List<?> dates = (List<?>) js("return " + at + ".dates");
            List<?> alerts = (List<?>) js("return " + at + ".alert");
            List<?> probabilities = (List<?>) js("return " + at + ".probability");
            for (int i = 0; i < api.size(); i++) {
                JsonNode s = api.get(i);
                assertEquals(s.path("asOf").asText(), dates.get(i));
                assertEquals(s.path("alert").asBoolean(), alerts.get(i), e.getKey() + " " + dates.get(i));
                assertEquals(s.path("probability").asDouble(), ((Number) probabilities.get(i)).doubleValue(), 0.0);
                int[] c = expected.computeIfAbsent(s.path("asOf").asText(), d -> new int[2]);
                c[0] += s.path("alert").asBoolean() ? 1 : 0;
                c[1]++;
            }
        }
        assertEquals(new ArrayList<>(expected.keySet()), js("return window.sysrisk.several.dates"));
        assertEquals(expected.values().stream().map(c -> (long) c[0]).toList(),
                js("return window.sysrisk.several.inAlarm"));
        assertEquals(expected.values().stream().map(c -> (long) c[1]).toList(),
                js("return window.sysrisk.several.scored"));
        assertTrue(expected.values().stream().anyMatch(c -> c[0] == 2) && expected.values().stream()
                .anyMatch(c -> c[0] == 0), "days with both markets in alarm and days with none");

        String table = browser.findElement(By.id("several-table")).getText();
        assertTrue(table.contains("tiny") && table.contains("not scored"), table);
        int[] last = expected.lastEntry().getValue();
        String summary = browser.findElement(By.id("several-summary")).getText();
        assertTrue(summary.contains(expected.lastKey()) && summary.contains(last[0] + " of " + last[1]), summary);
        assertEquals(2L, js("return document.querySelectorAll('#several-strips .chart').length"));
        assertFalse(browser.findElement(By.id("error")).isDisplayed());
        // The browser logs the API's 400 for the market too short to score; nothing else may go wrong.
        List<String> errors = consoleErrors().stream().filter(e -> !(e.contains("/monitor/upload/history")
                && e.contains("400"))).toList();
        assertTrue(errors.isEmpty(), "console errors: " + errors);
        Files.write(Path.of("src/cli/target/risk-page-several.png"),
                browser.findElement(By.id("several-panel")).getScreenshotAs(OutputType.BYTES));
    }

    private void waitLoaded(String source) {
        new WebDriverWait(browser, LOAD).until(d -> source.equals(js("return document.body.dataset.loaded || ''")));
    }

    private int chartPoints() {
        return ((Number) js("return window.sysrisk.charts[1].data[0].length")).intValue();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .collect(Collectors.toList());
    }

    private Path waitForDownload() throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            File[] done = downloads.toFile().listFiles((dir, name) -> name.endsWith(".csv"));
            if (done != null && done.length == 1) {
                return done[0].toPath();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no CSV downloaded into " + downloads);
    }

    private JsonNode get(String path) {
        try {
            return json.readTree(http.send(HttpRequest.newBuilder(server.uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every scorable date of {@code data} through POST /score, 1,000 rows at a time with 400 rows before each. */
    private List<JsonNode> apiScores(MarketData data) throws Exception {
        return apiScores(data, null);
    }

    /** The API's scores of every scorable date of {@code data}, alerting at {@code preference} (null: default). */
    private List<JsonNode> apiScores(MarketData data, Double preference) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        double[] close = data.column(Market.CLOSE);
        for (int s = 300; s < data.size(); s += 1000) {
            int e = Math.min(data.size() - 1, s + 999);
            List<String> dates = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int t = Math.max(0, s - 400); t <= e; t++) {
                dates.add(data.dates().get(t).toString());
                values.add(close[t]);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("dates", dates);
            body.put("series", Map.of("close", values));
            body.put("from", data.dates().get(s).toString());
            body.put("to", data.dates().get(e).toString());
            if (preference != null) {
                body.put("preference", preference);
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri("/score"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = json.readTree(r.body());
            if (r.statusCode() == 400 && answer.path("error").asText().contains("can be scored")) {
                continue; // a range wholly inside the look-back
            }
            assertEquals(200, r.statusCode(), r.body());
            answer.path("scores").forEach(out::add);
        }
        return out;
    }
}
