package io.sysrisk.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PlattScalingTest {

    @Test
    void recoversAPlantedCalibration() {
        Random rnd = new Random(4);
        int n = 40_000;
        double[] z = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            z[i] = 2 * rnd.nextGaussian();
            y[i] = rnd.nextDouble() < PlattScaling.sigmoid(0.5 * z[i] - 1.5) ? 1 : 0;
        }
        PlattScaling.Fit fit = PlattScaling.fit(z, y);
        assertEquals(0.5, fit.scale(), 0.05);
        assertEquals(-1.5, fit.shift(), 0.05);
    }

    @Test
    void neverReversesTheRanking() {
        Random rnd = new Random(8);
        int n = 20_000;
        double[] z = new double[n];
        int[] y = new int[n];
        int events = 0;
        for (int i = 0; i < n; i++) {
            z[i] = rnd.nextGaussian();
            y[i] = rnd.nextDouble() < PlattScaling.sigmoid(-z[i] - 2) ? 1 : 0; // higher score, fewer events
            events += y[i];
        }
        PlattScaling.Fit fit = PlattScaling.fit(z, y);
        assertEquals(1.0, fit.scale(), 0.0, "the scale is held at 1");
        double mean = 0;
        for (double v : z) {
            mean += PlattScaling.sigmoid(v + fit.shift()) / n;
        }
        assertEquals((double) events / n, mean, 1e-6, "the shift alone matches the event rate");
    }
}
