package io.sysrisk.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.sysrisk.inference.WindowScore;
import io.sysrisk.inference.WindowScorer;

/**
 * Attribution by planted models whose Shapley values are known: shares add up to the probability minus the
 * baseline's, a group the model does not read gets nothing, an additive model gives each group its own effect, and
 * an interaction is split evenly between the two groups that make it.
 */
class AttributionTest {

    private static final int WINDOW = 3;
    private static final int F = 4;

    /** A model of the window's channel sums: probability = h(sum of channel 0, sum of channel 1, ...). */
    private static WindowScorer model(java.util.function.ToDoubleFunction<double[]> h) {
        return batch -> {
            List<WindowScore> out = new ArrayList<>();
            float[] x = batch.data();
            for (int b = 0; b < batch.count(); b++) {
                double[] sums = new double[F];
                for (int t = 0; t < WINDOW; t++) {
                    for (int c = 0; c < F; c++) {
                        sums[c] += x[b * WINDOW * F + t * F + c];
                    }
                }
                double p = h.applyAsDouble(sums);
                out.add(new WindowScore(Double.NaN, p, new float[WINDOW]));
            }
            return out;
        };
    }

    private static float[] window(long seed) {
        Random r = new Random(seed);
        float[] x = new float[WINDOW * F];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    private static final List<String> CHANNELS = List.of("a", "b", "c", "d");
    private static final List<Attribution.Group> GROUPS = List.of(new Attribution.Group("ab", "a and b",
            List.of(0, 1)), new Attribution.Group("c", "c", List.of(2)), new Attribution.Group("d", "d", List.of(3)));

    @Test
    void sharesAddUpAndAnUnreadGroupGetsNothing() {
        float[] x = window(1);
        Attribution a = Attribution.of(x, WINDOW, F, GROUPS, CHANNELS,
                model(s -> 1 / (1 + Math.exp(-(0.7 * s[0] - 0.4 * s[1] + 1.3 * s[2] * s[0] + 0.2)))));
        double sum = a.shares().stream().mapToDouble(Attribution.Share::contribution).sum();
        assertEquals(a.probability() - a.baselineProbability(), sum, 1e-12);
        assertEquals(1 / (1 + Math.exp(-0.2)), a.baselineProbability(), 1e-12);
        assertEquals(0.0, a.shares().get(2).contribution(), 0.0, "d is not read");
        assertEquals(List.of("a", "b"), a.shares().get(0).channels());
    }

    @Test
    void anAdditiveModelGivesEachGroupItsOwnEffectAndAnInteractionIsSplitEvenly() {
        float[] x = window(2);
        double[] s = new double[F];
        for (int t = 0; t < WINDOW; t++) {
            for (int c = 0; c < F; c++) {
                s[c] += x[t * F + c];
            }
        }
        Attribution additive = Attribution.of(x, WINDOW, F, GROUPS, CHANNELS, model(v -> 0.1 * v[0] + 0.2 * v[1]
                + 0.3 * v[2] - 0.05 * v[3]));
        assertEquals(0.1 * s[0] + 0.2 * s[1], additive.shares().get(0).contribution(), 1e-9);
        assertEquals(0.3 * s[2], additive.shares().get(1).contribution(), 1e-9);
        assertEquals(-0.05 * s[3], additive.shares().get(2).contribution(), 1e-9);
        Attribution product = Attribution.of(x, WINDOW, F, GROUPS, CHANNELS, model(v -> v[2] * v[3]));
        assertEquals(s[2] * s[3] / 2, product.shares().get(1).contribution(), 1e-9);
        assertEquals(s[2] * s[3] / 2, product.shares().get(2).contribution(), 1e-9);
        assertEquals(0.0, product.shares().get(0).contribution(), 0.0);
    }

    @Test
    void groupsMustCoverEveryChannelOnce() {
        float[] x = window(3);
        WindowScorer m = model(v -> 0.5);
        assertThrows(IllegalArgumentException.class, () -> Attribution.of(x, WINDOW, F, GROUPS.subList(0, 2),
                CHANNELS, m));
        assertThrows(IllegalArgumentException.class, () -> Attribution.of(x, WINDOW, F, List.of(GROUPS.get(0),
                new Attribution.Group("bc", "b, c", List.of(1, 2)), GROUPS.get(2)), CHANNELS, m));
    }

    @Test
    void aSystemicModelsGroupsAreTheMarketAndEachKindOfSystemicInput() {
        List<Attribution.Group> g = Attribution.groups(List.of("ret_1d", "vol_20d"), List.of("vix_log",
                "term_spread", "vix_premium", "turbulence"));
        assertEquals(List.of("market", "volatility_index", "rates", "cross_market"), g.stream()
                .map(Attribution.Group::id).toList());
        assertEquals(List.of(2, 4), g.get(1).channels());
        assertEquals(List.of("ret_1d", "vol_20d"), Attribution.groups(List.of("ret_1d", "vol_20d"), List.of())
                .stream().map(Attribution.Group::id).toList());
    }
}
