package io.sysrisk.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.sysrisk.TestMarkets;
import io.sysrisk.data.MarketData;

/**
 * The alarm families the function serves read a bounded, causal past: a day's value from its {@link
 * AlarmFamily#lookback()} earlier rows equals the whole history's (so a request carrying the model's required days
 * alerts exactly as the study measured), and no later day changes it.
 */
class AlarmFamilyTest {

    /** A random walk with a crash every 700 days: drawdowns of every depth. */
    private static double[] closes(int n, long seed) {
        Random r = new Random(seed);
        double[] c = new double[n];
        c[0] = 100;
        for (int t = 1; t < n; t++) {
            double ret = 0.0003 + 0.011 * r.nextGaussian() - (t % 700 > 650 ? 0.006 : 0);
            c[t] = c[t - 1] * Math.exp(ret);
        }
        return c;
    }

    @Test
    void aDayReadsOnlyItsLookbackAndNothingLater() {
        double[] close = closes(3000, 11);
        MarketData data = TestMarkets.index(close);
        for (AlarmFamily f : AlarmFamily.ofPrices()) {
            double[] all = f.daily(data);
            double[] changed = close.clone();
            for (int t = 2000; t < changed.length; t++) {
                changed[t] *= 0.5;
            }
            double[] later = f.daily(TestMarkets.index(changed));
            for (int t = f.lookback(); t < 3000; t += 7) {
                double[] part = f.daily(data.slice(t - f.lookback(), t + 1));
                assertEquals(all[t], part[part.length - 1], 1e-12, f + " on day " + t + " from its look-back only");
                if (t < 2000) {
                    assertEquals(all[t], later[t], 0.0, f + " on day " + t + " does not read later days");
                }
            }
        }
        assertThrows(UnsupportedOperationException.class, () -> AlarmFamily.MODEL.daily(data));
    }

    @Test
    void drawdownMemoryCountsDaysSinceASevenPercentFallAndForgetsAfterAYear() {
        double[] close = new double[800];
        java.util.Arrays.fill(close, 100);
        for (int t = 300; t < close.length; t++) {
            close[t] = 92;
        }
        double[] m = AlarmFamily.DRAWDOWN_MEMORY.daily(TestMarkets.index(close));
        // Days 300-318 close 8% below a 20-day high that still holds a close of 100; day 319's high is 92.
        assertEquals(Double.NEGATIVE_INFINITY, m[299]);
        assertEquals(0.0, m[300], 0.0);
        assertEquals(0.0, m[318], 0.0);
        assertEquals(-1.0, m[319], 0.0);
        assertEquals(-AlarmFamily.MEMORY_DAYS, m[318 + AlarmFamily.MEMORY_DAYS], 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, m[319 + AlarmFamily.MEMORY_DAYS], "older than a year: none");
        assertEquals(AlarmFamily.WORST_DRAWDOWN, AlarmFamily.byId("worst-drawdown"));
        assertThrows(IllegalArgumentException.class, () -> AlarmFamily.byId("coin"));
    }
}
