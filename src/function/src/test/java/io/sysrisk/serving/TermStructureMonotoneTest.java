package io.sysrisk.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.sysrisk.data.Market;
import io.sysrisk.research.data.Markets;
import io.sysrisk.scoring.DatedScore;
import io.sysrisk.scoring.MarketScorer;
import io.sysrisk.store.ModelStore;

/**
 * Issue 26's goal: the served term-structure model's answer is non-decreasing in the horizon on every window of
 * every embedded market, through the serving path's scorer (Java forward pass, calibration per interval), and its
 * {@code probability} is its 20-day probability. One-horizon models answer no term structure.
 */
class TermStructureMonotoneTest {

    @Test
    void everyWindowOfEveryEmbeddedMarketHasANonDecreasingTermStructure() {
        ModelStore.Loaded loaded = new ModelStore(java.nio.file.Path.of("model-store"))
                .loaded("any-index-horizons");
        assertEquals(List.of(5, 20, 60), loaded.manifest().horizons());
        MarketScorer scorer = new MarketScorer(loaded.manifest());
        int windows = 0;
        int scorable = 0;
        for (Market m : Markets.embedded()) {
            scorable += m.data().size() - loaded.manifest().input().requiredDays() + 1;
            List<DatedScore> scores = scorer.score(m.data(), m.first(), m.last(), loaded.model());
            for (DatedScore s : scores) {
                double[] t = s.termStructure();
                assertNotNull(t, m.name() + " " + s.asOf());
                assertEquals(3, t.length);
                assertTrue(t[0] >= 0 && t[0] <= t[1] && t[1] <= t[2] && t[2] <= 1,
                        m.name() + " " + s.asOf() + ": " + java.util.Arrays.toString(t));
                assertEquals(t[1], s.probability(), 0.0, m.name() + " " + s.asOf());
            }
            windows += scores.size();
        }
        assertEquals(scorable, windows, "every window with a full look-back");
        System.out.println("term structure non-decreasing on " + windows + " windows of " + Markets.embedded().size()
                + " embedded markets");
    }

    @Test
    void aOneHorizonModelAnswersNoTermStructure() {
        ModelStore.Loaded loaded = new ModelStore(java.nio.file.Path.of("model-store")).loaded("any-index");
        assertEquals(null, loaded.manifest().horizons());
        Market sp = Markets.embedded().get(0);
        List<DatedScore> s = new MarketScorer(loaded.manifest()).score(sp.data(), sp.last().minusDays(40),
                sp.last(), loaded.model());
        assertTrue(!s.isEmpty() && s.stream().allMatch(d -> d.termStructure() == null));
    }
}
