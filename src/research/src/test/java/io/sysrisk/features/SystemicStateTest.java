package io.sysrisk.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.sysrisk.data.DatedSeries;
import io.sysrisk.data.Session;
import io.sysrisk.research.data.SystemicPanel;

/**
 * The systemic inputs read nothing a market could not have known at its close (time zones included), and each input
 * finds what a fixture plants in it.
 */
class SystemicStateTest {

    private static final List<SystemicInput> ALL = List.of(SystemicInput.values());
    private static SystemicSources panel;
    private static SystemicState state;

    @BeforeAll
    static void compute() {
        panel = SystemicPanel.sources();
        state = SystemicState.compute(panel);
    }

    /**
     * The panel's S&amp;P 500 close of 2008-10-10 made ten times larger: the FTSE (closing earlier that date) and the
     * S&amp;P 500 itself read no input of that date that moves; the next day both do. If the state were read as of the
     * same date (or the European market read the US close of its own date), the planted close would show.
     */
    @Test
    void noMarketReadsAValueOfItsDateThatClosesLater() {
        LocalDate day = LocalDate.of(2008, 10, 10);
        LocalDate next = LocalDate.of(2008, 10, 13);
        DatedSeries spx = panel.markets().get(0);
        SystemicState planted = SystemicState.compute(panel.withMarket(spx.with(day,
                spx.value(spx.dates().indexOf(day)) * 10)));
        for (Session market : List.of(Session.EUROPE_CLOSE, Session.US_CLOSE)) {
            assertArrayEquals(flat(state.forMarket(List.of(day), market, ALL)),
                    flat(planted.forMarket(List.of(day), market, ALL)), 0.0, market + " on the planted date");
            double[] before = flat(state.forMarket(List.of(next), market, ALL));
            double[] after = flat(planted.forMarket(List.of(next), market, ALL));
            assertNotEquals(before[SystemicInput.TURBULENCE.ordinal()], after[SystemicInput.TURBULENCE.ordinal()],
                    market + " the day after");
            assertNotEquals(before[SystemicInput.VIX_PREMIUM.ordinal()], after[SystemicInput.VIX_PREMIUM.ordinal()]);
        }
    }

    /**
     * The order is honoured, not only a blanket lag: with every series closing in Europe, a US reader on date t reads
     * the state of t itself and a European reader the state of t too, while a reader before either close would not.
     */
    @Test
    void aStateThatClosesEarlierIsReadTheSameDate() {
        List<LocalDate> days = weekdays(LocalDate.of(2001, 1, 1), 300);
        List<DatedSeries> markets = new ArrayList<>();
        Random rnd = new Random(5);
        for (int m = 0; m < 4; m++) {
            markets.add(walk("m" + m, Session.EUROPE_CLOSE, days, rnd, 0.01, null));
        }
        SystemicState s = SystemicState.compute(new SystemicSources(markets, null, null, null, null, List.of(), null,
                null, List.of()));
        assertEquals(Session.EUROPE_CLOSE, s.stamp());
        LocalDate t = days.get(280);
        assertEquals(280, s.stateIndexAt(t, Session.US_CLOSE));
        assertEquals(280, s.stateIndexAt(t, Session.EUROPE_CLOSE));
        assertEquals(280, state.stateIndexAt(state.dates().get(280), Session.AFTER_US_CLOSE));
        assertEquals(279, state.stateIndexAt(state.dates().get(280), Session.US_CLOSE));
        // A state older than a week is none.
        assertEquals(-1, s.stateIndexAt(days.get(299).plusDays(8), Session.US_CLOSE));
        assertEquals(299, s.stateIndexAt(days.get(299).plusDays(7), Session.US_CLOSE));
    }

