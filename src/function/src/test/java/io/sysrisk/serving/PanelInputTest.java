package io.sysrisk.serving;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.sysrisk.data.MarketData;
import io.sysrisk.research.data.EmbeddedDataset;

/**
 * A panel model (spi-sectors: the index and its nine sectors, the retired single-market job's fixture in
 * src/fixtures/model-store) with extreme member prices: the cross-asset
 * features (correlations, absorption ratio by eigen-decomposition, turbulence) must refuse them with a 400, never
 * fail inside the numerics with a 500 (issue 11: a member's price ratio overflowing).
 */
class PanelInputTest {

    private static ScoringService panel;
    private static MarketData spi;

    @BeforeAll
    static void start() {
        panel = new ScoringService(ScoringServiceStartupTest.config(ScoringServiceStartupTest.OLD_JOB_STORE, "spi-sectors"));
        panel.start();
        spi = EmbeddedDataset.SPI_SECTORS.load();
    }

    @AfterAll
    static void stop() {
        panel.stop();
    }

    private static ScoreRequest request(int lastRow, int days, java.util.function.Consumer<Map<String, List<Double>>> change) {
        List<String> dates = new ArrayList<>();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (String c : spi.columns()) {
            series.put(c, new ArrayList<>());
        }
        for (int t = lastRow - days + 1; t <= lastRow; t++) {
            dates.add(spi.dates().get(t).toString());
            for (String c : spi.columns()) {
                series.get(c).add(spi.column(c)[t]);
            }
        }
        change.accept(series);
        return new ScoreRequest(dates, new LinkedHashMap<>(series), null, null, null, null);
    }

    @Test
    void aCleanPanelIsScored() {
        ScoreResponse r = panel.score(request(1500, 400, s -> { }));
        assertTrue(r.scores().size() == 1 && Double.isFinite(r.scores().get(0).probability()), r.toString());
    }

    @Test
    void aMemberPriceRatioThatOverflowsIs400() {
        for (String member : List.of("BASI", "SPI")) {
            ScoreRequest bad = request(1500, 400, s -> {
                s.get(member).set(398, 1e-10);
                s.get(member).set(399, 1e300);
            });
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> panel.score(bad));
            assertTrue(e.getMessage().length() <= InvalidRequestException.MAX_MESSAGE, e.getMessage());
        }
    }

    @Test
    void aMemberAtTheSmallestDoubleIs400() {
        ScoreRequest bad = request(1500, 400, s -> s.get("FINA").set(399, 5e-324));
        assertThrows(InvalidRequestException.class, () -> panel.score(bad));
    }
}
