package io.sysrisk.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.sysrisk.serving.rest.MonitorService;

/**
 * The page's upload path serves a model of several columns (here the OHLCV model): the file's header names the
 * model's columns, every column reaches the score, and a file without one of them is a 400 naming it, never a 500.
 * The panel case runs in a browser (PanelPageBrowserTest).
 */
class MonitorUploadTest {

    private static ScoringService service;
    private static MonitorService monitor;

    @BeforeAll
    static void start() {
        service = new ScoringService(ScoringServiceStartupTest.config("packaged", "sp500-ohlcv"));
        service.start();
        monitor = new MonitorService(service, ScoringServiceStartupTest.config("packaged", "sp500-ohlcv"));
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    private static String csv(List<String> columns, int rows) {
        StringBuilder b = new StringBuilder("date," + String.join(",", columns) + "\n");
        int last = Requests.SP500.size() - 1;
        for (int t = last - rows + 1; t <= last; t++) {
            b.append(Requests.SP500.dates().get(t));
            for (String c : columns) {
                b.append(',').append(Requests.SP500.column(c)[t]);
            }
            b.append('\n');
        }
        return b.toString();
    }

    @Test
    void anOhlcvFileIsScoredWithEveryColumn() {
        MonitorService.Overview o = monitor.overview();
        assertEquals(List.of("open", "high", "low", "close", "volume"), o.columns());
        assertNull(o.indexColumn(), "an OHLCV model has no members to draw");
        MonitorService.HistoryChunk h = monitor.uploadedHistory(csv(o.columns(), 400), 0);
        assertEquals(400 - o.requiredDays() + 1, h.dates().size());
        assertNull(h.membersInDrawdown());
        double[] close = Requests.SP500.column("close");
        assertEquals(close[Requests.SP500.size() - 1], h.close().get(h.close().size() - 1), 0.0);
        MonitorService.WindowDetail w = monitor.uploadedWindow(csv(o.columns(), 400), h.dates().get(h.dates().size() - 1));
        assertEquals(o.columns(), w.columns());
        assertEquals(Requests.SP500.column("volume")[Requests.SP500.size() - 1], w.columnValues().get(4), 0.0);
        assertEquals(h.probability().get(h.probability().size() - 1), w.probability(), 1e-12);
    }

    @Test
    void aFileWithoutOneOfTheModelsColumnsIsA400NamingIt() {
        String m = assertThrows(io.sysrisk.serving.InvalidRequestException.class,
                () -> monitor.uploadedHistory(csv(List.of("close"), 400), 0)).getMessage();
        assertTrue(m.contains("'open'") && m.contains("date,open,high,low,close"), m);
    }

    /** A panel file without one of the model's members (the loader takes any columns; the page names the gap). */
    @Test
    void aPanelFileWithoutOneMemberIsA400NamingIt() {
        ScoringService panel = new ScoringService(ScoringServiceStartupTest.config(
                ScoringServiceStartupTest.OLD_JOB_STORE, "spi-sectors"));
        panel.start();
        try {
            MonitorService page = new MonitorService(panel, ScoringServiceStartupTest.config(
                    ScoringServiceStartupTest.OLD_JOB_STORE, "spi-sectors"));
            io.sysrisk.data.MarketData spi = io.sysrisk.research.data.EmbeddedDataset.SPI_SECTORS.load();
            StringBuilder b = new StringBuilder("date,SPI,BASI\n");
            for (int t = spi.size() - 400; t < spi.size(); t++) {
                b.append(spi.dates().get(t)).append(',').append(spi.column("SPI")[t]).append(',')
                        .append(spi.column("BASI")[t]).append('\n');
            }
            String m = assertThrows(io.sysrisk.serving.InvalidRequestException.class,
                    () -> page.uploadedHistory(b.toString(), 0)).getMessage();
            assertTrue(m.contains("the file has no column INDU, CONG") && m.contains("date,SPI,BASI,INDU"), m);
        } finally {
            panel.stop();
        }
    }
}
