package io.sysrisk.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The forward pass's own exponential, sigmoid and tanh against the JDK's. */
class JavaNetTest {

    @Test
    void expMatchesMathExpToARelativeErrorUnder1e13() {
        Random r = new Random(7);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double x = i < 1000 ? -i / 100.0 : -750 * Math.pow(r.nextDouble(), 3);
            double expected = Math.exp(x);
            double actual = Activations.expNonPositive(x);
            if (x >= -708) {
                worst = Math.max(worst, Math.abs(actual - expected) / expected);
            } else {
                assertTrue(actual == 0 && expected < 1e-307, x + " -> " + actual);
            }
        }
        assertTrue(worst < 1e-13, "worst relative error " + worst);
        assertEquals(1.0, Activations.expNonPositive(0), 0);
        assertEquals(0.0, Activations.expNonPositive(Double.NEGATIVE_INFINITY), 0);
        assertTrue(Double.isNaN(Activations.expNonPositive(Double.NaN)), "a NaN must not turn into a number");
        assertTrue(Double.isNaN(Activations.sigmoid(Double.NaN)));
    }

    @Test
    void sigmoidAndTanhMatchTheJdk() {
        for (double z = -40; z <= 40; z += 0.0137) {
            assertEquals(1 / (1 + Math.exp(-z)), Activations.sigmoid(z), 1e-13, "sigmoid " + z);
            assertEquals(Math.tanh(z), Activations.tanh(z), 1e-13, "tanh " + z);
        }
    }
}
