package io.sysrisk.comparison;

import java.util.Arrays;
import java.util.Random;
import java.util.function.ToDoubleBiFunction;

import io.sysrisk.evaluation.Metrics;
import io.sysrisk.research.evidence.Difference;
import io.sysrisk.research.evidence.Interval;
import io.sysrisk.research.evidence.ProbabilityEvidence.Skill;

/**
 * 95% confidence intervals for test metrics by the circular block bootstrap over time (Politis and Romano 1992):
 * the test windows of each series, in date order, are resampled in blocks of consecutive windows that wrap around
 * the series' end, so every window (the last ones too) is drawn equally often, and the serial dependence of
 * overlapping labels is kept. Pooled test sets of several markets are resampled market by market (each keeps its
 * length), so a resample never mixes one market's days into another's.
 *
 * <p>Comparisons of two scores on the same windows use the <em>paired</em> bootstrap: both are evaluated on the
 * same resampled indices, and the interval is that of the difference, not two marginal intervals side by side.
 */
public final class BlockBootstrap {

    /** Shortest block: about three months of trading days, several label horizons. */
    public static final int MIN_BLOCK = 60;

    private BlockBootstrap() {
    }

    /** Intervals of every metric in {@link Metrics}' table; {@code alertProbability} as in {@link Metrics#of}. */
    public record Intervals(Interval accuracy, Interval precision, Interval recall, Interval f1, Interval rocAuc,
                            Interval prAuc, Interval brier) {
    }

    /**
     * The joint calendar of markets that share an era: a resample draws circular blocks of consecutive dates (dates
     * on which any market has a test window) and takes every market's windows on a drawn date together, so a crisis
     * that hits several markets at once is drawn, or left out, as one event, not as independent ones. A resample
     * draws as many dates as the calendar holds; its number of windows varies.
     */
    public static final class Calendar {
        private final int[][] windowsByDay;

        private Calendar(int[][] windowsByDay) {
            this.windowsByDay = windowsByDay;
        }

        /** {@code dates[i]}: the date of pooled test window i, in any order. */
        public static Calendar of(java.util.List<java.time.LocalDate> dates) {
            java.util.TreeMap<java.time.LocalDate, java.util.List<Integer>> days = new java.util.TreeMap<>();
            for (int i = 0; i < dates.size(); i++) {
                days.computeIfAbsent(dates.get(i), d -> new java.util.ArrayList<>()).add(i);
            }
            return new Calendar(days.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                    .toArray(int[][]::new));
        }

        public int days() {
            return windowsByDay.length;
        }

        int[] draw(int block, java.util.random.RandomGenerator rnd) {
            int len = windowsByDay.length;
            int b = Math.max(1, Math.min(block, len));
            int[] out = new int[16];
            int k = 0;
            int filled = 0;
            while (filled < len) {
                int start = rnd.nextInt(len);
                for (int j = 0; j < b && filled < len; j++, filled++) {
                    for (int w : windowsByDay[(start + j) % len]) {
                        if (k == out.length) {
                            out = Arrays.copyOf(out, 2 * k);
                        }
                        out[k++] = w;
                    }
                }
            }
            return Arrays.copyOf(out, k);
        }
    }

    /** One series of the test set; windows of one resample, as indices into the pooled arrays, are written to it. */
    static int[] draw(int[] segmentLengths, int block, Random rnd, int[] out) {
        int offset = 0;
        int k = 0;
        for (int len : segmentLengths) {
            int b = Math.max(1, Math.min(block, len));
            int filled = 0;
            while (filled < len) {
                int start = rnd.nextInt(len);
                for (int j = 0; j < b && filled < len; j++, filled++) {
                    out[k++] = offset + (start + j) % len;
                }
            }
            offset += len;
        }
        return out;
    }

    public static Intervals of(double[] score, double[] probability, int[] y, double threshold, int block, int samples,
                               long seed) {
        return of(score, probability, y, new int[] {y.length}, threshold, block, samples, seed);
    }

    public static Intervals of(double[] score, double[] probability, int[] y, int[] segments, double threshold,
                               int block, int samples, long seed) {
        int[] idx = new int[y.length];
        return of(score, probability, y, rnd -> draw(segments, block, rnd, idx), threshold, samples, seed);
    }

    /** As {@link #of(double[], double[], int[], int[], double, int, int, long)}, resampled on a joint calendar. */
    public static Intervals of(double[] score, double[] probability, int[] y, Calendar calendar, double threshold,
                               int block, int samples, long seed) {
        return of(score, probability, y, rnd -> calendar.draw(block, rnd), threshold, samples, seed);
    }

    private static Intervals of(double[] score, double[] probability, int[] y,
                                java.util.function.Function<Random, int[]> resample, double threshold, int samples,
                                long seed) {
        double[][] m = new double[7][samples];
        inParallel(resample, samples, seed, (r, idx) -> {
            int n = idx.length;
            double[] s = new double[n];
            double[] p = new double[n];
            int[] yy = new int[n];
            for (int i = 0; i < n; i++) {
                s[i] = score[idx[i]];
                p[i] = probability[idx[i]];
                yy[i] = y[idx[i]];
            }
            Metrics x = Metrics.of(s, yy, threshold, p);
            m[0][r] = x.accuracy();
            m[1][r] = x.precision();
            m[2][r] = x.recall();
            m[3][r] = x.f1();
            m[4][r] = x.rocAuc();
            m[5][r] = x.prAuc();
            m[6][r] = x.brier();
        });
        return new Intervals(ci(m[0]), ci(m[1]), ci(m[2]), ci(m[3]), ci(m[4]), ci(m[5]), ci(m[6]));
    }

