package io.sysrisk.research.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.sysrisk.data.Market;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.research.data.Markets;
import io.sysrisk.research.labels.Labeler;
import io.sysrisk.windows.NormalizationStats;

/** The pooled experiment's rules, checked window by window on the embedded markets. */
class PooledExperimentTest {

    private static List<Market> markets;

    @BeforeAll
    static void load() {
        markets = Markets.embedded();
    }

    @Test
    void aHeldOutPeriodIsReadByNoTrainingOrValidationWindowOfAnyMarket() {
        PooledConfig.HeldOut held = new PooledConfig.HeldOut("djia", LocalDate.of(1980, 1, 1), LocalDate.of(2012, 12, 31));
        PooledConfig c = PooledConfig.defaults().withHeldOut(held);
        PooledExperiment e = PooledExperiment.prepare(c, markets);
        int w = c.window();
        int ahead = c.label().lookahead();
        int checked = 0;
        for (PooledExperiment.MarketPart m : e.markets()) {
            for (int[] rows : List.of(m.trainRows(), m.validationRows(), m.calibrationRows())) {
                for (int t : rows) {
                    assertReadsNoDayOf(m, t, w, ahead, held);
                    checked++;
                }
            }
        }
        assertTrue(checked > 5000, "the other markets keep their out-of-era windows: " + checked);
        PooledExperiment.MarketPart djia = e.heldOut();
        assertEquals(0, djia.trainRows().length + djia.validationRows().length + djia.calibrationRows().length);
        assertEquals(djia.testRows().length, djia.test().size());
        assertTrue(djia.test().positives() > 0);
        for (PooledExperiment.MarketPart m : e.markets()) {
            if (m != djia) {
                assertEquals(0, m.testRows().length, m.name());
            }
        }
    }

    /** An inner fold of the nested selection: no window of any part (test included) reads the outer test period. */
    @Test
    void noInnerWindowReadsADayOfTheOuterTestPeriod() {
        PooledConfig.HeldOut outer = new PooledConfig.HeldOut("djia", LocalDate.of(1980, 1, 1), LocalDate.of(2012, 12, 31));
        PooledConfig.HeldOut inner = new PooledConfig.HeldOut("sp500", LocalDate.of(2000, 1, 3), LocalDate.of(2020, 4, 17));
        PooledConfig c = PooledConfig.defaults().withHeldOut(inner);
        PooledExperiment e = PooledExperiment.prepare(c, markets, List.of(outer));
        int w = c.window();
        int ahead = c.label().lookahead();
        int checked = 0;
        for (PooledExperiment.MarketPart m : e.markets()) {
            for (int[] rows : List.of(m.trainRows(), m.validationRows(), m.calibrationRows(), m.testRows())) {
                for (int t : rows) {
                    assertReadsNoDayOf(m, t, w, ahead, outer);
                    checked++;
                }
            }
        }
        assertTrue(checked > 3000, "windows outside both periods remain: " + checked);
        assertTrue(e.heldOut().testRows().length > 0, "the inner test keeps sp500's days after the outer period");
        assertTrue(e.markets().stream().allMatch(m -> m == e.heldOut() || m.testRows().length == 0));
    }

