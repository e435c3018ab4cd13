package io.sysrisk.research.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import io.sysrisk.data.LoadOptions;
import io.sysrisk.data.Market;
import io.sysrisk.data.MarketData;

class MarketsTest {

    @Test
    void theEquityMarketsAreCloseOnlySeries() {
        List<Market> m = Markets.embedded();
        assertEquals(List.of("sp500-1928", "djia", "dow30-ew", "spi", "sp500"), m.stream().map(Market::name).toList());
        for (Market x : m) {
            assertEquals(List.of(Market.CLOSE), x.data().columns(), x.name());
            assertEquals(Market.CLOSE, x.data().indexColumn());
            assertTrue(x.data().size() > 2000, x.name());
        }
        assertEquals(LocalDate.of(1928, 1, 3), m.get(0).first());
    }

    /**
     * The S&P 500 1928-1965 lists reconstructed trading days only, so a close equal to the day before is a real
     * unchanged close and is kept (dropping them as holidays removed 347 days, 117 in 1940-44); files that list
     * holidays with the previous close repeated (the DJIA) still lose them.
     */
    @Test
    void theRebuiltSp500KeepsItsUnchangedCloses() {
        Market sp = Markets.embedded().get(0);
        assertEquals(10589, sp.data().size(), "every row of the file");
        assertEquals(0, sp.data().report().droppedRepeated());
        double[] c = sp.data().column(Market.CLOSE);
        int unchanged = 0;
        for (int t = 1; t < c.length; t++) {
            unchanged += c[t] == c[t - 1] ? 1 : 0;
        }
        assertEquals(347, unchanged);
        assertTrue(Markets.embedded().get(1).data().report().droppedRepeated() > 200, "the DJIA's holidays go");
    }

    /** The SPI's Lehman-period gaps are repaired from its sectors: no flat day followed by a jump remains. */
    @Test
    void spiGapsAreRepairedFromTheSectors() {
        MarketData raw = EmbeddedDataset.SPI_SECTORS.raw(EmbeddedDataset.SPI_SECTORS.defaultOptions());
        Market spi = Markets.spi();
        double[] before = raw.column("SPI");
        double[] after = spi.data().column(Market.CLOSE);
        int flat = 0;
        int changed = 0;
        for (int t = 1; t < before.length; t++) {
            LocalDate d = raw.dates().get(t);
            boolean lehman = !d.isBefore(LocalDate.of(2008, 9, 1)) && !d.isAfter(LocalDate.of(2008, 10, 17));
            if (lehman && before[t] == before[t - 1]) {
                flat++;
                assertNotEquals(after[t], after[t - 1], "repaired " + d);
            }
            if (before[t] != after[t]) {
                changed++;
                assertTrue(before[t] == before[t - 1], "only forward-filled cells change: " + d);
            }
        }
        assertTrue(flat >= 14, "the source's gaps: " + flat);
        assertEquals(16, changed);
        assertTrue(spi.about().contains("R^2 0.99"), spi.about());
    }

    @Test
    void sp500VolumeFillersAndTheLowRunAreRepaired() {
        MarketData raw = EmbeddedDataset.SP500.raw(LoadOptions.ohlcv());
        MarketData fixed = EmbeddedDataset.SP500.load();
        double[] before = raw.column("volume");
        double[] after = fixed.column("volume");
        int changed = 0;
        for (int t = 0; t < before.length; t++) {
            changed += before[t] != after[t] ? 1 : 0;
        }
        // 3 fillers on 26 days, 5 pairs of consecutive equal counts, the 7-day quarter-level run of 2011-02/03.
        assertEquals(26 + 10 + 7, changed, fixed.report().repairs());
        for (int t = 0; t < after.length; t++) {
            assertTrue(after[t] != 4_223_740_000.0 && after[t] != 3_846_250_000.0 && after[t] != 4_521_050_000.0);
        }
        int feb18 = fixed.dates().indexOf(LocalDate.of(2011, 2, 18));
        assertTrue(after[feb18] > 3e9, "the quarter-level run is gone: " + after[feb18]);
        assertTrue(fixed.report().toString().contains("repaired: 43 volume cells"), fixed.report().toString());
        assertEquals(raw.column("close")[100], fixed.column("close")[100], 0.0, "closes are untouched");
    }
}
