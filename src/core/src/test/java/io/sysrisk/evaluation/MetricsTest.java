package io.sysrisk.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void confusionAndThresholdMetrics() {
        double[] p = {0.9, 0.8, 0.3, 0.6, 0.1, 0.7};
        int[] y = {1, 0, 1, 1, 0, 0};
        Metrics m = Metrics.of(p, y, 0.5);
        assertEquals(2, m.tp());
        assertEquals(2, m.fp());
        assertEquals(1, m.tn());
        assertEquals(1, m.fn());
        assertEquals(0.5, m.precision(), 1e-12);
        assertEquals(2.0 / 3, m.recall(), 1e-12);
        assertEquals(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), m.f1(), 1e-12);
        assertEquals(0.5, m.accuracy(), 1e-12);
        double brier = (0.01 + 0.64 + 0.49 + 0.16 + 0.01 + 0.49) / 6;
        assertEquals(brier, m.brier(), 1e-12);
    }

    /** No alert: precision undefined; no event: recall undefined. Not 0, which would bias bootstrap intervals. */
    @Test
    void undefinedPrecisionAndRecallAreNaN() {
        int[] y = {1, 0, 1, 0};
        Metrics silent = Metrics.of(new double[] {0.1, 0.2, 0.1, 0.2}, y, 0.5);
        assertEquals(Double.NaN, silent.precision());
        assertEquals(0.0, silent.recall());
        assertEquals(0.0, silent.f1(), "events and no alert: nothing found");
        Metrics calm = Metrics.of(new double[] {0.9, 0.2, 0.1, 0.2}, new int[] {0, 0, 0, 0}, 0.5);
        assertEquals(Double.NaN, calm.recall());
        assertEquals(0.0, calm.precision());
        assertEquals(Double.NaN, calm.f1());
    }

    @Test
    void rocAucCountsOrderedPairs() {
        // Positives 0.9, 0.3, 0.6; negatives 0.8, 0.1, 0.7: pairs won 2 + 1 + 2... counted by hand: 5 of 9.
        double[] p = {0.9, 0.8, 0.3, 0.6, 0.1, 0.7};
        int[] y = {1, 0, 1, 1, 0, 0};
        assertEquals(5.0 / 9, Metrics.rocAuc(p, y), 1e-12);
        assertEquals(0.5, Metrics.rocAuc(new double[] {1, 1, 1, 1}, new int[] {1, 0, 0, 1}), 1e-12);
    }

    @Test
    void averagePrecisionByHand() {
        // Ranked: 0.9(+) 0.8(-) 0.7(-) 0.6(+) 0.3(+) 0.1(-): precisions at positives 1, 2/4, 3/5.
        double[] p = {0.9, 0.8, 0.3, 0.6, 0.1, 0.7};
        int[] y = {1, 0, 1, 1, 0, 0};
        assertEquals((1 + 0.5 + 0.6) / 3, Metrics.averagePrecision(p, y), 1e-12);
        // All tied: precision is the base rate.
        assertEquals(0.25, Metrics.averagePrecision(new double[4], new int[] {0, 1, 0, 0}), 1e-12);
    }

    @Test
    void bestF1ThresholdPicksTheBestCut() {
        double[] p = {0.9, 0.8, 0.3, 0.6, 0.1, 0.7};
        int[] y = {1, 0, 1, 1, 0, 0};
        double t = Metrics.bestF1Threshold(p, y);
        // Cuts: 0.9 -> F1 0.5; 0.6 -> 2*2/(4+3)=0.571; 0.3 -> 2*3/(5+3)=0.75; 0.1 -> 2*3/(6+3)=0.667.
        assertEquals(0.3, t, 1e-12);
        assertEquals(0.75, Metrics.of(p, y, t).f1(), 1e-12);
    }

    /**
     * The primitive merge sort gives the permutation a stable sort of boxed indices by Double.compare gives, on
     * scores with many ties, both zeros and NaN: every ranking figure of a report is computed in the same order.
     */
    @Test
    void theOrderIsTheStableSortOfBoxedIndices() {
        java.util.Random rnd = new java.util.Random(7);
        for (int n : new int[] {0, 1, 2, 3, 17, 64, 1000, 4097}) {
            double[] score = new double[n];
            for (int i = 0; i < n; i++) {
                int r = rnd.nextInt(12);
                score[i] = r == 0 ? Double.NaN : r == 1 ? -0.0 : r == 2 ? 0.0 : rnd.nextInt(20) / 7.0;
            }
            Integer[] boxed = new Integer[n];
            java.util.Arrays.setAll(boxed, i -> i);
            java.util.Arrays.sort(boxed, java.util.Comparator.comparingDouble(i -> score[i]));
            org.junit.jupiter.api.Assertions.assertArrayEquals(java.util.Arrays.stream(boxed).mapToInt(Integer::intValue)
                    .toArray(), Metrics.order(score), "n = " + n);
        }
    }
}
