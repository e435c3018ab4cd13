package io.sysrisk.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sysrisk.data.Market;
import io.sysrisk.data.Markets;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.labels.OnsetTermStructure;

/**
 * The per-horizon study's shape on one quick fold (its numbers mean nothing): the held-out market's windows and
 * labels are the term structure's, every horizon is judged against volatility with paired intervals, no answer
 * decreases with the horizon, and the report's README says it in words. A one-horizon version is refused.
 */
class TermStructureStudyTest {

    private static final List<Integer> HORIZONS = List.of(5, 20, 60);

    @Test
    void oneQuickFoldJudgesEveryHorizonAgainstVolatility() throws Exception {
        PooledConfig base = PooledConfig.defaults().withHorizons(HORIZONS);
        ModelConfig member = ModelConfig.small().anchoredOn(1).withHorizons(HORIZONS, 20);
        List<Market> markets = Markets.embedded();
        LeaveOneMarketOut.Settings quick = new LeaveOneMarketOut.Settings("quick", List.of(1), 1, 1, 40,
                List.of("spi"), false, List.of(1), 1, LeaveOneMarketOut.Settings.quick().candidates());
        TermStructureStudy.Result r = TermStructureStudy.run(base, member, TrainConfig.defaults(), markets, quick,
                line -> { });
        assertEquals(1, r.folds().size());
        TermStructureStudy.Fold f = r.folds().get(0);
        assertEquals("spi", f.market());
        Market spi = markets.stream().filter(m -> m.name().equals("spi")).findFirst().orElseThrow();
        OnsetTermStructure ts = OnsetTermStructure.of(spi.data(),
                (io.sysrisk.labels.LabelDefinition.Onset) base.label(), HORIZONS);
        int windows = f.volatility().length;
        assertTrue(windows > 1000, windows + " test windows");
        for (int h = 0; h < 3; h++) {
            TermStructureStudy.Horizon x = f.horizons().get(h);
            assertEquals(HORIZONS.get(h), x.days());
            assertEquals(windows, x.windows());
            assertEquals(java.util.Arrays.stream(f.labels()[h]).sum(), x.positives());
            assertNotNull(x.prVsVolatility(), "an interval at " + x.days() + " days");
            assertTrue(x.prVsVolatility().interval().low() <= x.prVsVolatility().estimate()
                    && x.prVsVolatility().estimate() <= x.prVsVolatility().interval().high());
        }
        // Longer horizons see more onsets: the labels are the term structure's, nested.
        assertTrue(f.horizons().get(0).positives() < f.horizons().get(1).positives()
                && f.horizons().get(1).positives() < f.horizons().get(2).positives());
        long positives60 = 0;
        for (int t = 0; t < spi.data().size(); t++) {
            int[] at = ts.at(t);
            if (at != null && !spi.data().dates().get(t).isBefore(LocalDate.parse(f.period().substring(0, 10)))) {
                positives60 += at[2];
            }
        }
        assertEquals(positives60, f.horizons().get(2).positives(), "every labelled window of the period is scored");
        // The calm stratum per horizon: its positives are windows before calm onsets, so no more than the horizon's.
        assertEquals(3, r.calm().size());
        for (int h = 0; h < 3; h++) {
            CalmStratum.Result c = r.calm().get(h);
            assertTrue(c.calmOnsets() > 0 && c.calmOnsets() <= c.onsets(), "calm onsets " + c.calmOnsets());
            assertTrue(c.positives() > 0 && c.positives() <= f.horizons().get(h).positives());
            assertEquals(windows - f.horizons().get(h).positives() + c.positives(), c.windows(),
                    "every window without an onset within the horizon, and those before calm onsets");
            assertEquals(TermStructureStudy.CALM_SCORES, c.ranking().stream().map(CalmStratum.Ranking::name).toList());
        }
        assertTrue(r.calm().get(0).positives() < r.calm().get(2).positives());
        assertEquals(windows, r.answers());
        assertEquals(0, r.decreasing());
        String md = io.sysrisk.report.TermStructureReportWriter.markdown("test",
                base.label().describe(), r, "the test");
        assertTrue(md.contains("Within 5 days the model") && md.contains("Within 60 days the model")
                && md.contains("## Onsets out of calm")
                && md.contains("0 of " + String.format(java.util.Locale.ROOT, "%,d", windows)), md);
    }

    @Test
    void aOneHorizonVersionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TermStructureStudy.run(PooledConfig.defaults(),
                ModelConfig.small(), TrainConfig.defaults(), Markets.embedded(), LeaveOneMarketOut.Settings.quick(),
                line -> { }));
    }
}
