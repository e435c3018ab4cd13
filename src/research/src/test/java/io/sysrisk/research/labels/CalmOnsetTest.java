package io.sysrisk.research.labels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.sysrisk.TestMarkets;
import io.sysrisk.data.MarketData;
import io.sysrisk.labels.LabelDefinition;

/** Onsets out of calm: a fall with no other fall started in the 120 days before it. */
class CalmOnsetTest {

    /** A slow drift up with 12% falls over four days starting after days 300, 380 (80 days on) and 700. */
    private static double[] threeFalls() {
        double[] p = new double[1000];
        double level = 100;
        for (int t = 0; t < p.length; t++) {
            boolean falling = t > 300 && t <= 304 || t > 380 && t <= 384 || t > 700 && t <= 704;
            level *= Math.exp(falling ? -0.03 : 1e-4);
            p[t] = level;
        }
        return p;
    }

    @Test
    void aFallSoonAfterAnotherIsNotOutOfCalm() {
        MarketData d = TestMarkets.index(threeFalls());
        LabelDefinition.Onset onset = new LabelDefinition.Onset(20, 0.07);
        int[] onsets = Labeler.onsets(d, onset);
        assertEquals(3, onsets.length, java.util.Arrays.toString(onsets));
        assertArrayEquals(new boolean[] {true, false, true},
                Labeler.outOfCalm(d, onset, onsets, Labeler.CALM_DAYS));
        // Looking back only 60 days, the second fall (80 days after the first) is out of calm too.
        assertArrayEquals(new boolean[] {true, true, true}, Labeler.outOfCalm(d, onset, onsets, 60));
        // An onset with less history than the look-back cannot be called calm (the first, about day 283, with 290).
        assertArrayEquals(new boolean[] {false, false, true}, Labeler.outOfCalm(d, onset, onsets, 290));
    }
}
