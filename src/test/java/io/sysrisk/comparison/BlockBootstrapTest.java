package io.sysrisk.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class BlockBootstrapTest {

    @Test
    void perfectScoresGiveDegenerateIntervals() {
        int n = 400;
        double[] p = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = (i / 40) % 3 == 0 ? 1 : 0; // clustered events, as in markets
            p[i] = y[i];
        }
        BlockBootstrap.Intervals ci = BlockBootstrap.of(p, p, y, 0.5, 20, 200, 1);
        assertEquals(1.0, ci.f1().low(), 0.0);
        assertEquals(1.0, ci.rocAuc().high(), 0.0);
        assertEquals(0.0, ci.brier().high(), 0.0);
    }

    @Test
    void intervalsCoverThePointEstimateAndAreReproducible() {
        Random rnd = new Random(3);
        int n = 1000;
        double[] p = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = (i / 50) % 5 == 0 ? 1 : 0;
            p[i] = Math.min(1, Math.max(0, 0.3 * y[i] + 0.35 + 0.25 * rnd.nextGaussian()));
        }
        BlockBootstrap.Intervals a = BlockBootstrap.of(p, p, y, 0.5, 20, 500, 7);
        BlockBootstrap.Intervals b = BlockBootstrap.of(p, p, y, 0.5, 20, 500, 7);
        assertEquals(a, b);
        double auc = io.sysrisk.evaluation.Metrics.rocAuc(p, y);
        assertTrue(a.rocAuc().low() < auc && auc < a.rocAuc().high(), a.rocAuc() + " vs " + auc);
        assertTrue(a.rocAuc().high() - a.rocAuc().low() > 0.01, "a real spread");
        // Longer blocks keep more of the clustering: the interval is not narrower than with single-day blocks.
        BlockBootstrap.Intervals iid = BlockBootstrap.of(p, p, y, 0.5, 1, 500, 7);
        assertTrue(a.prAuc().high() - a.prAuc().low() >= 0.8 * (iid.prAuc().high() - iid.prAuc().low()));
    }
}
