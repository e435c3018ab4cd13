package io.sysrisk.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import io.sysrisk.research.evidence.Difference;

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

    /** Circular blocks: the last windows of a series are drawn as often as any other (the old blocks were not). */
    @Test
    void everyWindowIsDrawnEquallyOftenEvenAtTheEnd() {
        int n = 300;
        int[] count = new int[n];
        int[] idx = new int[n];
        Random rnd = new Random(5);
        int draws = 4000;
        for (int r = 0; r < draws; r++) {
            BlockBootstrap.draw(new int[] {n}, 60, rnd, idx);
            for (int i : idx) {
                count[i]++;
            }
        }
        double expected = draws; // each resample has n draws over n windows
        for (int i : new int[] {0, 1, n / 2, n - 19, n - 1}) {
            assertEquals(expected, count[i], 0.08 * expected, "window " + i);
        }
    }

    @Test
    void segmentsAreResampledWithinThemselves() {
        int[] idx = new int[150];
        BlockBootstrap.draw(new int[] {100, 50}, 60, new Random(1), idx);
        for (int i = 0; i < 100; i++) {
            assertTrue(idx[i] < 100, "first market's slots hold its own windows");
        }
        for (int i = 100; i < 150; i++) {
            assertTrue(idx[i] >= 100, "second market's slots hold its own windows");
        }
    }

    @Test
    void pairedDifferenceIsZeroForTheSameScoreAndPositiveForABetterOne() {
        Random rnd = new Random(9);
        int n = 1200;
        int[] y = new int[n];
        double[] good = new double[n];
        double[] poor = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (i / 60) % 4 == 0 ? 1 : 0;
            good[i] = y[i] + rnd.nextGaussian();
            poor[i] = 0.3 * y[i] + rnd.nextGaussian();
        }
        Difference same = BlockBootstrap.difference(good, good, y, new int[] {n},
                io.sysrisk.evaluation.Metrics::rocAuc, 60, 200, 3);
        assertEquals(0.0, same.estimate(), 0.0);
        assertEquals(0.0, same.interval().low(), 0.0);
        assertEquals(0.0, same.interval().high(), 0.0);
        Difference better = BlockBootstrap.difference(good, poor, y, new int[] {n},
                io.sysrisk.evaluation.Metrics::averagePrecision, 60, 300, 3);
        assertTrue(better.estimate() > 0 && better.interval().above(0), better.toString());
        Difference worse = BlockBootstrap.difference(poor, good, y, new int[] {n},
                io.sysrisk.evaluation.Metrics::averagePrecision, 60, 300, 3);
        assertTrue(worse.interval().high() < 0, worse.toString());
    }

    /**
     * Two markets of one era that move as one (the same series twice): resampled market by market they count as two
     * independent samples, and the paired interval narrows by about the square root of 2; on their joint calendar a
     * date's windows of both are drawn together, and the interval is as wide as one market's.
     */
    @Test
    void marketsOfOneEraDrawnOnTheirJointCalendarAreNotTwoIndependentSamples() {
        Random rnd = new Random(11);
        int n = 1500;
        double[] a = new double[2 * n];
        double[] b = new double[2 * n];
        int[] y = new int[2 * n];
        java.util.List<java.time.LocalDate> dates = new java.util.ArrayList<>();
        java.time.LocalDate start = java.time.LocalDate.of(2000, 1, 3);
        for (int i = 0; i < n; i++) {
            y[i] = (i / 40) % 6 == 0 ? 1 : 0;
            a[i] = 0.3 * y[i] + rnd.nextGaussian() * 0.3;
            b[i] = 0.2 * y[i] + rnd.nextGaussian() * 0.3;
            dates.add(start.plusDays(i));
        }
        for (int i = 0; i < n; i++) {
            y[n + i] = y[i];
            a[n + i] = a[i];
            b[n + i] = b[i];
            dates.add(start.plusDays(i));
        }
        BlockBootstrap.Calendar calendar = BlockBootstrap.Calendar.of(dates);
        assertEquals(n, calendar.days());
        Difference joint = BlockBootstrap.difference(a, b, y, calendar,
                io.sysrisk.evaluation.Metrics::averagePrecision, 60, 2000, 3);
        Difference apart = BlockBootstrap.difference(a, b, y, new int[] {n, n},
                io.sysrisk.evaluation.Metrics::averagePrecision, 60, 2000, 3);
        assertEquals(apart.estimate(), joint.estimate(), 1e-12);
        double wJoint = joint.interval().high() - joint.interval().low();
        double wApart = apart.interval().high() - apart.interval().low();
        assertTrue(wJoint > 1.2 * wApart, "joint " + joint + " vs market by market " + apart);
        int[] drawn = calendar.draw(60, new Random(1));
        assertEquals(0, drawn.length % 2, "both markets' windows of every drawn date");
    }

    /**
     * Brier skill against a base rate, with its paired interval: none for the rate itself, above 0 for a forecast
     * that knows a planted part of the future, below 0 for one that over-predicts; a training rate is the share of
     * onset windows among every part a fold reads.
     */
    @Test
    void brierSkillIntervalsSeparatePlantedForecasts() {
        Random rnd = new Random(11);
        int n = 3000;
        int[] y = new int[n];
        double[] rate = new double[n];
        double[] informed = new double[n];
        double[] inflated = new double[n];
        for (int i = 0; i < n; i++) {
            double risk = (i / 100) % 4 == 0 ? 0.4 : 0.05; // clustered risky periods, as in markets
            y[i] = rnd.nextDouble() < risk ? 1 : 0;
            rate[i] = 0.1375;
            informed[i] = risk;
            inflated[i] = 3 * rate[i];
        }
        int[] segments = {1000, 2000};
        BlockBootstrap.PairedStatistic skill = io.sysrisk.research.evaluation.ProperScores::brierSkill;
        io.sysrisk.research.evidence.ProbabilityEvidence.Skill none = BlockBootstrap.statistic(rate, rate, y,
                segments, skill, 60, 300, 1);
        assertEquals(0.0, none.interval().low(), 1e-12);
        assertEquals(0.0, none.interval().high(), 1e-12);
        io.sysrisk.research.evidence.ProbabilityEvidence.Skill good = BlockBootstrap.statistic(informed, rate, y,
                segments, skill, 60, 300, 1);
        assertTrue(good.interval().low() > 0 && good.interval().low() <= good.estimate(), good.toString());
        io.sysrisk.research.evidence.ProbabilityEvidence.Skill bad = BlockBootstrap.statistic(inflated, rate, y,
                segments, skill, 60, 300, 1);
        assertTrue(bad.interval().high() < 0, bad.toString());
        // The same figure as a paired difference reads the same resamples: reproducible to the bit.
        assertEquals(good, BlockBootstrap.statistic(informed, rate, y, segments, skill, 60, 300, 1));
    }

    /**
     * The resamples computed in parallel give exactly the figures of the sequential loop over the same draws (its
     * reference written out here): the same intervals, bit for bit, for a ranking difference and a paired skill,
     * over more resamples than one chunk holds.
     */
    @Test
    void theParallelResamplesAreTheSequentialOnes() {
        Random data = new Random(11);
        int n = 900;
        double[] a = new double[n];
        double[] b = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = data.nextDouble() < 0.15 ? 1 : 0;
            a[i] = Math.min(0.99, Math.max(0.01, 0.15 + 0.3 * y[i] * data.nextDouble() + 0.1 * data.nextGaussian()));
            b[i] = Math.rint(10 * data.nextDouble()) / 10; // ties
        }
        int[] segments = {400, 500};
        int samples = 3 * BlockBootstrap.CHUNK + 5;
        long seed = 42;
        double[] d = new double[samples];
        Random rnd = new Random(seed);
        int[] idx = new int[n];
        for (int r = 0; r < samples; r++) {
            int[] drawn = BlockBootstrap.draw(segments, 20, rnd, idx);
            double[] sa = new double[n];
            double[] sb = new double[n];
            int[] yy = new int[n];
            for (int i = 0; i < n; i++) {
                sa[i] = a[drawn[i]];
                sb[i] = b[drawn[i]];
                yy[i] = y[drawn[i]];
            }
            d[r] = io.sysrisk.evaluation.Metrics.rocAuc(sa, yy) - io.sysrisk.evaluation.Metrics.rocAuc(sb, yy);
        }
        Difference parallel = BlockBootstrap.difference(a, b, y, segments, io.sysrisk.evaluation.Metrics::rocAuc, 20,
                samples, seed);
        assertEquals(BlockBootstrap.ci(d), parallel.interval());
        BlockBootstrap.PairedStatistic brier = (p, q, yy) -> {
            double s = 0;
            double t = 0;
            for (int i = 0; i < yy.length; i++) {
                s += (p[i] - yy[i]) * (p[i] - yy[i]);
                t += (q[i] - yy[i]) * (q[i] - yy[i]);
            }
            return 1 - s / t;
        };
        rnd = new Random(seed);
        for (int r = 0; r < samples; r++) {
            int[] drawn = BlockBootstrap.draw(segments, 20, rnd, idx);
            double[] sa = new double[n];
            double[] sb = new double[n];
            int[] yy = new int[n];
            for (int i = 0; i < n; i++) {
                sa[i] = a[drawn[i]];
                sb[i] = b[drawn[i]];
                yy[i] = y[drawn[i]];
            }
            d[r] = brier.of(sa, sb, yy);
        }
        assertEquals(BlockBootstrap.ci(d), BlockBootstrap.statistic(a, b, y, segments, brier, 20, samples, seed)
                .interval());
    }
}
