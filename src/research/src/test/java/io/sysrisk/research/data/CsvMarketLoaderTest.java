package io.sysrisk.research.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.sysrisk.data.CsvMarketLoader;
import io.sysrisk.data.DataValidationException;
import io.sysrisk.data.InputKind;
import io.sysrisk.data.LoadOptions;
import io.sysrisk.data.MarketData;

class CsvMarketLoaderTest {

    private static final LoadOptions PANEL = LoadOptions.panel(null).withMinRows(2);
    private static final LoadOptions OHLCV = LoadOptions.ohlcv().withMinRows(2);

    private static MarketData load(String csv, LoadOptions options) {
        return CsvMarketLoader.load(new StringReader(csv), "t.csv", options);
    }

    private static String error(String csv, LoadOptions options) {
        return assertThrows(DataValidationException.class, () -> load(csv, options)).getMessage();
    }

    @Test
    void readsPanelAndOhlcv() {
        MarketData p = load("date,A,B\n2001-01-02,1,2\n2001-01-03,1.5,2.5\n", PANEL);
        assertEquals(List.of("A", "B"), p.columns());
        assertEquals(LocalDate.of(2001, 1, 3), p.dates().get(1));
        assertEquals(2.5, p.column("B")[1]);
        MarketData o = load("date,open,high,low,close,adjclose,volume\n2001-01-02,1,2,0.5,1.5,1.5,10\n"
                + "2001-01-03,1.5,2,1,1.8,1.8,12\n", OHLCV);
        assertEquals(MarketData.OHLCV_COLUMNS, o.columns());
        assertEquals(12, o.column("volume")[1]);
    }

    /** Spreadsheets write a UTF-8 byte order mark before the header: it is not part of the first column's name. */
    @Test
    void aByteOrderMarkBeforeTheHeaderIsSkipped() {
        MarketData p = load("\uFEFFdate,A\n2001-01-02,1\n2001-01-03,2\n", PANEL);
        assertEquals(List.of("A"), p.columns());
        assertEquals(2, p.size());
    }

    @Test
    void readsUsersFileByPath(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("mine.csv");
        Files.writeString(f, "date,X\n2001-01-02,1\n2001-01-03,2\n");
        assertEquals(2, CsvMarketLoader.load(f, PANEL).size());
        String msg = assertThrows(DataValidationException.class,
                () -> CsvMarketLoader.load(dir.resolve("absent.csv"), PANEL)).getMessage();
        assertTrue(msg.contains("absent.csv") && msg.contains("cannot be read"), msg);
    }

    @Test
    void unparsableDateNamesLineAndColumn() {
        String m = error("date,A\n2001-01-02,1\n2001-13-01,2\n", PANEL);
        assertTrue(m.contains("t.csv line 3 column 'date'") && m.contains("2001-13-01"), m);
    }

    /** Features are per trading day: a weekly series is refused, saying what was detected; daily data with gaps is not. */
    @Test
    void weeklyDataIsRefusedDailyDataWithHolidaysIsRead() {
        StringBuilder weekly = new StringBuilder("date,A\n");
        StringBuilder daily = new StringBuilder("date,A\n");
        java.time.LocalDate d = java.time.LocalDate.of(2001, 1, 5);
        for (int i = 0; i < 320; i++) {
            weekly.append(d.plusWeeks(i)).append(',').append(100 + i % 7).append('\n');
        }
        java.time.LocalDate t = java.time.LocalDate.of(2001, 1, 2);
        for (int i = 0; i < 320; i++) {
            while (t.getDayOfWeek().getValue() > 5 || t.getDayOfMonth() == 15) {
                t = t.plusDays(1); // weekends and a holiday a month
            }
            daily.append(t).append(',').append(100 + i % 7).append('\n');
            t = t.plusDays(1);
        }
        String m = error(weekly.toString(), PANEL);
        assertTrue(m.contains("a median 7 calendar days apart") && m.contains("weekly")
                && m.contains("daily trading data"), m);
        assertEquals(320, load(daily.toString(), PANEL).size());
    }

    @Test
    void duplicateDate() {
        String m = error("date,A\n2001-01-02,1\n2001-01-02,2\n", PANEL);
        assertTrue(m.contains("line 3") && m.contains("repeats"), m);
    }

    @Test
    void nonIncreasingDate() {
        String m = error("date,A\n2001-01-03,1\n2001-01-02,2\n", PANEL);
        assertTrue(m.contains("line 3") && m.contains("comes before") && m.contains("strictly increase"), m);
    }

    @Test
    void nonNumericCell() {
        String m = error("date,A,B\n2001-01-02,1,2\n2001-01-03,1,abc\n", PANEL);
        assertTrue(m.contains("line 3 column 'B'") && m.contains("'abc' is not a number"), m);
    }

    @Test
    void nanOrInfinityText() {
        String m = error("date,A\n2001-01-02,1\n2001-01-03,Infinity\n", PANEL);
        assertTrue(m.contains("line 3 column 'A'") && m.contains("not a finite number"), m);
    }

