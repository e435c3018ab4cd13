package io.sysrisk.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sysrisk.data.Market;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.research.data.Markets;
import io.sysrisk.research.evidence.CalmFigures;
import io.sysrisk.research.evidence.CalmRanking;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.labels.OnsetTermStructure;
import io.sysrisk.research.evidence.TermStructureEvidence;

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
                List.of("spi"), false, List.of(1), 1, LeaveOneMarketOut.Settings.quick().candidates(), List.of());
        TermStructureEvidence.Result r = TermStructureStudy.run(base, member, TrainConfig.defaults(), markets, quick,
                line -> { });
        assertEquals(1, r.folds().size());
        TermStructureEvidence.Fold f = r.folds().get(0);
        assertEquals("spi", f.market());
        Market spi = markets.stream().filter(m -> m.name().equals("spi")).findFirst().orElseThrow();
        OnsetTermStructure ts = OnsetTermStructure.of(spi.data(),
                (io.sysrisk.labels.LabelDefinition.Onset) base.label(), HORIZONS);
        int windows = f.volatility().length;
        assertTrue(windows > 1000, windows + " test windows");
        for (int h = 0; h < 3; h++) {
            TermStructureEvidence.Horizon x = f.horizons().get(h);
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
            CalmFigures c = r.calm().get(h);
            assertTrue(c.calmOnsets() > 0 && c.calmOnsets() <= c.onsets(), "calm onsets " + c.calmOnsets());
            assertTrue(c.positives() > 0 && c.positives() <= f.horizons().get(h).positives());
            assertEquals(windows - f.horizons().get(h).positives() + c.positives(), c.windows(),
                    "every window without an onset within the horizon, and those before calm onsets");
            assertEquals(TermStructureStudy.CALM_SCORES, c.ranking().stream().map(CalmRanking::name).toList());
        }
        assertTrue(r.calm().get(0).positives() < r.calm().get(2).positives());
        assertEquals(windows, r.answers());
        assertEquals(0, r.decreasing());
        // An alarm table per horizon: the horizon's own warning period (its signal days are its positives), the
        // model alarm first, then volatility's, the reference rule and the nulls shaped after the model's alarm.
        assertEquals(3, f.alarms().size());
        for (int h = 0; h < 3; h++) {
            TermStructureEvidence.AlarmTable t = f.alarms().get(h);
            assertEquals(HORIZONS.get(h), t.days());
            assertEquals(TermStructureStudy.ALARM_ROWS, t.rows().stream().map(Evidence.EventRow::name)
                    .toList());
            for (Evidence.EventRow row : t.rows()) {
                assertEquals(windows, row.events().scoredDays());
                assertEquals(f.horizons().get(h).positives(), row.events().signalDays(), row.name());
            }
            io.sysrisk.research.evaluation.EventMetrics model = t.rows().get(0).events();
            io.sysrisk.research.evaluation.EventMetrics runs = t.rows().get(4).events();
            assertEquals(model.alarmDays(), runs.alarmDays(), "the evenly spaced runs keep the model's alarm days");
            assertEquals(model.alarmEpisodes(), runs.alarmEpisodes());
            assertEquals(0.0, t.rows().get(3).events().skill(), 1e-12, "always on has no skill");
            assertTrue(t.shifts().shifts() > 0);
            assertEquals(r.pooledAlarms().get(h).rows().get(0).events().signalDays(), model.signalDays(),
                    "one fold pooled is that fold");
        }
        String md = io.sysrisk.report.TermStructureReportWriter.markdown("test",
                base.label().describe(), r, "the test");
        assertTrue(md.contains("Within 5 days the model") && md.contains("Within 60 days the model")
                && md.contains("## Onsets out of calm")
                && md.contains("0 of " + String.format(java.util.Locale.ROOT, "%,d", windows)), md);
        assertTrue(md.contains("## Alarms, per horizon") && md.contains("**Within 60 days**")
                && md.contains("Within 5 days the alarm is ")
                && md.contains("**No uninformative alarm reaches its skill: "), md);
    }

    /**
     * Planted: a score that is high exactly on the 5 days before each onset is, as a 5-day alarm, adopted on the
     * calibration days and beats every uninformative alarm, its circular shifts included; the same score read as a
     * 60-day alarm warns every onset too but misses most signal days, so its skill falls; and a score that ignores
     * the future (a calendar pattern) is not adopted.
     */
    @Test
    void aPlantedFiveDayWarningBeatsTheNullsAtFiveDaysOnly() {
        int n = 3000;
        int[] rows = java.util.stream.IntStream.range(0, n).toArray();
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        // Irregular gaps: a periodic sequence would line up again under some shift.
        int[] onsets = java.util.stream.IntStream.iterate(150, e -> e < n, e -> e + 150 + random.nextInt(300))
                .toArray();
        double[] score = new double[n];
        double[] vol = new double[n];
        double[] pattern = new double[n];
        for (int i = 0; i < n; i++) {
            vol[i] = random.nextDouble();
            pattern[i] = i % 97 < 5 ? 1 : 0;
            score[i] = 0.1 * random.nextDouble();
        }
        for (int e : onsets) {
            for (int k = e - 5; k < e; k++) {
                score[k] = 0.9;
            }
        }
        int[] calm = onsets.clone();
        TermStructureEvidence.AlarmTable five = table(5, rows, onsets, calm, score, vol);
        Evidence.EventRow model = five.rows().get(0);
        assertEquals("adopted", model.rule());
        assertEquals(1, five.adopted());
        assertEquals("the horizon's probability", five.alarmedBy());
        assertEquals(onsets.length, model.events().warned());
        assertEquals(1.0, model.events().skill(), 1e-12);
        assertTrue(five.verdict().beatsNulls(), "the planted 5-day warning beats the nulls: " + five.verdict());
        assertTrue(five.verdict().skillInterval().low() > 0);
        assertTrue(five.shifts().skill()[2] < 0.2, "shifted, the warning loses its timing: "
                + java.util.Arrays.toString(five.shifts().skill()));
        TermStructureEvidence.AlarmTable sixty = table(60, rows, onsets, calm, score, vol);
        assertEquals(onsets.length, sixty.rows().get(0).events().warned());
        assertTrue(sixty.rows().get(0).events().skill() < 0.2, "5 of 60 signal days: " + sixty.rows().get(0));
        TermStructureEvidence.AlarmTable blind = table(5, rows, onsets, calm, pattern, vol);
        assertTrue(!blind.rows().get(0).rule().equals("adopted") || !blind.verdict().beatsNulls(),
                "a calendar pattern: " + blind.rows().get(0).rule() + ", " + blind.verdict());
    }

    /** An alarm table whose calibration days are its test days (the planted answer holds on both). */
    private static TermStructureEvidence.AlarmTable table(int days, int[] rows, int[] onsets, int[] calm, double[] score,
                                                       double[] vol) {
        io.sysrisk.research.evaluation.EventMetrics.Warning w = io.sysrisk.research.evaluation.EventMetrics.Warning.within(days);
        io.sysrisk.training.CalibrationDays cal = new io.sysrisk.training.CalibrationDays(
                io.sysrisk.research.evaluation.EventMetrics.signals(rows, onsets, w), new int[] {rows.length}, vol);
        return TermStructureStudy.alarmTable(days, w, rows, onsets, calm, score, score, vol, cal, 0.9, 200);
    }

    @Test
    void aOneHorizonVersionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TermStructureStudy.run(PooledConfig.defaults(),
                ModelConfig.small(), TrainConfig.defaults(), Markets.embedded(), LeaveOneMarketOut.Settings.quick(),
                line -> { }));
    }
}
