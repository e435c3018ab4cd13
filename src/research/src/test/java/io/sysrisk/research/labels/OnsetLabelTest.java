package io.sysrisk.research.labels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.sysrisk.TestMarkets;
import io.sysrisk.data.MarketData;
import io.sysrisk.features.FeaturePipeline;
import io.sysrisk.features.FeatureSet;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.windows.ChronologicalSplit;
import io.sysrisk.windows.SplitIndices;

/** Onset labels on a series with one planted crash: who is warned, who is masked, where the onset is. */
class OnsetLabelTest {

    private static final int H = 20;

    /** Flat at 100 (a slow drift up), a 12% fall over days 200..203, then flat again. */
    private static double[] crash() {
        double[] p = new double[400];
        for (int t = 0; t < p.length; t++) {
            p[t] = 100 * Math.exp(1e-4 * t);
            if (t >= 200) {
                p[t] *= Math.exp(-0.03 * Math.min(4, t - 199));
            }
        }
        return p;
    }

    @Test
    void labelsTheDaysBeforeAnOnsetAndMasksTheDaysInsideTheFall() {
        MarketData d = TestMarkets.index(crash());
        LabelDefinition.Onset onset = new LabelDefinition.Onset(H, 0.07);
        int[] fall = Labeler.fallStarts(io.sysrisk.data.PriceLevels.marketLevel(d), H, 0.07);
        // A fall of more than 7% within 20 days starts on every day from which the 12% crash is still ahead.
        int first = 0;
        while (fall[first] != 1) {
            first++;
        }
        int last = first;
        while (fall[last + 1] == 1) {
            last++;
        }
        assertEquals(200, last, "from day 200 the fall still has 9% to go; from day 201, 6%");
        assertArrayEquals(new int[] {first}, Labeler.onsets(d, onset), "one event, one onset");

        int[] y = Labeler.label(d, onset);
        for (int t = 0; t < first - H; t++) {
            assertEquals(0, y[t], "calm day " + t);
        }
        for (int t = first - H; t < first; t++) {
            assertEquals(1, y[t], "a fall starts within 20 days of day " + t);
        }
        for (int t = first; t <= last + H; t++) {
            assertEquals(Labeler.MASKED, y[t], "day " + t + " is inside the event");
        }
        assertEquals(0, y[last + H + 1], "after the event, calm again");
        for (int t = d.size() - 2 * H; t < d.size(); t++) {
            assertEquals(Labeler.UNKNOWN, y[t], "the label reads 2 x horizon ahead");
        }
    }

    @Test
    void aSecondFallSoonAfterIsPartOfTheSameEvent() {
        double[] p = crash();
        for (int t = 215; t < p.length; t++) {
            p[t] *= Math.exp(-0.03 * Math.min(4, t - 214)); // another leg down 15 days later
        }
        int[] onsets = Labeler.onsets(TestMarkets.index(p), new LabelDefinition.Onset(H, 0.07));
        assertEquals(1, onsets.length, Arrays.toString(onsets));
    }

    @Test
    void theEmbargoMustCoverTheLookAheadOfLabelAndMask() {
        MarketData d = TestMarkets.index(crash());
        LabelDefinition.Onset onset = new LabelDefinition.Onset(H, 0.07);
        assertEquals(2 * H, onset.lookahead());
        var matrix = FeaturePipeline.compute(d, FeatureSet.ofIds(java.util.List.of("ret_1d")));
        int[] y = Labeler.label(d, onset);
        ChronologicalSplit tooShort = new ChronologicalSplit(d.dates().get(150), d.dates().get(280), null, H);
        assertThrows(IllegalArgumentException.class, () -> SplitIndices.of(matrix, y, 10, onset.lookahead(), tooShort));
    }
}
