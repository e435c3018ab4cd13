package io.sysrisk.research.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import io.sysrisk.evaluation.AlarmThreshold;

/** Chooses an {@link AlarmThreshold} on validation days (its record, in the core, says how). */
public final class AlarmThresholds {

    private AlarmThresholds() {
    }

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
        double[] best = best(score, signal, mu);
        double threshold = best[0];
        double low = lowerBound(score, signal, segments, mu, threshold, seed);
        return new AlarmThreshold(mu, threshold, best[1], low, threshold != AlarmThreshold.NEVER && low > 0);
    }

    /**
     * The threshold of {@code score} with the best relative usefulness at {@code mu} on these days and that
     * usefulness, {threshold, usefulness}: {@link AlarmThreshold#NEVER} when no threshold beats never alarming; on
     * ties the higher threshold (fewer alarm days). No margin: {@link #choose} adds it.
     */
    public static double[] best(double[] score, int[] signal, double mu) {
        if (score.length != signal.length) {
            throw new IllegalArgumentException(score.length + " scores, " + signal.length + " signals");
        }
        int signals = Arrays.stream(signal).sum();
        int quiet = score.length - signals;
        Integer[] idx = new Integer[score.length];
        Arrays.setAll(idx, i -> i);
        Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> score[i]).reversed());
        double best = usefulness(mu, signals, 0, quiet, 0); // never alarm
        double threshold = AlarmThreshold.NEVER;
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
        return new double[] {threshold, best};
    }

    /** NaN-free usefulness: a part without signal or quiet days cannot tell skill, so it counts as 0. */
    private static double usefulness(double mu, int signals, int hits, int quiet, int falseAlarms) {
        double u = EventMetrics.relativeUsefulness(mu, signals, hits, quiet, falseAlarms);
        return Double.isNaN(u) ? 0 : u;
    }

    private static double lowerBound(double[] score, int[] signal, int[] segments, double mu, double threshold,
                                     long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] u = new double[AlarmThreshold.SAMPLES];
        for (int s = 0; s < AlarmThreshold.SAMPLES; s++) {
            int[] counts = new int[4]; // signal days, hits, quiet days, false alarms
            CircularBlocks.resample(segments, AlarmThreshold.BLOCK, random, i -> {
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
        return u[(int) Math.floor(0.05 * AlarmThreshold.SAMPLES)];
    }
}