    /**
     * Paired circular-block-bootstrap interval of metric(a) - metric(b), both scored on the same windows
     * ({@code metric} is e.g. {@code Metrics::rocAuc} or {@code Metrics::averagePrecision}).
     */
    public static Difference difference(double[] a, double[] b, int[] y, int[] segments,
                                        ToDoubleBiFunction<double[], int[]> metric, int block, int samples, long seed) {
        int n = y.length;
        if (a.length != n || b.length != n || Arrays.stream(segments).sum() != n) {
            throw new IllegalArgumentException("scores, labels and segments do not line up");
        }
        int[] idx = new int[n];
        return difference(a, b, y, rnd -> draw(segments, block, rnd, idx), metric, samples, seed);
    }

    /** As {@link #difference(double[], double[], int[], int[], ToDoubleBiFunction, int, int, long)}, on a calendar. */
    public static Difference difference(double[] a, double[] b, int[] y, Calendar calendar,
                                        ToDoubleBiFunction<double[], int[]> metric, int block, int samples, long seed) {
        if (a.length != y.length || b.length != y.length) {
            throw new IllegalArgumentException("scores and labels do not line up");
        }
        return difference(a, b, y, rnd -> calendar.draw(block, rnd), metric, samples, seed);
    }

    private static Difference difference(double[] a, double[] b, int[] y,
                                         java.util.function.Function<Random, int[]> resample,
                                         ToDoubleBiFunction<double[], int[]> metric, int samples, long seed) {
        Skill d = statistic(a, b, y, resample, (sa, sb, yy) -> metric.applyAsDouble(sa, yy)
                - metric.applyAsDouble(sb, yy), samples, seed);
        return new Difference(d.estimate(), d.interval());
    }

    /** A figure of two forecasts of the same windows and their outcomes, e.g. the Brier skill of one against the other. */
    @FunctionalInterface
    public interface PairedStatistic {
        double of(double[] a, double[] b, int[] y);
    }

    /**
     * {@code statistic(a, b, y)} with its paired circular-block-bootstrap interval, market by market in
     * {@code segments}.
     */
    public static Skill statistic(double[] a, double[] b, int[] y, int[] segments, PairedStatistic statistic,
                                  int block, int samples, long seed) {
        int n = y.length;
        if (a.length != n || b.length != n || Arrays.stream(segments).sum() != n) {
            throw new IllegalArgumentException("scores, labels and segments do not line up");
        }
        int[] idx = new int[n];
        return statistic(a, b, y, rnd -> draw(segments, block, rnd, idx), statistic, samples, seed);
    }

    /** As {@link #statistic(double[], double[], int[], int[], PairedStatistic, int, int, long)}, on a calendar. */
    public static Skill statistic(double[] a, double[] b, int[] y, Calendar calendar, PairedStatistic statistic,
                                  int block, int samples, long seed) {
        if (a.length != y.length || b.length != y.length) {
            throw new IllegalArgumentException("scores and labels do not line up");
        }
        return statistic(a, b, y, rnd -> calendar.draw(block, rnd), statistic, samples, seed);
    }

    private static Skill statistic(double[] a, double[] b, int[] y,
                                   java.util.function.Function<Random, int[]> resample, PairedStatistic statistic,
                                   int samples, long seed) {
        double[] d = new double[samples];
        inParallel(resample, samples, seed, (r, idx) -> {
            int n = idx.length;
            double[] sa = new double[n];
            double[] sb = new double[n];
            int[] yy = new int[n];
            for (int i = 0; i < n; i++) {
                sa[i] = a[idx[i]];
                sb[i] = b[idx[i]];
                yy[i] = y[idx[i]];
            }
            d[r] = statistic.of(sa, sb, yy);
        });
        return new Skill(statistic.of(a, b, y), ci(d));
    }

    /** Resamples drawn at a time before they are computed in parallel: a chunk's indices, not all of them, in memory. */
    static final int CHUNK = 64;

    /** One resample's computation: resample {@code r} of the run, its window indices {@code idx}. */
    private interface ResampleTask {
        void run(int r, int[] idx);
    }

    /**
     * Runs {@code task} on {@code samples} resamples. The resamples are drawn one after another from one generator
     * seeded {@code seed}, exactly as a sequential loop draws them, a chunk at a time; each chunk's computations then
     * run on the common pool, each writing only its own resample's slot. The figures are therefore those of a
     * sequential run, whatever the number of cores (BlockBootstrapTest holds them equal), while the costly part, the
     * sorting of every resample, uses every core.
     */
    private static void inParallel(java.util.function.Function<Random, int[]> resample, int samples, long seed,
                                   ResampleTask task) {
        Random rnd = new Random(seed);
        int[][] chunk = new int[CHUNK][];
        for (int from = 0; from < samples; from += CHUNK) {
            int k = Math.min(CHUNK, samples - from);
            for (int i = 0; i < k; i++) {
                // The resample functions reuse one array: each drawn resample is copied before the next draw.
                chunk[i] = resample.apply(rnd).clone();
            }
            int base = from;
            java.util.stream.IntStream.range(0, k).parallel().forEach(i -> task.run(base + i, chunk[i]));
        }
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
