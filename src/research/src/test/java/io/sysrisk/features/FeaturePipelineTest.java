package io.sysrisk.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.sysrisk.TestMarkets;
import io.sysrisk.data.InputKind;
import io.sysrisk.data.MarketData;
import io.sysrisk.research.data.EmbeddedDataset;

/** Feature values against independent hand computations, and causality. */
class FeaturePipelineTest {

    private static final double EPS = 1e-9;

    private static double[] column(MarketData d, Feature f) {
        FeatureMatrix m = FeaturePipeline.compute(d, new FeatureSet(List.of(f)));
        double[] out = new double[m.size()];
        for (int t = 0; t < out.length; t++) {
            out[t] = m.values()[t][0];
        }
        return out;
    }

    private static double[] prices(int n, long seed) {
        Random r = new Random(seed);
        double[] p = new double[n];
        p[0] = 50;
        for (int t = 1; t < n; t++) {
            p[t] = p[t - 1] * (1 + 0.02 * r.nextGaussian());
        }
        return p;
    }

    @Test
    void returnVolatilityAndDrawdownOnAHandMadeSeries() {
        double[] p = prices(300, 1);
        MarketData d = TestMarkets.index(p);
        double[] ret = column(d, Feature.RET_1D);
        assertTrue(Double.isNaN(ret[0]));
        assertEquals(Math.log(p[7] / p[6]), ret[7], EPS);

        double[] vol = column(d, Feature.VOL_20D);
        assertTrue(Double.isNaN(vol[19]));
        // Two-pass sample variance of the 20 returns ending at t=25, written out independently.
        double sum = 0;
        for (int t = 6; t <= 25; t++) {
            sum += Math.log(p[t] / p[t - 1]);
        }
        double mean = sum / 20;
        double ss = 0;
        for (int t = 6; t <= 25; t++) {
            ss += Math.pow(Math.log(p[t] / p[t - 1]) - mean, 2);
        }
        assertEquals(Math.sqrt(ss / 19 * 252), vol[25], EPS);

        double[] dd = column(d, Feature.DRAWDOWN_250D);
        assertTrue(Double.isNaN(dd[248]));
        double peak = 0;
        for (int t = 299 - 249; t <= 299; t++) {
            peak = Math.max(peak, p[t]);
        }
        assertEquals(Math.log(p[299] / peak), dd[299], EPS);
        assertTrue(dd[299] <= 0);
    }

    @Test
    void drawdownIsZeroAtANewHighAndExactAfterAFall() {
        double[] p = new double[260];
        for (int t = 0; t < 255; t++) {
            p[t] = 100 + t;
        }
        for (int t = 255; t < 260; t++) {
            p[t] = 354 * 0.8;
        }
        double[] dd = column(TestMarkets.index(p), Feature.DRAWDOWN_250D);
        assertEquals(0.0, dd[254], EPS);
        assertEquals(Math.log(0.8), dd[259], EPS);
    }

    @Test
    void parkinsonAndVolumeSurprise() {
        MarketData d = TestMarkets.randomOhlcv(60, 3);
        double[] h = d.column("high");
        double[] l = d.column("low");
        double[] v = d.column("volume");
        double s = 0;
        for (int t = 21; t <= 40; t++) {
            s += Math.pow(Math.log(h[t] / l[t]), 2);
        }
        assertEquals(Math.sqrt(s / 20 / (4 * Math.log(2)) * 252), column(d, Feature.PARKINSON_20D)[40], EPS);
        double lv = 0;
        for (int t = 20; t < 40; t++) {
            lv += Math.log(v[t]);
        }
        assertEquals(Math.log(v[40]) - lv / 20, column(d, Feature.VOLUME_SURPRISE_20D)[40], EPS);
    }