    /**
     * Causality on the real panel: a market's inputs on day t, computed from every series cut to what was known at
     * its close that day, equal those computed from the whole panel, for both time zones and days in four decades.
     */
    @Test
    void inputsFromWhatWasKnownEqualInputsFromTheWholePanel() {
        for (String date : List.of("1987-10-20", "1998-08-31", "2008-09-15", "2011-08-08")) {
            LocalDate t = LocalDate.parse(date);
            for (Session market : List.of(Session.EUROPE_CLOSE, Session.US_CLOSE)) {
                double[] whole = flat(state.forMarket(List.of(t), market, ALL));
                SystemicState known = SystemicState.compute(panel.knownAt(t, market));
                assertArrayEquals(whole, flat(known.forMarket(List.of(t), market, ALL)), 0.0, date + " " + market);
                assertTrue(Arrays.stream(whole).filter(Double::isFinite).count() >= 6, date + " has inputs");
            }
        }
    }

    /**
     * The state a systemic model stores is the computed one: every value of its inputs, bit for bit, from the first
     * day with all of them, and a market reads the same inputs from it as from the computed state.
     */
    @Test
    void theStoredStateIsTheComputedOne() {
        List<SystemicInput> inputs = List.of(SystemicInput.VIX_LOG, SystemicInput.TURBULENCE,
                SystemicInput.MEMBER_DISPERSION);
        SystemicState stored = SystemicState.fromCsv(state.toCsv(inputs), state.stamp(), "test");
        LocalDate first = stored.dates().get(0);
        assertEquals(LocalDate.of(1990, 1, 2), first, "the VIX's first day: the first with all three");
        int offset = state.dates().indexOf(first);
        for (SystemicInput in : inputs) {
            double[] a = state.column(in);
            double[] b = stored.column(in);
            for (int t = 0; t < b.length; t++) {
                assertEquals(Double.doubleToLongBits(a[t + offset]), Double.doubleToLongBits(b[t]), in + " " + t);
            }
        }
        assertTrue(Arrays.stream(stored.column(SystemicInput.OIL_VOLATILITY)).allMatch(Double::isNaN),
                "an input it does not store is none");
        DatedSeries ftse = panel.markets().get(3);
        List<LocalDate> days = ftse.dates().subList(ftse.dates().indexOf(LocalDate.of(1990, 2, 1)), ftse.size());
        assertArrayEquals(state.forMarket(days, Session.EUROPE_CLOSE, inputs)[1],
                stored.forMarket(days, Session.EUROPE_CLOSE, inputs)[1], 0.0);
    }

    /**
     * A state computed from series that start late (what a request sends) equals the panel's, bit for bit, on every
     * day it gives after {@link SystemicState#withFullLookback()}, and gives every input from its 261st day; without
     * that cut, breadth (a 250-day high) would be computed from less and differ on earlier days.
     */
    @Test
    void aStateFromSeriesThatStartLateIsThePanelsOnceItsLookbackIsFull() {
        LocalDate from = LocalDate.of(2006, 6, 1);
        LocalDate to = LocalDate.of(2009, 3, 31);
        java.util.Map<String, DatedSeries> cut = new java.util.LinkedHashMap<>();
        SystemicPanel.seriesByName().forEach((k, v) -> cut.put(k, v.between(from, to)));
        java.util.Map<String, List<DatedSeries>> members = new java.util.LinkedHashMap<>();
        SystemicPanel.membersByGroup().forEach((k, v) -> members.put(k, v.stream().map(m -> m.between(from, to))
                .filter(m -> m.size() > 0).toList()));
        SystemicState raw = SystemicState.compute(SystemicSeries.sources(SystemicPanel.layout(), cut, members));
        SystemicState late = raw.withFullLookback();
        int offset = state.dates().indexOf(late.dates().get(0));
        assertEquals(state.dates().subList(offset, offset + late.dates().size()), late.dates());
        boolean breadthDiffered = false;
        for (SystemicInput in : ALL) {
            double[] whole = state.column(in);
            double[] own = late.column(in);
            double[] before = raw.column(in);
            for (int t = 0; t < own.length; t++) {
                if (t < SystemicState.LOOKBACK_DAYS) {
                    assertTrue(Double.isNaN(own[t]), in + " " + t);
                    breadthDiffered |= in == SystemicInput.BREADTH && Double.isFinite(before[t])
                            && before[t] != whole[t + offset];
                } else {
                    assertEquals(Double.doubleToLongBits(whole[t + offset]), Double.doubleToLongBits(own[t]),
                            in + " " + late.dates().get(t));
                }
            }
            assertTrue(Double.isFinite(own[SystemicState.LOOKBACK_DAYS]), in + " from the 261st day");
        }
        assertTrue(breadthDiffered, "the cut is needed: breadth from a short high differs early on");
    }

