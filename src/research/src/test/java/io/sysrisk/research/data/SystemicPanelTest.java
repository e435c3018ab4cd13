package io.sysrisk.research.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.sysrisk.data.DataValidationException;
import io.sysrisk.data.DatedSeries;
import io.sysrisk.data.Session;
import io.sysrisk.features.SystemicSources;

/** The embedded systemic panel is the card's: same bytes, same facts, read without filling a gap. */
class SystemicPanelTest {

    private static SystemicSources sources;

    @BeforeAll
    static void read() {
        sources = SystemicPanel.sources();
    }

    @Test
    void everyFileIsTheOneTheCardDescribes() throws IOException {
        String card;
        try (InputStream in = SystemicPanel.class.getResourceAsStream("/datasets/README.md")) {
            card = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (SystemicPanel.File f : SystemicPanel.File.values()) {
            Matcher m = Pattern.compile("\\| `" + Pattern.quote(f.fileName())
                    + "` \\|[^\\n]*\\| (\\d+) \\| `([0-9a-f]{64})` \\|").matcher(card);
            assertTrue(m.find(), f.fileName() + " has no row with rows and SHA-256 in the card");
            assertEquals(m.group(2), f.sha256(), f.fileName());
            int rows;
            try (InputStream in = SystemicPanel.class.getResourceAsStream("/datasets/" + f.fileName())) {
                rows = (int) new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().count() - 1;
            }
            assertEquals(Integer.parseInt(m.group(1)), rows, f.fileName());
        }
    }

    @Test
    void eachIndexStartsWhereTheCardSaysAndKeepsItsOwnDays() {
        Map<String, String> first = Map.of("spx", "1950-01-03", "dji", "1985-01-29", "ndx", "1985-10-01",
                "ftse", "1984-01-03", "sx5e", "1986-12-31", "cac", "1990-03-01", "dax", "1990-11-26",
                "smi", "1990-11-09");
        List<DatedSeries> closes = SystemicPanel.indexCloses();
        assertEquals(8, closes.size());
        for (int i = 0; i < closes.size(); i++) {
            SystemicPanel.PanelMarket m = SystemicPanel.MARKETS.get(i);
            assertEquals(LocalDate.parse(first.get(m.name())), closes.get(i).dates().get(0), m.name());
            assertEquals(m.session(), closes.get(i).session());
        }
        // 2015-12-25 is in the union calendar for no one; 2015-12-28 is a London holiday (Boxing Day observed) on
        // which the US traded: the FTSE has no value there rather than a repeated one.
        DatedSeries ftse = closes.get(3);
        assertTrue(ftse.dates().stream().noneMatch(d -> d.equals(LocalDate.of(2015, 12, 28))));
        assertTrue(closes.get(0).dates().contains(LocalDate.of(2015, 12, 28)));
        assertEquals(Session.EUROPE_CLOSE, ftse.session());
        assertEquals(LocalDate.of(2015, 12, 23), closes.get(4).dates().get(closes.get(4).size() - 1));
    }

    @Test
    void worstAndBestDaysAreTheCards() {
        List<DatedSeries> closes = SystemicPanel.indexCloses();
        assertEquals(-0.205, simpleReturn(closes.get(0), "1987-10-19"), 0.0005);
        assertEquals(-0.226, simpleReturn(closes.get(1), "1987-10-19"), 0.0005);
        assertEquals(-0.122, simpleReturn(closes.get(3), "1987-10-20"), 0.0005);
        assertEquals(+0.116, simpleReturn(closes.get(0), "2008-10-13"), 0.0005);
        for (DatedSeries c : closes.subList(0, 2)) {
            double worst = 0;
            for (int i = 1; i < c.size(); i++) {
                worst = Math.min(worst, c.value(i) / c.value(i - 1) - 1);
            }
            assertEquals(simpleReturn(c, "1987-10-19"), worst, 1e-12, c.name() + "'s worst day");
        }
    }

    @Test
    void vixPeaksAndTheOtherSeries() {
        DatedSeries vix = sources.vix();
        assertEquals(Session.AFTER_US_CLOSE, vix.session());
        assertEquals(82.69, max(vix, LocalDate.MAX), 1e-9);
        assertEquals(LocalDate.of(2020, 3, 16), vix.dates().get(argMax(vix, LocalDate.MAX)));
        assertEquals(80.86, max(vix, LocalDate.of(2015, 12, 31)), 1e-9);
        assertEquals(LocalDate.of(2008, 11, 20), vix.dates().get(argMax(vix, LocalDate.of(2015, 12, 31))));
        assertEquals("y1y", sources.shortRate().name());
        assertEquals("y10y", sources.longRate().name());
        assertEquals(5, sources.currencies().size());
        // Brent: 206 days of the file inside its range have no value, and none is filled.
        DatedSeries brent = sources.oil();
        Map<String, DatedSeries> gb = SystemicPanel.File.GOLD_BRENT.read(c -> Session.AFTER_US_CLOSE);
        long fileDays = gb.get("GOLD").dates().stream().filter(d -> !d.isBefore(brent.dates().get(0))
                && !d.isAfter(brent.dates().get(brent.size() - 1))).count();
        assertEquals(206, fileDays - brent.size());
    }

    @Test
    void membersAreThe2016IndicesWithTheirStartsAndPriceErrors() {
        List<List<DatedSeries>> groups = sources.memberGroups();
        assertEquals(List.of(30, 98, 50), groups.stream().map(List::size).toList());
        assertEquals(26, groups.get(0).stream().filter(s -> s.dates().get(0).isBefore(LocalDate.of(1988, 1, 1)))
                .count());
        assertEquals(58, groups.get(1).stream().filter(s -> s.dates().get(0).isBefore(LocalDate.of(1995, 1, 1)))
                .count());
        assertEquals(List.of(0, 173, 19), groups.stream().map(SystemicPanelTest::revertingJumps).toList());
        assertEquals(14, groups.get(1).stream().filter(s -> revertingJumps(List.of(s)) > 0).count());
        assertEquals(Session.EUROPE_CLOSE, groups.get(1).get(0).session());
        assertEquals(Session.US_CLOSE, groups.get(0).get(0).session());
    }

    @Test
    void aBrokenFileIsRefusedNamingLineAndColumn() {
        assertEquals("x.csv line 3, column B: 'abc' is not a number", assertThrows(DataValidationException.class,
                () -> parse("date,A,B\n2000-01-03,1,2\n2000-01-04,1,abc\n")).getMessage());
        assertEquals("x.csv line 3: date 2000-01-03 does not follow 2000-01-03", assertThrows(
                DataValidationException.class, () -> parse("date,A\n2000-01-03,1\n2000-01-03,2\n")).getMessage());
        assertEquals("x.csv line 2: '2000/01/03' is not a date", assertThrows(DataValidationException.class,
                () -> parse("date,A\n2000/01/03,1\n")).getMessage());
        assertEquals("x.csv line 2: 2 cells, the header has 3", assertThrows(DataValidationException.class,
                () -> parse("date,A,B\n2000-01-03,1\n")).getMessage());
    }

    @Test
    void anEmptyCellIsADayWithoutAValue() throws IOException {
        Map<String, DatedSeries> s = parse("date,A,B\n2000-01-03,1,\n2000-01-04,,5\n2000-01-05,2,6\n");
        assertEquals(List.of(LocalDate.of(2000, 1, 3), LocalDate.of(2000, 1, 5)), s.get("A").dates());
        assertEquals(List.of(LocalDate.of(2000, 1, 4), LocalDate.of(2000, 1, 5)), s.get("B").dates());
    }

    private static Map<String, DatedSeries> parse(String csv) throws IOException {
        return SystemicPanel.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "x.csv",
                c -> Session.US_CLOSE);
    }

    /** Daily log moves beyond +/-40% that the next observation undoes (within 10%). */
    private static int revertingJumps(List<DatedSeries> group) {
        int n = 0;
        for (DatedSeries s : group) {
            for (int i = 1; i + 1 < s.size(); i++) {
                double a = Math.log(s.value(i) / s.value(i - 1));
                double b = Math.log(s.value(i + 1) / s.value(i));
                if (Math.abs(a) > 0.4 && Math.abs(a + b) < 0.1) {
                    n++;
                }
            }
        }
        return n;
    }

    private static double simpleReturn(DatedSeries s, String date) {
        int i = s.dates().indexOf(LocalDate.parse(date));
        return s.value(i) / s.value(i - 1) - 1;
    }

    private static double max(DatedSeries s, LocalDate to) {
        return s.value(argMax(s, to));
    }

    private static int argMax(DatedSeries s, LocalDate to) {
        int best = 0;
        for (int i = 0; i < s.size() && !s.dates().get(i).isAfter(to); i++) {
            if (s.value(i) > s.value(best)) {
                best = i;
            }
        }
        return best;
    }
}