    /**
     * Two members whose returns over the window are (x, x) and (x, -x) patterns give a covariance with known
     * eigenvalues; the absorption ratio of the top 1 of 2 eigenvectors is the largest eigenvalue's share.
     */
    @Test
    void absorptionRatioMatchesAKnownCovariance() {
        int n = 260;
        Random rnd = new Random(5);
        double[] a = new double[n];
        double[] b = new double[n];
        double[] ra = new double[n];
        double[] rb = new double[n];
        a[0] = 100;
        b[0] = 100;
        for (int t = 1; t < n; t++) {
            double f = rnd.nextGaussian() * 0.02;
            double e = rnd.nextGaussian() * 0.01;
            ra[t] = f + e;
            rb[t] = f - e;
            a[t] = a[t - 1] * Math.exp(ra[t]);
            b[t] = b[t - 1] * Math.exp(rb[t]);
        }
        MarketData d = TestMarkets.panel(new double[][] {a, b});
        int t = n - 1;
        // Sample covariance [[va, c], [c, vb]] of the 250 returns ending at t; eigenvalues in closed form.
        double ma = 0;
        double mb = 0;
        for (int k = t - 249; k <= t; k++) {
            ma += ra[k] / 250;
            mb += rb[k] / 250;
        }
        double va = 0;
        double vb = 0;
        double c = 0;
        for (int k = t - 249; k <= t; k++) {
            va += (ra[k] - ma) * (ra[k] - ma) / 249;
            vb += (rb[k] - mb) * (rb[k] - mb) / 249;
            c += (ra[k] - ma) * (rb[k] - mb) / 249;
        }
        double tr = va + vb;
        double det = va * vb - c * c;
        double top = tr / 2 + Math.sqrt(tr * tr / 4 - det);
        assertEquals(top / tr, column(d, Feature.ABSORPTION_250D)[t], 1e-9);
        assertTrue(Double.isNaN(column(d, Feature.ABSORPTION_250D)[249]));

        // Turbulence with the explicit 2x2 inverse of the covariance of the 250 returns before t.
        ma = 0;
        mb = 0;
        for (int k = t - 250; k < t; k++) {
            ma += ra[k] / 250;
            mb += rb[k] / 250;
        }
        va = 0;
        vb = 0;
        c = 0;
        for (int k = t - 250; k < t; k++) {
            va += (ra[k] - ma) * (ra[k] - ma) / 249;
            vb += (rb[k] - mb) * (rb[k] - mb) / 249;
            c += (ra[k] - ma) * (rb[k] - mb) / 249;
        }
        det = va * vb - c * c;
        double x = ra[t] - ma;
        double y = rb[t] - mb;
        double mahalanobis = (vb * x * x - 2 * c * x * y + va * y * y) / det;
        assertEquals(mahalanobis / 2, column(d, Feature.TURBULENCE_250D)[t], 1e-7);
        assertTrue(Double.isNaN(column(d, Feature.TURBULENCE_250D)[250]));
    }

