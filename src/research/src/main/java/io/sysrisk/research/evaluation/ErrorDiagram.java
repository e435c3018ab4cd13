package io.sysrisk.research.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Molchan's error diagram of one score, out of sample: at each share of scored days in alarm (the score's top
 * {@code tau} on each fold's test days), the share of onsets missed (no alarm on a scored day 5-60 days before them,
 * as the event tables count). No threshold is chosen: the diagram shows every alarm budget a risk team might pick.
 * Its <b>area skill</b> is 1 - the area under the miss-rate curve (1 for one that warns every onset with no alarm
 * time). An onset is warned by any alarm in a 56-day period, so alarm days scattered at random warn most onsets at a
 * small alarm share and score high; 0.5 is no benchmark here. The benchmark is the same score circularly shifted in
 * time within each fold by at least {@link AlarmNulls#MIN_SHIFT} days, which keeps how its alarm days cluster and
 * loses their timing: its area skill and miss rates over {@link AlarmNulls#SHIFTS} shifts (the 5th percentile of miss
 * rate is the best such an alarm reaches by luck).
 *
 * @param alarmShare   the grid of alarm shares, 0 to 1
 * @param missRate     the pooled share of onsets missed at each
 * @param shiftMiss5   the 5th percentile of the shifted scores' miss rate at each
 * @param shiftSkill   the shifted scores' area skill: 5th, 50th and 95th percentiles
 */
public record ErrorDiagram(String name, int onsets, double[] alarmShare, double[] missRate, double areaSkill,
                           double[] shiftMiss5, double[] shiftSkill) {

    /** Alarm shares of the diagram: 0, 2%, ..., 100%. */
    public static final int STEPS = 50;

    /** One fold's test days: the rows scored (ascending), the onsets' rows, and the score on each scored day. */
    public record Fold(int[] rows, int[] onsets, double[] score) {
        public Fold {
            if (rows.length != score.length) {
                throw new IllegalArgumentException(rows.length + " rows, " + score.length + " scores");
            }
        }
    }

    /** Miss rate at alarm share {@code tau}, read off the diagram (linear between its points). */
    public double missAt(double tau) {
        int k = (int) Math.min(STEPS - 1, Math.floor(tau * STEPS));
        double w = tau * STEPS - k;
        return missRate[k] * (1 - w) + missRate[k + 1] * w;
    }

    /** The diagram of {@code name}'s score over {@code folds}, pooled, with its circular-shift null. */
    public static ErrorDiagram of(String name, List<Fold> folds, long seed) {
        double[] tau = new double[STEPS + 1];
        for (int k = 0; k <= STEPS; k++) {
            tau[k] = (double) k / STEPS;
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> ranks = new ArrayList<>();
        List<double[]> thresholds = new ArrayList<>();
        List<int[][]> windows = new ArrayList<>();
        int counted = 0;
        for (Fold f : folds) {
            double[] rank = ranks(f.score(), random);
            ranks.add(rank);
            thresholds.add(thresholds(rank, tau));
            int[][] w = windows(f.rows(), f.onsets());
            windows.add(w);
            counted += w.length;
        }
        if (counted == 0) {
            throw new IllegalArgumentException(name + ": no onset has a scored day in its warning period");
        }
        double[] miss = missRates(ranks, thresholds, windows, new int[folds.size()], counted);
        double[][] shiftedMiss = new double[AlarmNulls.SHIFTS][];
        double[] shiftedSkill = new double[AlarmNulls.SHIFTS];
        for (int s = 0; s < AlarmNulls.SHIFTS; s++) {
            int[] shift = new int[folds.size()];
            for (int i = 0; i < shift.length; i++) {
                int n = folds.get(i).score().length;
                shift[i] = n > 2 * AlarmNulls.MIN_SHIFT
                        ? AlarmNulls.MIN_SHIFT + random.nextInt(n - 2 * AlarmNulls.MIN_SHIFT + 1) : 0;
            }
            shiftedMiss[s] = missRates(ranks, thresholds, windows, shift, counted);
            shiftedSkill[s] = areaSkill(shiftedMiss[s]);
        }
        double[] miss5 = new double[tau.length];
        for (int k = 0; k < tau.length; k++) {
            int c = k;
            miss5[k] = percentile(Arrays.stream(shiftedMiss).mapToDouble(m -> m[c]).toArray(), 5);
        }
        return new ErrorDiagram(name, counted, tau, miss, areaSkill(miss), miss5, new double[] {
                percentile(shiftedSkill, 5), percentile(shiftedSkill, 50), percentile(shiftedSkill, 95)});
    }

    /**
     * Each day's rank by score, 0 the lowest; equal scores (days before an indicator has a value, a drawdown memory's
     * whole days) are ordered by a seeded random draw, so an alarm share is exact and ties favour no day in time.
     */
    private static double[] ranks(double[] score, SplittableRandom random) {
        int n = score.length;
        double[] key = new double[n];
        for (int i = 0; i < n; i++) {
            key[i] = random.nextDouble();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[a], score[b])
                : Double.compare(key[a], key[b]));
        double[] rank = new double[n];
        for (int r = 0; r < n; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    /** Per alarm share, the rank from which days alarm: the top share of days ({@code rank >= t}); none for 0. */
    private static double[] thresholds(double[] rank, double[] tau) {
        int n = rank.length;
        double[] t = new double[tau.length];
        for (int k = 0; k < tau.length; k++) {
            int alarms = (int) Math.round(tau[k] * n);
            t[k] = alarms == 0 ? Double.POSITIVE_INFINITY : n - alarms;
        }
        return t;
    }

    /** Per onset with a scored day in its warning period, the range [from, to) of those days among the rows. */
    private static int[][] windows(int[] rows, int[] onsets) {
        List<int[]> out = new ArrayList<>();
        for (int e : onsets) {
            int from = EventMetrics.lowerBound(rows, e - EventMetrics.MAX_LEAD);
            int to = EventMetrics.lowerBound(rows, e - EventMetrics.MIN_LEAD + 1);
            if (from < to) {
                out.add(new int[] {from, to});
            }
        }
        return out.toArray(int[][]::new);
    }

    /** Pooled miss rate per alarm share, each fold's ranks rotated by {@code shift[f]} days. */
    private static double[] missRates(List<double[]> ranks, List<double[]> thresholds, List<int[][]> windows,
                                      int[] shift, int counted) {
        int steps = thresholds.get(0).length;
        int[] warned = new int[steps];
        for (int f = 0; f < ranks.size(); f++) {
            double[] s = ranks.get(f);
            int n = s.length;
            for (int[] w : windows.get(f)) {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = w[0]; i < w[1]; i++) {
                    max = Math.max(max, s[Math.floorMod(i - shift[f], n)]);
                }
                for (int k = 0; k < steps; k++) {
                    warned[k] += max >= thresholds.get(f)[k] ? 1 : 0;
                }
            }
        }
        double[] miss = new double[steps];
        for (int k = 0; k < steps; k++) {
            miss[k] = 1 - (double) warned[k] / counted;
        }
        return miss;
    }

    /** 1 - the area under the miss-rate curve over alarm shares 0..1 (trapezoids on the grid). */
    private static double areaSkill(double[] miss) {
        double area = 0;
        for (int k = 0; k < miss.length - 1; k++) {
            area += (miss[k] + miss[k + 1]) / 2 / (miss.length - 1);
        }
        return 1 - area;
    }

    private static double percentile(double[] v, double p) {
        double[] d = v.clone();
        Arrays.sort(d);
        return d[(int) Math.round(p / 100 * (d.length - 1))];
    }
}