    @Test
    void oneCommonFactorIsAbsorbedIndependentMarketsAreNot() {
        List<LocalDate> days = weekdays(LocalDate.of(2001, 1, 1), 400);
        Random rnd = new Random(11);
        double[] factor = rnd.doubles(days.size()).map(u -> 0.02 * (u - 0.5)).toArray();
        List<DatedSeries> common = new ArrayList<>();
        List<DatedSeries> independent = new ArrayList<>();
        for (int m = 0; m < 5; m++) {
            common.add(walk("c" + m, Session.US_CLOSE, days, rnd, 0.001, factor));
            independent.add(walk("i" + m, Session.US_CLOSE, days, rnd, 0.01, null));
        }
        SystemicState c = SystemicState.compute(only(common));
        SystemicState i = SystemicState.compute(only(independent));
        int last = days.size() - 1;
        assertTrue(c.column(SystemicInput.ABSORPTION_RATIO)[last] > 0.95);
        assertTrue(c.column(SystemicInput.AVERAGE_CORRELATION)[last] > 0.9);
        // Five independent markets: the first eigenvector holds a little more than a fifth by chance.
        assertEquals(0.2, i.column(SystemicInput.ABSORPTION_RATIO)[last], 0.1);
        assertEquals(0.0, i.column(SystemicInput.AVERAGE_CORRELATION)[last], 0.15);
        assertTrue(Double.isNaN(c.column(SystemicInput.ABSORPTION_RATIO)[SystemicState.COVARIANCE_DAYS - 1]),
                "not before a full window");
    }

    @Test
    void aDayThatBreaksTheMarketsLinkIsTurbulentAndBreadthCountsFalls() {
        List<LocalDate> days = weekdays(LocalDate.of(2001, 1, 1), 400);
        Random rnd = new Random(3);
        double[] factor = rnd.doubles(days.size()).map(u -> 0.02 * (u - 0.5)).toArray();
        List<DatedSeries> ms = new ArrayList<>();
        for (int m = 0; m < 4; m++) {
            ms.add(walk("m" + m, Session.US_CLOSE, days, rnd, 0.003, factor));
        }
        int shock = 350;
        // Market 0 falls 10% on the shock day while the others rise 1%: small moves, but against the correlation.
        List<DatedSeries> shocked = new ArrayList<>();
        for (int m = 0; m < 4; m++) {
            double[] v = ms.get(m).values();
            for (int t = shock; t < v.length; t++) {
                v[t] *= m == 0 ? 0.9 : 1.01;
            }
            shocked.add(new DatedSeries(ms.get(m).name(), Session.US_CLOSE, days, v));
        }
        SystemicState quiet = SystemicState.compute(only(ms));
        SystemicState s = SystemicState.compute(only(shocked));
        double[] turb = s.column(SystemicInput.TURBULENCE);
        double mean = Arrays.stream(quiet.column(SystemicInput.TURBULENCE)).filter(Double::isFinite).average()
                .orElseThrow();
        assertEquals(1.0, mean, 0.25, "an ordinary day's turbulence is about 1");
        assertTrue(turb[shock] > 50 * mean, "the shock day: " + turb[shock]);
        assertEquals(turb[shock - 1], quiet.column(SystemicInput.TURBULENCE)[shock - 1], 0.0, "nothing before it");
        double[] breadth = s.column(SystemicInput.BREADTH);
        double[] quietBreadth = quiet.column(SystemicInput.BREADTH);
        assertEquals(quietBreadth[shock] + 0.25, breadth[shock], 1e-12, "one market of four more in a drawdown");
    }

