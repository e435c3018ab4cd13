package io.sysrisk.research.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The Hawkes intensity of large losses: on returns simulated from a self-exciting process with a planted decay and
 * branching share, the fit finds them; on losses that arrive independently it finds (almost) no excitation; the
 * intensity of a day reads that day and earlier only.
 */
class HawkesIntensityTest {

    /** Log returns whose large losses (-0.05) follow a discrete Hawkes process; other days small. */
    private static double[] simulate(int days, double mu, double eta, double beta, long seed) {
        Random r = new Random(seed);
        double[] ret = new double[days];
        double e = 0;
        double decay = Math.exp(-beta);
        int previous = 0;
        for (int t = 0; t < days; t++) {
            if (t > 0) {
                e = decay * e + previous;
            }
            double lambda = mu + eta * beta * e;
            int n = r.nextDouble() < 1 - Math.exp(-lambda) ? 1 : 0;
            ret[t] = n == 1 ? -0.05 : 0.004 * r.nextGaussian();
            previous = n;
        }
        return ret;
    }

    @Test
    void findsAPlantedSelfExcitationAndNoneWhereThereIsNone() {
        double[] clustered = simulate(40_000, 0.004, 0.6, 0.1, 3);
        HawkesIntensity h = HawkesIntensity.fit(List.of(clustered));
        assertEquals(0.6, h.eta(), 0.15, h.toString());
        assertEquals(0.1, h.beta(), 0.05, h.toString());

        double[] independent = simulate(40_000, 0.01, 0.0, 0.1, 4);
        HawkesIntensity none = HawkesIntensity.fit(List.of(independent));
        assertTrue(none.eta() < 0.1, none.toString());
    }

    @Test
    void aDaysIntensityReadsNothingLater() {
        double[] ret = simulate(3000, 0.004, 0.6, 0.1, 5);
        HawkesIntensity h = HawkesIntensity.fit(List.of(ret));
        double[] all = h.intensity(ret);
        double[] changed = ret.clone();
        for (int t = 2000; t < changed.length; t++) {
            changed[t] = -0.2;
        }
        double[] later = h.intensity(changed);
        for (int t = 0; t < 2000; t++) {
            assertEquals(all[t], later[t], 0.0, "day " + t);
        }
        assertTrue(later[2500] > all[2500], "a run of losses excites");
    }
}
