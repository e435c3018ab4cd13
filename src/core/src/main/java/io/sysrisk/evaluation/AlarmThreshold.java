package io.sysrisk.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/**
 * An alarm threshold chosen on validation days for the objective the report judges: the relative usefulness at
 * preference mu ({@link EventMetrics#relativeUsefulness}) of daily alarms against signal days (an onset 5-60 days
 * ahead), the event definitions of {@link EventMetrics}. "Never alarm" is a candidate, so a score with no skill
 * can say so; and a threshold is adopted only when the lower 5% of its validation usefulness over block-bootstrap
 * resamples (60-day blocks, within each market) is above 0. A score that is not adopted falls back to the
 * reference rule, and every report and manifest says so.
 *
 * @param preference  mu, the weight on missed signals (0.5: misses and false alarms weigh the same)
 * @param threshold   alarm when score >= threshold; +infinity: never
 * @param usefulness  its validation relative usefulness
 * @param lowerBound  the 5% quantile of that usefulness over the resamples
 * @param adopted     whether lowerBound > 0 (else: fall back to the reference rule)
 */
public record AlarmThreshold(double preference, double threshold, double usefulness, double lowerBound,
                             boolean adopted) {

    public static final double NEVER = Double.POSITIVE_INFINITY;
    public static final int BLOCK = 60;
    public static final int SAMPLES = 500;

    /**
     * @param score    validation scores
     * @param signal   1 where the day is a signal day ({@link EventMetrics#signals}), else 0
     * @param segments lengths of the consecutive markets in {@code score} (resampled within each)
     */
    public static AlarmThreshold choose(double[] score, int[] signal, int[] segments, double mu, long seed) {
        if (score.length != signal.length || Arrays.stream(segments).sum() != score.length) {
            throw new IllegalArgumentException(score.length + " scores, " + signal.length + " signals, segments of "
                    + Arrays.stream(segments).sum());
        }
        int signals = Arrays.stream(signal).sum();
        int quiet = score.length - signals;
        Integer[] idx = new Integer[score.length];
        Arrays.setAll(idx, i -> i);
        Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> score[i]).reversed());
        double best = usefulness(mu, signals, 0, quiet, 0); // never alarm
        double threshold = NEVER;
        int hits = 0;
        int falseAlarms = 0;
        int i = 0;
        while (i < idx.length) {
            int j = i;
            while (j < idx.length && score[idx[j]] == score[idx[i]]) {
                hits += signal[idx[j]];
                falseAlarms += 1 - signal[idx[j]];
                j++;
            }
            double u = usefulness(mu, signals, hits, quiet, falseAlarms);
            // Strictly better only: on ties the higher threshold (fewer alarm days) stays.
            if (u > best) {
                best = u;
                threshold = score[idx[i]];
            }
            i = j;
        }
        double low = lowerBound(score, signal, segments, mu, threshold, seed);
        return new AlarmThreshold(mu, threshold, best, low, threshold != NEVER && low > 0);
    }

    /** NaN-free usefulness: a part without signal or quiet days cannot tell skill, so it counts as 0. */
    private static double usefulness(double mu, int signals, int hits, int quiet, int falseAlarms) {
        double u = EventMetrics.relativeUsefulness(mu, signals, hits, quiet, falseAlarms);
        return Double.isNaN(u) ? 0 : u;
    }

    private static double lowerBound(double[] score, int[] signal, int[] segments, double mu, double threshold,
                                     long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] u = new double[SAMPLES];
        for (int s = 0; s < SAMPLES; s++) {
            int[] counts = new int[4]; // signal days, hits, quiet days, false alarms
            CircularBlocks.resample(segments, BLOCK, random, i -> {
                boolean alarm = score[i] >= threshold;
                if (signal[i] == 1) {
                    counts[0]++;
                    counts[1] += alarm ? 1 : 0;
                } else {
                    counts[2]++;
                    counts[3] += alarm ? 1 : 0;
                }
            });
            u[s] = usefulness(mu, counts[0], counts[1], counts[2], counts[3]);
        }
        Arrays.sort(u);
        return u[(int) Math.floor(0.05 * SAMPLES)];
    }

    public boolean never() {
        return threshold == NEVER;
    }
}