    @Test
    void volatilityIndexRatesAndStaleness() {
        List<LocalDate> days = weekdays(LocalDate.of(2001, 1, 1), 100);
        Random rnd = new Random(7);
        List<DatedSeries> ms = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            ms.add(walk("m" + m, Session.US_CLOSE, days, rnd, 0.01, null));
        }
        double[] rv = FeaturePipeline.realizedVolatility(io.sysrisk.data.PriceLevels.logReturns(ms.get(0).values()),
                20);
        // A VIX equal to the market's own realized volatility: no premium. It stops 10 days early.
        List<LocalDate> vixDays = days.subList(21, 90);
        double[] vix = new double[vixDays.size()];
        for (int k = 0; k < vix.length; k++) {
            vix[k] = 100 * rv[k + 21];
        }
        double[] y1 = new double[days.size()];
        double[] y10 = new double[days.size()];
        for (int t = 0; t < y1.length; t++) {
            y1[t] = 1 + 0.01 * t;
            y10[t] = 3;
        }
        SystemicState s = SystemicState.compute(new SystemicSources(ms,
                new DatedSeries("vix", Session.AFTER_US_CLOSE, vixDays, vix), ms.get(0),
                new DatedSeries("y1", Session.AFTER_US_CLOSE, days, y1),
                new DatedSeries("y10", Session.AFTER_US_CLOSE, days, y10), List.of(), null, null, List.of()));
        assertEquals(0.0, s.column(SystemicInput.VIX_PREMIUM)[50], 1e-12);
        assertEquals(3 - 1.5, s.column(SystemicInput.TERM_SPREAD)[50], 1e-12);
        assertEquals(0.2, s.column(SystemicInput.SHORT_RATE_CHANGE_20D)[50], 1e-12);
        assertEquals(Math.log(vix[50 - 21] / vix[45 - 21]), s.column(SystemicInput.VIX_CHANGE_5D)[50], 1e-12);
        double[] level = s.column(SystemicInput.VIX_LOG);
        assertEquals(Math.log(vix[vix.length - 1]), level[90 + 4], 1e-12, "5 weekdays later: 7 calendar days");
        assertTrue(Double.isNaN(level[90 + 5]), "8 calendar days later: stale, missing");
    }

    @Test
    void dispersionIsTheMembersSpreadAndAPriceErrorBarelyMovesIt() {
        List<LocalDate> days = weekdays(LocalDate.of(2001, 1, 1), 60);
        Random rnd = new Random(13);
        List<DatedSeries> members = new ArrayList<>();
        for (int m = 0; m < 40; m++) {
            members.add(walk("s" + m, Session.US_CLOSE, days, rnd, 0.02, null));
        }
        List<DatedSeries> withError = new ArrayList<>(members);
        double[] v = members.get(0).values();
        v[40] *= 0.35;
        withError.set(0, new DatedSeries("s0", Session.US_CLOSE, days, v));
        List<DatedSeries> ms = members.subList(0, 3);
        double clean = SystemicState.compute(new SystemicSources(ms, null, null, null, null, List.of(members), null,
                null, List.of())).column(SystemicInput.MEMBER_DISPERSION)[50];
        double dirty = SystemicState.compute(new SystemicSources(ms, null, null, null, null, List.of(withError),
                null, null, List.of())).column(SystemicInput.MEMBER_DISPERSION)[50];
        // Members' daily returns are uniform with standard deviation 0.02 / sqrt(12).
        assertEquals(0.02 / Math.sqrt(12), clean, 0.0015);
        assertEquals(clean, dirty, 0.05 * clean);
    }

    private static SystemicSources only(List<DatedSeries> markets) {
        return new SystemicSources(markets, null, null, null, null, List.of(), null, null, List.of());
    }

    /** A price walk on {@code days}: uniform noise of width {@code width} plus {@code factor} (if any). */
    private static DatedSeries walk(String name, Session session, List<LocalDate> days, Random rnd, double width,
                                    double[] factor) {
        double[] p = new double[days.size()];
        p[0] = 100;
        for (int t = 1; t < p.length; t++) {
            p[t] = p[t - 1] * Math.exp(width * (rnd.nextDouble() - 0.5) + (factor == null ? 0 : factor[t]));
        }
        return new DatedSeries(name, session, days, p);
    }

    private static List<LocalDate> weekdays(LocalDate from, int n) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; out.size() < n; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                out.add(d);
            }
        }
        return out;
    }

    private static double[] flat(double[][] byInput) {
        return Arrays.stream(byInput).mapToDouble(a -> a[0]).toArray();
    }
}
