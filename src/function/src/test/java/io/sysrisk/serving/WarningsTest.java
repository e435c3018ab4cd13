package io.sysrisk.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.sysrisk.scoring.Plausibility;

/** Data that is scored but not clean is scored with an explicit warning: nothing passes silently. */
class WarningsTest {

    private static ScoringService anyIndex;
    private static ScoringService ohlcv;

    @BeforeAll
    static void start() {
        anyIndex = new ScoringService(ScoringServiceStartupTest.config("packaged", "any-index"));
        anyIndex.start();
        ohlcv = new ScoringService(ScoringServiceStartupTest.config("packaged", "sp500-ohlcv"));
        ohlcv.start();
    }

    @AfterAll
    static void stop() {
        anyIndex.stop();
        ohlcv.stop();
    }

    @SuppressWarnings("unchecked")
    private static ScoreRequest request(Map<String, Object> r) throws Exception {
        return Requests.JSON.convertValue(r, ScoreRequest.class);
    }

    private static List<String> codes(ScoreResponse r) {
        return r.warnings().stream().map(Plausibility.Warning::code).toList();
    }

    @Test
    void cleanDataHasNoWarnings() throws Exception {
        ScoreResponse r = anyIndex.score(request(Requests.ending(LocalDate.of(2020, 2, 21), 320)));
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void daysDroppedForMissingValuesAreReported() throws Exception {
        Map<String, Object> req = Requests.ending(LocalDate.of(2020, 2, 21), 330);
        List<Object> close = Requests.series(req, "close");
        for (int i = 300; i < 310; i++) {
            close.set(i, null);
        }
        ScoreResponse r = anyIndex.score(request(req));
        assertEquals(1, r.scores().size());
        assertTrue(codes(r).contains("days-dropped"), r.warnings().toString());
    }

    @Test
    void aThirtyPercentDayIsReportedAndItsClippedFeaturesNamed() throws Exception {
        Map<String, Object> req = Requests.ending(LocalDate.of(2020, 2, 21), 320);
        List<Object> close = Requests.series(req, "close");
        close.set(318, (Double) close.get(318) * 1.3);
        ScoreResponse r = anyIndex.score(request(req));
        assertTrue(codes(r).contains("daily-move"), r.warnings().toString());
        Plausibility.Warning clipped = r.warnings().stream().filter(w -> w.code().equals("feature-clipped"))
                .findFirst().orElseThrow(() -> new AssertionError(r.warnings().toString()));
        assertTrue(clipped.message().contains("ret_1d") && clipped.message().contains("2020-02-20"), clipped.message());
    }

    @Test
    void aLongGapBetweenDatesIsReported() throws Exception {
        Map<String, Object> req = Requests.ending(LocalDate.of(2020, 2, 21), 320);
        @SuppressWarnings("unchecked")
        List<Object> dates = (List<Object>) req.get("dates");
        List<Object> shifted = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = LocalDate.parse((String) dates.get(i));
            shifted.add((i < 100 ? d.minusDays(20) : d).toString());
        }
        req.put("dates", shifted);
        ScoreResponse r = anyIndex.score(request(req));
        assertTrue(codes(r).contains("date-gap"), r.warnings().toString());
    }

    @Test
    void anOpenAboveTheHighIsReported() throws Exception {
        int last = Requests.SP500.dates().indexOf(LocalDate.of(2020, 2, 21));
        Map<String, Object> series = new LinkedHashMap<>();
        List<String> dates = new ArrayList<>();
        for (int t = last - 399; t <= last; t++) {
            dates.add(Requests.SP500.dates().get(t).toString());
        }
        for (String c : List.of("open", "high", "low", "close", "volume")) {
            List<Double> v = new ArrayList<>();
            for (int t = last - 399; t <= last; t++) {
                v.add(Requests.SP500.column(c)[t]);
            }
            series.put(c, v);
        }
        @SuppressWarnings("unchecked")
        List<Double> open = (List<Double>) series.get("open");
        @SuppressWarnings("unchecked")
        List<Double> high = (List<Double>) series.get("high");
        open.set(390, high.get(390) * 1.01);
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("dates", dates);
        req.put("series", series);
        ScoreResponse r = ohlcv.score(request(req));
        assertTrue(codes(r).contains("ohlc-range"), r.warnings().toString());
    }
}
