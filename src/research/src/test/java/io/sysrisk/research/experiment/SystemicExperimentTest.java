package io.sysrisk.research.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.sysrisk.data.Market;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.features.Feature;
import io.sysrisk.features.SystemicInput;
import io.sysrisk.features.SystemicState;
import io.sysrisk.research.data.SystemicPanel;

/**
 * An experiment that reads the systemic inputs: each market's extra columns are the state it could know at its
 * close, its windows start once every input has a value, and a held-out period is kept out by the state's look-back
 * too (the state of a later day reads every market's year before it).
 */
class SystemicExperimentTest {

    private static final List<String> INPUTS = List.of(SystemicInput.VIX_LOG.id(), SystemicInput.TURBULENCE.id(),
            SystemicInput.TERM_SPREAD.id());
    private static List<Market> markets;

    @BeforeAll
    static void read() {
        markets = SystemicPanel.markets().stream().filter(m -> List.of("spx", "ftse", "dax").contains(m.name()))
                .toList();
    }

    @Test
    void eachMarketReadsTheStateOfItsCloseAfterItsFeatures() {
        PooledExperiment e = PooledExperiment.prepare(PooledConfig.defaults().withSystemicInputs(INPUTS), markets);
        SystemicState state = SystemicPanel.state();
        int features = Feature.CLOSE_ONLY.size();
        for (PooledExperiment.MarketPart m : e.markets()) {
            assertEquals(features + INPUTS.size(), m.matrix().width(), m.name());
            List<SystemicInput> inputs = INPUTS.stream().map(SystemicInput::fromId).toList();
            double[][] expected = state.forMarket(m.matrix().dates(), SystemicPanel.sessionOf(m.name()), inputs);
            for (int t = m.matrix().firstValid(); t < m.matrix().size(); t++) {
                for (int k = 0; k < inputs.size(); k++) {
                    assertEquals(expected[k][t], m.matrix().values()[t][features + k], 0.0, m.name() + " " + t);
                }
            }
            // The VIX starts on 1990-01-02: no window reads a day before the first state after it.
            LocalDate first = m.matrix().dates().get(m.matrix().firstValid());
            assertTrue(first.isAfter(LocalDate.of(1990, 1, 2)), m.name() + " starts " + first);
            int earliest = Arrays.stream(m.trainRows()).min().orElseThrow();
            assertTrue(earliest - e.config().window() + 1 >= m.matrix().firstValid());
        }
        assertEquals(INPUTS, e.normalization().features().subList(features, features + INPUTS.size()));
    }

    /**
     * DAX 1998-1999 held out: no FTSE training window of the systemic experiment reads a day of it through its
     * features' look-back (249 days before), the state's ({@value SystemicState#LOOKBACK_DAYS}) or its label's
     * look-ahead,
     * while the close-only experiment, whose windows read the FTSE's own closes only, trains on some that the
     * state's look-back would reach.
     */
    @Test
    void aHeldOutPeriodIsKeptOutByTheStatesLookBack() {
        PooledConfig.HeldOut held = new PooledConfig.HeldOut("dax", LocalDate.of(1998, 1, 1),
                LocalDate.of(1999, 12, 31));
        PooledConfig base = PooledConfig.defaults().withHeldOut(held);
        PooledExperiment closeOnly = PooledExperiment.prepare(base, markets);
        int features = closeOnly.markets().get(1).matrix().firstValid();
        assertEquals(249, features, "drawdown_250d reads the day and the 249 before it");
        int reach = base.window() - 1 + features + SystemicState.LOOKBACK_DAYS;
        PooledExperiment systemic = PooledExperiment.prepare(base.withSystemicInputs(INPUTS), markets);
        assertEquals(0, reaching(systemic, held, reach, base.lookahead()));
        assertEquals(0, reaching(closeOnly, held, base.window() - 1 + features, base.lookahead()));
        assertTrue(reaching(closeOnly, held, reach, base.lookahead()) > 100);
    }

    @Test
    void aMarketBeyondTheStateIsRefusedNamingTheDay() {
        Market spx = markets.get(0);
        List<LocalDate> dates = new java.util.ArrayList<>(spx.data().dates());
        double[] close = Arrays.copyOf(spx.data().column(Market.CLOSE), dates.size() + 30);
        for (int k = 0; k < 30; k++) {
            dates.add(dates.get(dates.size() - 1).plusDays(k % 5 == 4 ? 3 : 1));
            close[dates.size() - 1] = close[dates.size() - 2];
        }
        Market longer = Market.of("spx", "longer", "test", dates, close, spx.data().report());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PooledExperiment.prepare(PooledConfig.defaults().withSystemicInputs(INPUTS),
                        List.of(longer, markets.get(1), markets.get(2))));
        assertTrue(e.getMessage().startsWith("spx has no systemic input vix_log on 2016-01-"), e.getMessage());
    }

    /** FTSE training and validation windows whose days from {@code reach} rows back to the look-ahead touch it. */
    private static long reaching(PooledExperiment e, PooledConfig.HeldOut held, int reach, int ahead) {
        PooledExperiment.MarketPart m = e.markets().stream().filter(p -> p.name().equals("ftse")).findFirst()
                .orElseThrow();
        List<LocalDate> d = m.matrix().dates();
        return java.util.stream.IntStream.concat(Arrays.stream(m.trainRows()), Arrays.stream(m.validationRows()))
                .filter(t -> !d.get(Math.max(0, t - reach)).isAfter(held.to())
                        && !d.get(Math.min(d.size() - 1, t + ahead)).isBefore(held.from()))
                .count();
    }
}
