package io.sysrisk.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The hazard term structure: non-decreasing for any logits, equal to the product formula, a sigmoid for one
 * horizon; its likelihood is the probability of the observed interval; labels that are not nested are refused.
 */
class HazardCurveTest {

    @Test
    void theCurveIsNonDecreasingForAnyLogitsAndIsTheProductFormula() {
        Random rnd = new Random(1);
        for (int r = 0; r < 10_000; r++) {
            double[] g = new double[3];
            for (int k = 0; k < 3; k++) {
                g[k] = r % 10 == 0 ? 80 * (rnd.nextDouble() - 0.5) : 4 * rnd.nextGaussian();
            }
            double[] c = HazardCurve.cumulative(g);
            double survival = 1;
            for (int k = 0; k < 3; k++) {
                survival *= 1 - 1 / (1 + Math.exp(-g[k]));
                assertEquals(1 - survival, c[k], 1e-12);
                assertTrue(c[k] >= 0 && c[k] <= 1);
                assertTrue(k == 0 || c[k] >= c[k - 1], java.util.Arrays.toString(c));
            }
        }
        assertEquals(1 / (1 + Math.exp(-0.7)), HazardCurve.cumulative(new double[] {0.7})[0], 1e-15);
    }

    @Test
    void theLikelihoodIsTheProbabilityOfTheObservedInterval() {
        double[] g = {-2.0, -0.5, 0.3};
        double[] c = HazardCurve.cumulative(g);
        double[] interval = {c[0], c[1] - c[0], c[2] - c[1], 1 - c[2]};
        int[][] labels = {{1, 1, 1}, {0, 1, 1}, {0, 0, 1}, {0, 0, 0}};
        for (int e = 0; e < 4; e++) {
            assertEquals(e, HazardCurve.firstInterval(labels[e]));
            assertEquals(-Math.log(interval[e]), HazardCurve.negativeLogLikelihood(g, labels[e]), 1e-12);
        }
        float[] target = new float[3];
        float[] mask = new float[3];
        HazardCurve.riskSet(1, 3, target, mask);
        assertArrayEquals(new float[] {0, 1, 0}, target);
        assertArrayEquals(new float[] {1, 1, 0}, mask, "after the first onset nothing is at risk");
        HazardCurve.riskSet(3, 3, target, mask);
        assertArrayEquals(new float[] {0, 0, 0}, target);
        assertArrayEquals(new float[] {1, 1, 1}, mask);
    }

    @Test
    void labelsThatAreNotNestedOrNotBinaryAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> HazardCurve.firstInterval(new int[] {1, 0, 1}));
        assertThrows(IllegalArgumentException.class, () -> HazardCurve.firstInterval(new int[] {0, -2, 1}));
        assertThrows(IllegalArgumentException.class, () -> HazardCurve.riskSet(4, 3, new float[3], new float[3]));
    }

    /** A term-structure network's config: ascending horizons, one of them served. */
    @Test
    void aTermStructureConfigIsChecked() {
        ModelConfig cfg = ModelConfig.small().withHorizons(java.util.List.of(5, 20, 60), 20);
        assertEquals(3, cfg.outputs());
        assertEquals(1, cfg.servedIndex());
        assertEquals(1, ModelConfig.small().outputs());
        assertEquals(cfg, cfg.anchoredOn(1).anchoredOn(null), "anchoring keeps the horizons");
        assertEquals(cfg.horizons(), cfg.withoutAttention().horizons(), "so does the ablation");
        assertThrows(IllegalArgumentException.class,
                () -> ModelConfig.small().withHorizons(java.util.List.of(20, 5), 20));
        assertThrows(IllegalArgumentException.class,
                () -> ModelConfig.small().withHorizons(java.util.List.of(5, 60), 20), "the served one is a horizon");
        assertThrows(IllegalArgumentException.class, () -> ModelConfig.small().withHorizons(null, 20));
    }
}
