package io.sysrisk.serving;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sysrisk.data.Market;
import io.sysrisk.data.MarketData;
import io.sysrisk.research.data.Markets;

/**
 * The risk page's data endpoints: a history chunk holds exactly POST /score's numbers for its dates; uploads are read
 * strictly and held to the API's limits; every mistake is a 4xx naming it. (The page itself is tested in a browser:
 * {@code RiskPageBrowserTest} in the cli module.)
 */
@QuarkusTest
class MonitorResourceTest {

    @TestHTTPResource("/")
    URL root;

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    @Test
    void theOverviewListsTheEmbeddedMarketsAndTheAlarmRule() {
        JsonPath o = given().get(url("/monitor/overview")).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("sp500-1928", "djia", "dow30-ew", "spi", "sp500"), o.getList("markets.id"));
        assertEquals(true, o.getBoolean("closeOnly"));
        assertEquals(1000, o.getInt("chunkDates"));
        assertEquals(true, o.getBoolean("markets[1].inTraining"));
    }

    @Test
    void aHistoryChunkHoldsTheApisScores() throws Exception {
        JsonPath chunk = given().get(url("/monitor/markets/spi/history?chunk=1")).then().statusCode(200)
                .extract().jsonPath();
        List<String> dates = chunk.getList("dates");
        MarketData spi = Markets.byName(Markets.embedded(), "spi").data();
        int to = spi.dates().indexOf(java.time.LocalDate.parse(dates.get(dates.size() - 1)));
        int from = spi.dates().indexOf(java.time.LocalDate.parse(dates.get(0)));
        List<String> d = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        for (int t = from - 400; t <= to; t++) {
            d.add(spi.dates().get(t).toString());
            c.add(spi.column(Market.CLOSE)[t]);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dates", d);
        body.put("series", Map.of("close", c));
        body.put("from", dates.get(0));
        JsonPath api = given().contentType("application/json").body(body).post(url("/score")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(dates, api.getList("scores.asOf"));
        assertEquals(api.getList("scores.probability", Double.class), chunk.getList("probability", Double.class));
        assertEquals(api.getList("scores.alert", Boolean.class), chunk.getList("alert", Boolean.class));
        assertEquals(api.getList("scores.volatility", Double.class), chunk.getList("volatility", Double.class));
    }

    @Test
    void aWindowHasItsAttentionAndItsInputs() {
        given().get(url("/monitor/markets/sp500/window?date=2008-10-10")).then().statusCode(200)
                .body("asOf", equalTo("2008-10-10"))
                .body("attention.size()", equalTo(60))
                .body("values.size()", equalTo(60))
                .body("values[59].size()", equalTo(4))
                .body("dates[59]", equalTo("2008-10-10"));
    }

    @Test
    void mistakesAreNamed() {
        given().get(url("/monitor/markets/nikkei/history")).then().statusCode(404).body("error",
                containsString("unknown market 'nikkei'"));
        given().get(url("/monitor/markets/spi/history?chunk=9")).then().statusCode(400).body("error",
                containsString("chunks 0..1"));
        given().get(url("/monitor/markets/spi/history?chunk=abc")).then().statusCode(400).body("error",
                containsString("chunk 'abc' is not a number"));
        given().contentType("text/csv; charset=UTF-8").body("\uFEFFdate,close\n2020-01-02,100\n")
                .post(url("/monitor/upload/history")).then().statusCode(400).body("error", containsString("usable rows"));
        given().get(url("/monitor/markets/spi/window?date=2008-10-11")).then().statusCode(400).body("error",
                containsString("not a scorable date"));
        given().get(url("/monitor/markets/spi/window")).then().statusCode(400).body("error",
                containsString("?date="));
        given().contentType("text/csv").body("date,close\n2020-01-02,100\n2020-01-03,x1\n")
                .post(url("/monitor/upload/history")).then().statusCode(400)
                .body("error", containsString("line 3 column 'close'"));
        given().contentType("text/csv").body("date,close\n2020-01-02,100\n")
                .post(url("/monitor/upload/history")).then().statusCode(400).body("error", containsString("rows"));
        given().contentType("text/csv").body("").post(url("/monitor/upload/history")).then().statusCode(400)
                .body("error", containsString("empty"));
    }

    @Test
    void anUploadOverTheApisRowLimitIsRefused() {
        StringBuilder csv = new StringBuilder("date,close\n");
        java.time.LocalDate day = java.time.LocalDate.of(1990, 1, 1);
        for (int i = 0; i < 5001; i++) {
            csv.append(day.plusDays(i)).append(',').append(100 + Math.sin(i / 10.0)).append('\n');
        }
        given().contentType("text/csv").body(csv.toString()).post(url("/monitor/upload/history")).then()
                .statusCode(400).body("error", containsString("at most 5000"));
    }

    @Test
    void theEvidenceComesFromTheCommittedReport() {
        given().get(url("/monitor/evidence")).then().statusCode(200)
                .body("folds.size()", greaterThan(3))
                .body("pooled[0].name", containsString("selected"));
        given().get(url("/monitor/report")).then().statusCode(200).body(containsString("Leave-one-market-out report"));
    }

    @Test
    void thePageAndItsChartLibraryAreServed() {
        given().get(url("/")).then().statusCode(200).body(containsString("systemic risk monitor"));
        given().get(url("/webjars/uplot/dist/uPlot.iife.min.js")).then().statusCode(200);
        given().get(url("/monitor.js")).then().statusCode(200);
    }
}
