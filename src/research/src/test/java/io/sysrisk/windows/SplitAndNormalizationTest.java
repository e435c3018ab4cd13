package io.sysrisk.windows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.sysrisk.TestMarkets;
import io.sysrisk.data.MarketData;
import io.sysrisk.features.FeatureMatrix;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.research.experiment.DataSpec;
import io.sysrisk.research.experiment.DefaultExperiments;
import io.sysrisk.research.experiment.ExperimentConfig;
import io.sysrisk.research.experiment.PreparedExperiment;

class SplitAndNormalizationTest {

    private static final int H = 10;

    private static ExperimentConfig config(int embargo) {
        // Test days are 2001-01-01 + k; the panel has 900 days.
        ChronologicalSplit split = new ChronologicalSplit(LocalDate.of(2002, 1, 1), LocalDate.of(2002, 6, 1), null,
                embargo);
        return new ExperimentConfig("t", DataSpec.of(io.sysrisk.research.data.EmbeddedDataset.SP500), null,
                new LabelDefinition.FutureDrawdown(H, 0.03), 30, split, NormalizationStats.DEFAULT_CLIP);
    }

    private static PreparedExperiment prepare(MarketData d, int embargo) {
        return PreparedExperiment.prepare(config(embargo), d);
    }

    @Test
    void partsAreChronologicalDisjointAndEmbargoed() {
        PreparedExperiment e = prepare(TestMarkets.randomPanel(5, 900, 1), H);
        SplitIndices s = e.split();
        SplitIndices.Range tr = s.get(Part.TRAIN);
        SplitIndices.Range va = s.get(Part.VALIDATION);
        SplitIndices.Range te = s.get(Part.TEST);
        assertTrue(tr.to() < va.from() && va.to() < te.from());
        // The last training label reads days up to tr.to() + H: all before validation's first scored day.
        assertTrue(tr.to() + H < va.from(), "train labels reach into validation");
        assertTrue(va.to() + H < te.from(), "validation labels reach into test");
        assertTrue(te.to() + H <= e.data().size() - 1, "test labels must be known");
        assertEquals(tr.from() - e.config().window() + 1, e.features().firstValid());
        assertEquals(LocalDate.of(2002, 1, 1), e.part(Part.VALIDATION).endDates().get(0));
        assertEquals(LocalDate.of(2002, 6, 1), e.part(Part.TEST).endDates().get(0));
    }

    @Test
    void embargoShorterThanTheHorizonIsRejected() {
        MarketData d = TestMarkets.randomPanel(5, 900, 1);
        String m = assertThrows(IllegalArgumentException.class, () -> prepare(d, H - 1)).getMessage();
        assertTrue(m.contains("shorter than the label look-ahead"), m);
    }

    @Test
    void normalizationIsFittedOnTrainingRowsOnly() {
        MarketData d = TestMarkets.randomPanel(5, 900, 2);
        PreparedExperiment e = prepare(d, H);
        SplitIndices.Range tr = e.split().get(Part.TRAIN);
        FeatureMatrix m = e.features();
        int f = 2;
        double mean = 0;
        int n = 0;
        for (int t = m.firstValid(); t <= tr.to(); t++) {
            mean += m.values()[t][f];
            n++;
        }
        assertEquals(mean / n, e.normalization().mean()[f], 1e-12);

        // Wild changes after the training part leave the statistics exactly as they were.
        double[][] s = new double[d.columns().size()][];
        for (int c = 0; c < s.length; c++) {
            s[c] = d.series()[c].clone();
            for (int t = tr.to() + 1; t < s[c].length; t++) {
                s[c][t] *= 1 + 0.3 * Math.sin(t * (c + 1));
            }
        }
        PreparedExperiment changed = prepare(new MarketData(d.source(), d.kind(), d.dates(), d.columns(), s, null,
                d.report()), H);
        assertArrayEquals(e.normalization().mean(), changed.normalization().mean(), 0.0);
        assertArrayEquals(e.normalization().std(), changed.normalization().std(), 0.0);
        assertTrue(!java.util.Arrays.equals(e.part(Part.TEST).data(), changed.part(Part.TEST).data()));
    }

    @Test
    void windowsHoldNormalizedFeaturesEndingOnTheirDay() {
        PreparedExperiment e = prepare(TestMarkets.randomPanel(5, 900, 3), H);
        WindowSet test = e.part(Part.TEST);
        int i = 7;
        int end = e.split().get(Part.TEST).from() + i;
        int w = e.config().window();
        int f = e.features().features().size();
        int last = (i * w + w - 1) * f;
        for (int j = 0; j < f; j++) {
            assertEquals(e.normalization().apply(j, e.features().values()[end][j]), test.data()[last + j], 0f);
        }
        assertEquals(e.labels()[end], test.labels()[i]);
        assertEquals(e.features().dates().get(end), test.endDates().get(i));
        float max = 0;
        for (float v : test.data()) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max <= NormalizationStats.DEFAULT_CLIP);
    }

    @Test
    void defaultExperimentHoldsThe2020CrashOutOfTrainingAndSelection() {
        PreparedExperiment e = PreparedExperiment.prepare(DefaultExperiments.DEFAULT.config());
        WindowSet test = e.part(Part.TEST);
        assertTrue(test.endDates().contains(LocalDate.of(2020, 2, 21)), "the test part covers the run-up to the crash");
        assertTrue(e.part(Part.VALIDATION).endDates().get(e.part(Part.VALIDATION).size() - 1)
                .isBefore(LocalDate.of(2015, 1, 1)));
        double rate = test.baseRate();
        assertTrue(rate > 0.05 && rate < 0.20, "test base rate " + rate);
        assertTrue(e.part(Part.TRAIN).baseRate() > 0.05 && e.part(Part.TRAIN).baseRate() < 0.20);
    }
}