    @Test
    void nonPositivePrice() {
        String m = error("date,A\n2001-01-02,1\n2001-01-03,-2\n", PANEL);
        assertTrue(m.contains("line 3 column 'A'") && m.contains("not positive"), m);
        m = error("date,A\n2001-01-02,0\n2001-01-03,2\n", PANEL);
        assertTrue(m.contains("line 2 column 'A'"), m);
    }

    @Test
    void tooFewRows() {
        String m = error("date,A\n2001-01-02,1\n", LoadOptions.panel(null));
        assertTrue(m.contains("1 usable rows") && m.contains("at least 30"), m);
    }

    @Test
    void wrongCellCount() {
        String m = error("date,A,B\n2001-01-02,1\n", PANEL);
        assertTrue(m.contains("line 2") && m.contains("has 2 cells, the header has 3"), m);
    }

    @Test
    void headerChecks() {
        assertTrue(error("day,A\n2001-01-02,1\n", PANEL).contains("first column must be 'date'"));
        assertTrue(error("date,open,high,low,close\n2001-01-02,1,1,1,1\n", OHLCV).contains("lacks column 'volume'"));
        assertTrue(error("date,open,high,low,close,volume,x\n", OHLCV).contains("unexpected column 'x'"));
        assertTrue(error("date,A,A\n2001-01-02,1,1\n", PANEL).contains("empty or repeated"));
        assertTrue(error("date,A\n2001-01-02,1\n", LoadOptions.panel("IDX").withMinRows(2))
                .contains("index column 'IDX'"));
        assertTrue(error("", PANEL).contains("empty"));
    }

    @Test
    void highBelowLow() {
        String m = error("date,open,high,low,close,volume\n2001-01-02,1,1,2,1,5\n", OHLCV);
        assertTrue(m.contains("line 2 column 'high'") && m.contains("below column 'low'"), m);
    }

    @Test
    void shortGapsAreForwardFilledAndCounted() {
        MarketData p = load("date,A,B\n2001-01-02,1,2\n2001-01-03,,3\n2001-01-04,1.2,4\n", PANEL);
        assertEquals(1.0, p.column("A")[1]);
        assertEquals(1, p.report().filledCells());
        assertEquals(0, p.report().droppedMissing());
    }

    @Test
    void leadingAndLongGapsDropTheDay() {
        LoadOptions opt = new LoadOptions(InputKind.PANEL, null, 2, 1, 0.5, false);
        MarketData p = load("date,A,B\n2001-01-02,,2\n2001-01-03,1,3\n2001-01-04,,4\n2001-01-05,,5\n2001-01-06,2,6\n",
                opt);
        // day 1: A has no earlier value; day 3: A's second empty day exceeds the one-day fill.
        assertEquals(List.of(LocalDate.of(2001, 1, 3), LocalDate.of(2001, 1, 4), LocalDate.of(2001, 1, 6)), p.dates());
        assertEquals(2, p.report().droppedMissing());
        assertEquals(1, p.report().filledCells());
    }

    @Test
    void tooManyDroppedDaysFailsNamingTheColumn() {
        LoadOptions opt = new LoadOptions(InputKind.PANEL, null, 2, 0, 0.05, false);
        String m = error("date,A,B\n2001-01-02,1,2\n2001-01-03,1,\n2001-01-04,1,\n2001-01-05,1,3\n", opt);
        assertTrue(m.contains("2 of 4 days") && m.contains("column 'B'"), m);
    }

    @Test
    void repeatedDaysAreDroppedAndCounted() {
        MarketData p = load("date,A,B\n2001-01-02,1,2\n2001-01-03,1,2\n2001-01-04,1,3\n", PANEL);
        assertEquals(2, p.size());
        assertEquals(1, p.report().droppedRepeated());
    }

    @Test
    void embeddedDatasetsLoadWithTheirKnownFacts() {
        MarketData sp = EmbeddedDataset.SP500.load();
        assertEquals(5105, sp.size());
        double[] c = sp.column("close");
        int crash = sp.dates().indexOf(LocalDate.of(2020, 3, 16));
        assertEquals(-0.120, c[crash] / c[crash - 1] - 1, 0.001);

        MarketData djia = EmbeddedDataset.DJIA.load();
        int monday = djia.dates().indexOf(LocalDate.of(1987, 10, 19));
        double[] d = djia.column("DJIA");
        assertEquals(-0.226, d[monday] / d[monday - 1] - 1, 0.001);
        assertTrue(djia.report().droppedRepeated() > 250, djia.report().toString());

        MarketData spi = EmbeddedDataset.SPI_SECTORS.load();
        assertEquals(17, spi.report().filledCells());
        assertEquals(9, spi.members().size());
        for (EmbeddedDataset e : EmbeddedDataset.values()) {
            assertTrue(e.load().size() > 1000, e.name());
            assertEquals(64, e.sha256().length());
        }
    }
}
