package io.sysrisk.research.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LogisticFitTest {

    /** A planted logistic law is recovered, and the fit's mean probability is the data's rate (a likelihood fit's). */
    @Test
    void recoversAPlantedLawAndItsRate() {
        Random rnd = new Random(5);
        int n = 40_000;
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rnd.nextGaussian();
            x[i][1] = 3 + 2 * rnd.nextGaussian(); // another scale: the fit standardizes
            double logit = -2 + 1.0 * x[i][0] - 0.25 * (x[i][1] - 3);
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        LogisticFit fit = LogisticFit.fit(x, y);
        double[] b = fit.coefficients();
        // Standardized: input 0 has sd 1, input 1 sd 2, so its coefficient is -0.25 x 2.
        assertEquals(1.0, b[1], 0.05);
        assertEquals(-0.5, b[2], 0.05);
        double mean = Arrays.stream(x).mapToDouble(fit::probability).average().orElseThrow();
        assertEquals(Arrays.stream(y).average().orElseThrow(), mean, 1e-6, "a likelihood fit reproduces the rate");
        assertEquals(1 / (1 + Math.exp(2)), fit.probability(new double[] {0, 3}), 0.01);
    }

    @Test
    void collinearInputsStillFit() {
        int n = 1000;
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = i / (double) n;
            x[i][1] = 2 * x[i][0]; // the same input twice
            y[i] = i % 3 == 0 || i > 800 ? 1 : 0;
        }
        LogisticFit fit = LogisticFit.fit(x, y);
        assertTrue(fit.probability(x[n - 1]) > fit.probability(x[0]));
        assertTrue(Double.isFinite(fit.coefficients()[1]));
    }

    @Test
    void oneOutcomeOnlyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LogisticFit.fit(new double[][] {{1}, {2}}, new int[] {0, 0}));
    }
}
