package io.sysrisk.research.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sysrisk.data.Market;
import io.sysrisk.data.MarketData;
import io.sysrisk.experiment.DecisionFloor;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.features.FeatureSet;
import io.sysrisk.research.data.EmbeddedDataset;
import io.sysrisk.windows.PartEvents;

/**
 * The walk-forward folds on the embedded S&amp;P 500 with volume: consecutive test periods over the latest half, no
 * training, validation or calibration window of a fold reads a day of its test period or after it, every part holds
 * the floor it was planned with, and a market whose parts cannot hold it is refused in one line.
 */
class WalkForwardTest {

    private static final DecisionFloor LOW = new DecisionFloor(2, 20);

    @Test
    void foldsAreConsecutiveAndNoDecidingWindowReadsTheTestPeriodOrAfter() {
        Market m = market(EmbeddedDataset.SP500);
        PooledConfig c = config(m).withValidationShare(0.4);
        List<WalkForward.Fold> folds = WalkForward.plan(c, m, LOW, null);
        assertTrue(folds.size() >= 2, folds.toString());
        List<LocalDate> dates = m.data().dates();
        int ahead = c.label().lookahead();
        for (int i = 0; i < folds.size(); i++) {
            WalkForward.Fold f = folds.get(i);
            assertEquals(m.last(), f.heldOut().to(), "everything after the test period is held out too");
            if (i > 0) {
                LocalDate previousEnd = folds.get(i - 1).scoredTo();
                assertTrue(f.heldOut().from().isAfter(previousEnd), "periods do not overlap");
                assertEquals(dates.indexOf(previousEnd) + 1, dates.indexOf(f.heldOut().from()), "and leave no gap");
            }
            PooledExperiment e = PooledExperiment.prepareUnchecked(c.withHeldOut(f.heldOut()), List.of(m), List.of(),
                    java.util.Set.of(), null);
            PooledExperiment.MarketPart p = e.markets().get(0);
            int firstTest = dates.indexOf(f.heldOut().from());
            for (int[] rows : List.of(p.trainRows(), p.validationRows(), p.calibrationRows())) {
                for (int t : rows) {
                    assertTrue(t + ahead < firstTest, f.name() + ": window ending " + dates.get(t) + " reads "
                            + ahead + " days ahead into " + f.heldOut().from());
                }
            }
            assertTrue(p.trainRows()[p.trainRows().length - 1] + ahead < p.validationRows()[0], "embargo");
            assertEquals(f.validation(), PartEvents.ofRows(p.validationRows(), p.labels()));
            assertTrue(f.validation().events() >= 2 && f.calibration().events() >= 2 && f.test().events() >= 2
                    && f.test().positives() >= 20, f.toString());
        }
        assertTrue(folds.get(0).heldOut().from().getYear() >= 2009, "the latest half: " + folds.get(0));
    }

    @Test
    void aMarketWhoseValidationPartHoldsTooFewFallsIsRefusedNamingThePart() {
        Market m = market(EmbeddedDataset.SPI_SECTORS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WalkForward.plan(config(m), m, DecisionFloor.defaults(), null));
        assertTrue(e.getMessage().startsWith("walk-forward of spi-sectors with 1 fold: the fold spi-sectors 1/1 "),
                e.getMessage());
        assertTrue(e.getMessage().contains("holds") && e.getMessage().contains("nothing was written"), e.getMessage());
        IllegalArgumentException asked = assertThrows(IllegalArgumentException.class,
                () -> WalkForward.plan(config(m), m, DecisionFloor.defaults(), 3));
        assertTrue(asked.getMessage().contains("with 3 folds") && asked.getMessage().contains("fewer --folds"),
                asked.getMessage());
    }

    /**
     * Three indices of one era (the DJIA 1980-2012, the SPI 2000-2008, the S&amp;P 500 2000-2020) judged together:
     * consecutive calendar periods, every market's deciding windows end (label look-ahead included) before its
     * period, its test rows lie inside it, and the parts summed over the markets are those planned.
     */
    @Test
    void marketsTogetherTrainEveryMarketOnlyBeforeTheFoldsPeriod() {
        List<Market> markets = List.of("djia", "spi", "sp500").stream()
                .map(n -> io.sysrisk.research.data.Markets.byName(io.sysrisk.research.data.Markets.embedded(), n)).toList();
        PooledConfig c = PooledConfig.defaults().withName("era").withValidationShare(0.4);
        List<WalkForward.Fold> folds = WalkForward.planMarkets(c, markets, LOW, 2);
        assertEquals(2, folds.size());
        assertEquals(folds.get(0).scoredTo().plusDays(1), folds.get(1).heldOut().from(), "consecutive periods");
        int ahead = c.label().lookahead();
        for (WalkForward.Fold f : folds) {
            PooledExperiment e = PooledExperiment.prepareUnchecked(c.withHeldOut(f.heldOut()), markets, List.of(),
                    java.util.Set.of(), null);
            PartEvents validation = PartEvents.NONE;
            PartEvents tested = PartEvents.NONE;
            for (PooledExperiment.MarketPart p : e.markets()) {
                List<LocalDate> dates = p.market().data().dates();
                for (int[] rows : List.of(p.trainRows(), p.validationRows(), p.calibrationRows())) {
                    for (int t : rows) {
                        assertTrue(t + ahead < dates.size() && dates.get(t + ahead).isBefore(f.heldOut().from()),
                                f.name() + ": " + p.name() + "'s window ending " + dates.get(t) + " reads into "
                                        + f.heldOut().from());
                    }
                }
                int[] test = WalkForward.testRows(c, p, f.heldOut().from(), f.scoredTo());
                for (int t : test) {
                    assertTrue(!dates.get(t).isBefore(f.heldOut().from()) && !dates.get(t).isAfter(f.scoredTo()));
                }
                validation = validation.plus(PartEvents.ofRows(p.validationRows(), p.labels()));
                tested = tested.plus(PartEvents.ofRows(test, p.labels()));
            }
            assertEquals(f.validation(), validation);
            assertEquals(f.test(), tested);
        }
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WalkForward.planMarkets(c, markets, DecisionFloor.defaults(), 4));
        assertTrue(refused.getMessage().startsWith("walk-forward of the markets together with 4 folds: the fold ")
                && refused.getMessage().contains("(every market)"), refused.getMessage());
    }

    private static Market market(EmbeddedDataset d) {
        MarketData data = DataSpec.of(d).load();
        return new Market(d.cliName(), d.cliName(), data);
    }

    private static PooledConfig config(Market m) {
        return PooledConfig.defaults().withName(m.name()).withFeatures(FeatureSet.allFor(m.data()).ids());
    }
}
