package io.sysrisk.comparison;

import java.util.Arrays;
import java.util.Random;

import io.sysrisk.evaluation.Metrics;

/**
 * 95% confidence intervals for test metrics by the moving-block bootstrap over time: the test windows, in date
 * order, are resampled in blocks of consecutive windows (the label horizon, since neighbouring labels share most
 * of their future), so the intervals respect the serial dependence that an i.i.d. bootstrap would ignore.
 */
public final class BlockBootstrap {

    private BlockBootstrap() {
    }

    /** Lower and upper bounds of a metric. */
    public record Interval(double low, double high) {
    }

    /** Intervals of every metric in {@link Metrics}' table; {@code alertProbability} as in {@link Metrics#of}. */
    public record Intervals(Interval accuracy, Interval precision, Interval recall, Interval f1, Interval rocAuc,
                            Interval prAuc, Interval brier) {
    }

    public static Intervals of(double[] score, double[] probability, int[] y, double threshold, int block, int samples,
                               long seed) {
        int n = y.length;
        int b = Math.max(1, Math.min(block, n));
        double[][] m = new double[7][samples];
        Random rnd = new Random(seed);
        double[] s = new double[n];
        double[] p = new double[n];
        int[] yy = new int[n];
        for (int r = 0; r < samples; r++) {
            int k = 0;
            while (k < n) {
                int start = rnd.nextInt(n - b + 1);
                for (int j = 0; j < b && k < n; j++, k++) {
                    s[k] = score[start + j];
                    p[k] = probability[start + j];
                    yy[k] = y[start + j];
                }
            }
            Metrics x = Metrics.of(s, yy, threshold, p);
            m[0][r] = x.accuracy();
            m[1][r] = x.precision();
            m[2][r] = x.recall();
            m[3][r] = x.f1();
            m[4][r] = x.rocAuc();
            m[5][r] = x.prAuc();
            m[6][r] = x.brier();
        }
        return new Intervals(ci(m[0]), ci(m[1]), ci(m[2]), ci(m[3]), ci(m[4]), ci(m[5]), ci(m[6]));
    }

    /** 2.5th and 97.5th percentiles, ignoring resamples where the metric is undefined (no event drawn). */
    static Interval ci(double[] v) {
        double[] d = Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (d.length == 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        return new Interval(d[(int) Math.floor(0.025 * (d.length - 1))], d[(int) Math.ceil(0.975 * (d.length - 1))]);
    }
}