    @Test
    void dispersionCorrelationAndCoExceedance() {
        MarketData d = TestMarkets.randomPanel(4, 300, 9);
        double[][] r = new double[4][];
        for (int m = 0; m < 4; m++) {
            r[m] = io.sysrisk.data.PriceLevels.logReturns(d.column("m" + m));
        }
        int t = 280;
        double mean = (r[0][t] + r[1][t] + r[2][t] + r[3][t]) / 4;
        double ss = 0;
        for (int m = 0; m < 4; m++) {
            ss += Math.pow(r[m][t] - mean, 2);
        }
        assertEquals(Math.sqrt(ss / 4), column(d, Feature.DISPERSION_1D)[t], EPS);

        double corr = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                corr += pearson(r[i], r[j], t - 59, t) / 6;
            }
        }
        double avg = column(d, Feature.AVG_CORR_60D)[t];
        assertEquals(corr, avg, 1e-9);
        assertTrue(avg > 0.2, "members share a common factor: " + avg);

        // Plant a crash in members 0 and 1 on the last day: exactly half the members exceed their 5% tail.
        double[][] p = new double[4][];
        for (int m = 0; m < 4; m++) {
            p[m] = d.column("m" + m).clone();
        }
        int last = 299;
        p[0][last] = p[0][last - 1] * 0.8;
        p[1][last] = p[1][last - 1] * 0.85;
        p[2][last] = p[2][last - 1] * 1.001;
        p[3][last] = p[3][last - 1];
        assertEquals(0.5, column(TestMarkets.panel(p), Feature.COEXCEEDANCE_250D)[last], EPS);

        // The worst member: member 0 lost 20% on the last day, so its 20-day log return is the lowest.
        double expected = Math.log(p[0][last] / p[0][last - 20]);
        for (int m = 1; m < 4; m++) {
            assertTrue(Math.log(p[m][last] / p[m][last - 20]) > expected);
        }
        assertEquals(expected, column(TestMarkets.panel(p), Feature.WORST_MEMBER_20D)[last], 1e-9);
    }

    private static double pearson(double[] a, double[] b, int from, int to) {
        int n = to - from + 1;
        double ma = 0;
        double mb = 0;
        for (int k = from; k <= to; k++) {
            ma += a[k] / n;
            mb += b[k] / n;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int k = from; k <= to; k++) {
            sab += (a[k] - ma) * (b[k] - mb);
            saa += (a[k] - ma) * (a[k] - ma);
            sbb += (b[k] - mb) * (b[k] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    @Test
    void equalWeightedMarketWithoutAnIndex() {
        MarketData d = TestMarkets.panel(new double[][] {{100, 110, 121}, {100, 90, 81}});
        double[] level = io.sysrisk.data.PriceLevels.marketLevel(d);
        assertEquals(100 * Math.exp((Math.log(1.1) + Math.log(0.9)) / 2), level[1], EPS);
    }

    /** Changing anything after day t, or cutting it off, leaves every feature at t and before unchanged. */
    @Test
    void featuresAreCausal() {
        for (MarketData d : List.of(TestMarkets.randomPanel(6, 420, 11), TestMarkets.randomOhlcv(420, 12),
                EmbeddedDataset.SPI_SECTORS.load().slice(0, 420))) {
            FeatureSet set = FeatureSet.allFor(d);
            double[][] full = FeaturePipeline.compute(d, set).values();
            Random rnd = new Random(13);
            for (int t : new int[] {260, 300, 390}) {
                double[][] s = new double[d.columns().size()][];
                for (int c = 0; c < s.length; c++) {
                    s[c] = d.series()[c].clone();
                    for (int k = t + 1; k < s[c].length; k++) {
                        s[c][k] *= Math.exp(rnd.nextGaussian() * 0.2);
                    }
                }
                if (d.kind() == InputKind.OHLCV) {
                    for (int k = t + 1; k < s[0].length; k++) { // keep high >= low after the shake
                        s[1][k] = Math.max(s[1][k], s[2][k]);
                    }
                }
                MarketData changed = new MarketData(d.source(), d.kind(), d.dates(), d.columns(), s, d.indexColumn(),
                        d.report());
                double[][] after = FeaturePipeline.compute(changed, set).values();
                double[][] cut = FeaturePipeline.compute(d.slice(0, t + 1), set).values();
                for (int k = 0; k <= t; k++) {
                    assertArrayEquals(full[k], after[k], 0.0, d.source() + " day " + k + " moved when data after " + t + " changed");
                    assertArrayEquals(full[k], cut[k], 0.0, d.source() + " day " + k + " differs on the cut history");
                }
                assertTrue(!java.util.Arrays.equals(full[t + 1], after[t + 1]), "the shake did change day t+1");
            }
        }
    }

    @Test
    void featureSetsFollowTheInput() {
        assertEquals(List.of("ret_1d", "vol_20d", "vol_120d", "drawdown_250d", "parkinson_20d", "volume_surprise_20d"),
                FeatureSet.allFor(InputKind.OHLCV, 0).ids());
        assertEquals(10, FeatureSet.allFor(InputKind.PANEL, 9).size());
        assertEquals(4, FeatureSet.allFor(InputKind.PANEL, 0).size());
        assertEquals(251, FeatureSet.allFor(InputKind.PANEL, 9).lookback());
        MarketData ohlcv = TestMarkets.randomOhlcv(300, 1);
        assertThrows(IllegalArgumentException.class,
                () -> FeaturePipeline.compute(ohlcv, new FeatureSet(List.of(Feature.TURBULENCE_250D))));
    }

    /** The regime-relative features: causal (a prefix gives the same values), finite, and finite on a flat series. */
    @Test
    void scaleFreeFeaturesAreCausalAndFinite() {
        double[] p = prices(420, 11);
        FeatureSet set = FeatureSet.scaleFree();
        FeatureMatrix full = FeaturePipeline.compute(TestMarkets.index(p), set);
        FeatureMatrix prefix = FeaturePipeline.compute(TestMarkets.index(java.util.Arrays.copyOf(p, 350)), set);
        assertEquals(set.lookback(), full.firstValid());
        for (int t = full.firstValid(); t < 350; t++) {
            assertArrayEquals(prefix.values()[t], full.values()[t], 0.0, "day " + t);
            for (double v : full.values()[t]) {
                assertTrue(Double.isFinite(v), "day " + t);
            }
        }
        // Scale-free: the same series at 1000x the price level gives the same values.
        double[] scaled = java.util.Arrays.stream(p).map(v -> 1000 * v).toArray();
        FeatureMatrix big = FeaturePipeline.compute(TestMarkets.index(scaled), set);
        for (int t = full.firstValid(); t < p.length; t++) {
            assertArrayEquals(full.values()[t], big.values()[t], 1e-9, "day " + t);
        }
        double[] flat = new double[420];
        java.util.Arrays.fill(flat, 50);
        FeatureMatrix f = FeaturePipeline.compute(TestMarkets.index(flat), set);
        for (double v : f.values()[419]) {
            assertTrue(Double.isFinite(v));
        }
        double rank = full.get(400, Feature.VOL_RANK_250);
        assertTrue(rank > 0 && rank <= 1);
    }
}