    /**
     * Extra series (the SPI sectors) only train: no validation, calibration or test window, and none of their
     * windows reads the held-out period or an excluded one (the sectors share the SPI's and the S&P 500's era).
     */
    @Test
    void trainingOnlySeriesOnlyTrainAndKeepOutOfTheHeldOutEra() {
        List<Market> sectors = Markets.spiSectors();
        assertEquals(9, sectors.size());
        List<Market> all = new ArrayList<>(markets);
        all.addAll(sectors);
        java.util.Set<String> extra = new java.util.HashSet<>(sectors.stream().map(Market::name).toList());
        PooledConfig.HeldOut held = new PooledConfig.HeldOut("dow30-ew", LocalDate.of(1990, 12, 31), LocalDate.of(2001, 1, 2));
        PooledConfig.HeldOut outer = new PooledConfig.HeldOut("sp500-1928", LocalDate.of(2004, 1, 1), LocalDate.of(2004, 12, 31));
        PooledConfig c = PooledConfig.defaults().withHeldOut(held);
        PooledExperiment e = PooledExperiment.prepare(c, all, List.of(outer), extra);
        PooledExperiment base = PooledExperiment.prepare(c, markets, List.of(outer));
        int w = c.window();
        int ahead = c.label().lookahead();
        int sectorWindows = 0;
        for (PooledExperiment.MarketPart m : e.markets()) {
            if (!extra.contains(m.name())) {
                continue;
            }
            assertEquals(0, m.validationRows().length + m.calibrationRows().length + m.testRows().length, m.name());
            for (int t : m.trainRows()) {
                assertReadsNoDayOf(m, t, w, ahead, held, outer);
                sectorWindows++;
            }
        }
        assertTrue(sectorWindows > 9 * 300, "the sectors add training windows: " + sectorWindows);
        // Validation, calibration and test are the main markets' alone, exactly as without the extra series.
        assertEquals(base.validation().size(), e.validation().size());
        assertEquals(base.calibration().size(), e.calibration().size());
        assertEquals(base.heldOut().test().size(), e.heldOut().test().size());
        assertTrue(e.train().size() > base.train().size());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> PooledExperiment.prepare(
                c.withHeldOut(new PooledConfig.HeldOut(sectors.get(0).name(), sectors.get(0).first(),
                        sectors.get(0).last())), all, List.of(), extra), "an extra series is never held out");
    }

    @Test
    void validationIsTheLatestPartOfEachMarketBehindAnEmbargo() {
        PooledConfig c = PooledConfig.defaults();
        PooledExperiment e = PooledExperiment.prepare(c, markets);
        for (PooledExperiment.MarketPart m : e.markets()) {
            assertTrue(m.validationRows().length > 0 && m.trainRows().length > 0, m.name());
            int firstValidation = m.validationRows()[0];
            int lastTrain = m.trainRows()[m.trainRows().length - 1];
            assertTrue(lastTrain + c.label().lookahead() < firstValidation,
                    m.name() + ": a training label reads into validation");
            int heldOut = m.validationRows().length + m.calibrationRows().length;
            double share = (double) heldOut / (heldOut + m.trainRows().length);
            // Validation (early stopping) first, calibration (Platt, threshold) after it, in time, about half each.
            assertTrue(m.validationRows()[m.validationRows().length - 1] < m.calibrationRows()[0], m.name());
            assertTrue(Math.abs(m.validationRows().length - m.calibrationRows().length) <= 1, m.name());
            assertTrue(share > 0.18 && share < 0.22, m.name() + " validation share " + share);
            for (int t : m.trainRows()) {
                assertTrue(m.labels()[t] == 0 || m.labels()[t] == 1, "masked or unknown day used: " + t);
            }
        }
        assertEquals(0, e.markets().stream().mapToInt(m -> m.testRows().length).sum(), "the served model has no test part");
    }

    @Test
    void normalizationIsFittedOnTrainingRowsOnly() {
        PooledConfig c = PooledConfig.defaults();
        PooledExperiment e = PooledExperiment.prepare(c, markets);
        List<double[]> rows = new ArrayList<>();
        for (PooledExperiment.MarketPart m : e.markets()) {
            boolean[] used = new boolean[m.matrix().size()];
            for (int t : m.trainRows()) {
                for (int k = t - c.window() + 1; k <= t; k++) {
                    used[k] = true;
                }
            }
            for (int t = 0; t < used.length; t++) {
                if (used[t]) {
                    rows.add(m.matrix().values()[t]);
                }
            }
        }
        NormalizationStats expected = NormalizationStats.fit(e.features().ids(), rows.toArray(new double[0][]), 0,
                rows.size() - 1, c.clip());
        for (int j = 0; j < e.features().size(); j++) {
            assertEquals(expected.mean()[j], e.normalization().mean()[j], 1e-12);
            assertEquals(expected.std()[j], e.normalization().std()[j], 1e-12);
        }
        assertFalse(e.train().size() == 0);
        int masked = 0;
        for (PooledExperiment.MarketPart m : e.markets()) {
            for (int y : m.labels()) {
                masked += y == Labeler.MASKED ? 1 : 0;
            }
        }
        assertTrue(masked > 1000, "onset labels mask the days inside falls: " + masked);
    }

    /**
     * A window holds the normalized features of the {@code window} days ending on its own day, clipped, with that
     * day's label: nothing after it. A 120-day window (the paper's comparison) reads its own days the same way.
     */
    @Test
    void windowsHoldNormalizedFeaturesEndingOnTheirDay() {
        for (int w : new int[] {PooledConfig.defaults().window(), 120}) {
            PooledConfig c = PooledConfig.defaults().withWindow(w)
                    .withHeldOut(new PooledConfig.HeldOut("spi", LocalDate.of(1990, 1, 1), LocalDate.of(2030, 1, 1)));
            PooledExperiment e = PooledExperiment.prepare(c, markets);
            PooledExperiment.MarketPart spi = e.heldOut();
            io.sysrisk.windows.WindowSet test = spi.test();
            int f = e.features().size();
            // The first window needs w days of features; days inside a fall carry no label and are not scored.
            int first = spi.matrix().firstValid() + w - 1;
            assertTrue(spi.testRows()[0] >= first, "the first window needs " + w + " days");
            for (int t = first; t < spi.testRows()[0]; t++) {
                assertEquals(Labeler.MASKED, spi.labels()[t], "row " + t + " is scorable but not scored");
            }
            int i = 7;
            int end = spi.testRows()[i];
            for (int d = 0; d < w; d++) {
                for (int j = 0; j < f; j++) {
                    assertEquals(e.normalization().apply(j, spi.matrix().values()[end - w + 1 + d][j]),
                            test.data()[(i * w + d) * f + j], 0f);
                }
            }
            assertEquals(spi.labels()[end], test.labels()[i]);
            assertEquals(spi.matrix().dates().get(end), test.endDates().get(i));
            float max = 0;
            for (float v : test.data()) {
                max = Math.max(max, Math.abs(v));
            }
            assertTrue(max <= c.clip(), "clipped: " + max);
        }
    }

    /** The window ending on row t of m, with its feature look-back and label look-ahead, reads no day of the periods. */
    /**
     * A term structure (issue 26): every part's windows carry their first-onset interval as the labels at 5, 20 and
     * 60 days say, the served labels are the 20-day ones, and every embargo and held-out margin is the longest
     * horizon's look-ahead (60 + 20 days), not the 20-day label's.
     */
    @Test
    void aTermStructuresWindowsCarryEveryHorizonAndTheLongestEmbargo() {
        PooledConfig.HeldOut held = new PooledConfig.HeldOut("djia", LocalDate.of(1980, 1, 1), LocalDate.of(2012, 12, 31));
        PooledConfig c = PooledConfig.defaults().withHorizons(List.of(5, 20, 60)).withHeldOut(held);
        assertEquals(80, c.lookahead());
        assertEquals(1, c.servedHorizonIndex());
        PooledExperiment e = PooledExperiment.prepare(c, markets);
        int checked = 0;
        for (PooledExperiment.MarketPart m : e.markets()) {
            io.sysrisk.research.labels.OnsetTermStructure ts = io.sysrisk.research.labels.OnsetTermStructure.of(m.market().data(),
                    (io.sysrisk.labels.LabelDefinition.Onset) c.label(), c.horizons());
            int[] served = Labeler.label(m.market().data(), c.label());
            for (int[] rows : List.of(m.trainRows(), m.validationRows(), m.calibrationRows())) {
                for (int t : rows) {
                    assertReadsNoDayOf(m, t, c.window(), 80, held);
                    assertEquals(served[t], m.labels()[t], m.name() + " " + m.matrix().dates().get(t));
                    assertTrue(ts.at(t) != null, "an example at every horizon");
                }
            }
            if (m.validationRows().length > 0 && m.trainRows().length > 0) {
                int lastTrain = m.trainRows()[m.trainRows().length - 1];
                assertTrue(lastTrain + 80 < m.validationRows()[0], m.name() + ": the embargo is the longest horizon's");
            }
            io.sysrisk.windows.WindowSet test = m.test();
            for (int i = 0; i < test.size(); i++) {
                int[] at = ts.at(test.rows()[i]);
                for (int k = 0; k < 3; k++) {
                    assertEquals(at[k], (int) test.horizonLabels(i, 3)[k], "test window " + test.endDates().get(i));
                }
                checked++;
            }
        }
        assertTrue(checked > 5000, "the held-out market's test windows: " + checked);
        for (io.sysrisk.windows.WindowSet s : List.of(e.train(), e.validation(), e.calibration())) {
            assertEquals(s.size(), s.firstOnset().length);
            for (int i = 0; i < s.size(); i++) {
                assertEquals(s.labels()[i], s.firstOnset()[i] <= 1 ? 1 : 0, "the served label is the 20-day one");
            }
        }
    }

    private static void assertReadsNoDayOf(PooledExperiment.MarketPart m, int t, int w, int ahead,
                                           PooledConfig.HeldOut... periods) {
        List<LocalDate> d = m.matrix().dates();
        LocalDate first = d.get(Math.max(0, t - w + 1 - m.matrix().firstValid()));
        LocalDate last = d.get(Math.min(d.size() - 1, t + ahead));
        for (PooledConfig.HeldOut h : periods) {
            assertTrue(last.isBefore(h.from()) || first.isAfter(h.to()),
                    m.name() + " window ending " + d.get(t) + " reads " + first + ".." + last);
        }
    }
}
