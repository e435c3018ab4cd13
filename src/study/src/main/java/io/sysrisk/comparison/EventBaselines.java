package io.sysrisk.comparison;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.sysrisk.research.evaluation.CircularBlocks;
import io.sysrisk.research.evaluation.EventMetrics;
import io.sysrisk.research.evidence.EventIntervals;
import io.sysrisk.research.evidence.Interval;
import io.sysrisk.research.evidence.RandomSummary;

/**
 * What an event table needs beside a score so that it cannot be met by alarming more: an alarm that is always on,
 * a random alarm matched to the score's alarm days and episodes, and block-bootstrap intervals of the event
 * figures.
 */
public final class EventBaselines {

    /** Random draws for the matched alarm (the issue asks for at least 200). */
    public static final int DRAWS = 200;

    private EventBaselines() {
    }

    public static boolean[] alwaysOn(int days) {
        boolean[] a = new boolean[days];
        Arrays.fill(a, true);
        return a;
    }

    /**
     * Alarms on {@code alarmDays} of {@code days} days in exactly {@code episodes} runs, at random: run lengths a
     * uniform composition of the alarm days, gaps a uniform composition of the quiet days (at least one between
     * runs).
     */
    public static boolean[] matchedRandom(int days, int alarmDays, int episodes, SplittableRandom random) {
        boolean[] a = new boolean[days];
        if (episodes == 0 || alarmDays == 0) {
            return a;
        }
        int[] lengths = composition(alarmDays - episodes, episodes, random); // each run gets 1 more below
        int[] gaps = composition(days - alarmDays - (episodes - 1), episodes + 1, random); // interior gaps get 1 more
        int t = gaps[0];
        for (int e = 0; e < episodes; e++) {
            for (int k = 0; k <= lengths[e]; k++) {
                a[t++] = true;
            }
            t += gaps[e + 1] + (e < episodes - 1 ? 1 : 0);
        }
        return a;
    }

    /** {@code total} split into {@code parts} non-negative parts, uniformly over all such splits (stars and bars). */
    static int[] composition(int total, int parts, SplittableRandom random) {
        if (total < 0) {
            throw new IllegalArgumentException("cannot split " + total + " into " + parts + " parts");
        }
        int slots = total + parts - 1;
        int[] bars = new int[parts - 1];
        // Floyd's sample of parts - 1 distinct slots out of `slots`.
        java.util.Set<Integer> chosen = new java.util.HashSet<>();
        for (int j = slots - (parts - 1); j < slots; j++) {
            int v = random.nextInt(j + 1);
            chosen.add(chosen.contains(v) ? j : v);
        }
        int b = 0;
        for (int v : chosen) {
            bars[b++] = v;
        }
        Arrays.sort(bars);
        int[] out = new int[parts];
        int previous = -1;
        for (int i = 0; i < bars.length; i++) {
            out[i] = bars[i] - previous - 1;
            previous = bars[i];
        }
        out[parts - 1] = slots - previous - 1;
        return out;
    }

    /** The matched random alarm's figures on each part (a fold: its scored rows and onsets), summed per draw. */
    public static RandomSummary matched(List<int[]> rows, List<int[]> onsets, List<EventMetrics> matchedTo,
                                        long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] warned = new double[DRAWS];
        double[] falsePerYear = new double[DRAWS];
        for (int d = 0; d < DRAWS; d++) {
            int w = 0;
            int counted = 0;
            int falseEpisodes = 0;
            int days = 0;
            for (int p = 0; p < rows.size(); p++) {
                EventMetrics target = matchedTo.get(p);
                boolean[] alarm = matchedRandom(rows.get(p).length, target.alarmDays(), target.alarmEpisodes(), random);
                EventMetrics e = EventMetrics.of(rows.get(p), alarm, onsets.get(p));
                w += e.warned();
                counted += e.onsets();
                falseEpisodes += e.falseEpisodes();
                days += e.scoredDays();
            }
            warned[d] = counted == 0 ? Double.NaN : (double) w / counted;
            falsePerYear[d] = falseEpisodes / (days / EventMetrics.DAYS_PER_YEAR);
        }
        return new RandomSummary(DRAWS, mean(warned), quantile(warned, 0.05), quantile(warned, 0.95),
                mean(falsePerYear), quantile(falsePerYear, 0.05), quantile(falsePerYear, 0.95));
    }

    /**
     * Circular block bootstrap over the scored days of each part (blocks of {@link BlockBootstrap#MIN_BLOCK}, within
     * each part): a false episode counts on its first day, an onset on the last scored day of its warning period,
     * and each day adds to the daily counts (signal day, alarm on a signal day, alarm on another day) that skill and
     * usefulness at {@code preference} are made of.
     */
    public static EventIntervals intervals(List<int[]> rows, List<boolean[]> alarms, List<int[]> onsets,
                                           double preference, int samples, long seed) {
        return intervals(rows, alarms, onsets, null, preference, samples, seed);
    }

    /**
     * As {@link #intervals(List, List, List, double, int, long)}; with {@code dates} (each part's scored days' dates)
     * the days are resampled on the parts' joint calendar ({@link BlockBootstrap.Calendar}): markets of one era share
     * their crises, so a date's days of every part are drawn together.
     */
    public static EventIntervals intervals(List<int[]> rows, List<boolean[]> alarms, List<int[]> onsets,
                                           List<List<java.time.LocalDate>> dates, double preference, int samples,
                                           long seed) {
        return intervals(rows, alarms, onsets, dates, preference, samples, seed, EventMetrics.STANDARD);
    }

    /** As {@link #intervals(List, List, List, List, double, int, long)}, with {@code warning}'s period. */
    public static EventIntervals intervals(List<int[]> rows, List<boolean[]> alarms, List<int[]> onsets,
                                           List<List<java.time.LocalDate>> dates, double preference, int samples,
                                           long seed, EventMetrics.Warning warning) {
        List<int[][]> daily = new java.util.ArrayList<>();
        for (int p = 0; p < rows.size(); p++) {
            daily.add(daily(rows.get(p), alarms.get(p), onsets.get(p), warning));
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[5][samples];
        // The parts' days, concatenated: one segment per part, resampled within it.
        int[] segments = daily.stream().mapToInt(d -> d[0].length).toArray();
        int[][] all = new int[DAILY][java.util.Arrays.stream(segments).sum()];
        int offset = 0;
        for (int[][] d : daily) {
            for (int k = 0; k < DAILY; k++) {
                System.arraycopy(d[k], 0, all[k], offset, d[k].length);
            }
            offset += d[0].length;
        }
        BlockBootstrap.Calendar calendar = dates == null ? null
                : BlockBootstrap.Calendar.of(dates.stream().flatMap(List::stream).toList());
        for (int s = 0; s < samples; s++) {
            long[] c = new long[DAILY];
            int days;
            if (calendar == null) {
                CircularBlocks.resample(segments, BlockBootstrap.MIN_BLOCK, random, i -> {
                    for (int k = 0; k < DAILY; k++) {
                        c[k] += all[k][i];
                    }
                });
                days = all[0].length;
            } else {
                int[] drawn = calendar.draw(BlockBootstrap.MIN_BLOCK, random);
                for (int i : drawn) {
                    for (int k = 0; k < DAILY; k++) {
                        c[k] += all[k][i];
                    }
                }
                days = drawn.length;
            }
            double years = days / EventMetrics.DAYS_PER_YEAR;
            int signal = (int) c[3];
            out[0][s] = c[1] == 0 ? Double.NaN : (double) c[2] / c[1];
            out[1][s] = c[0] / years;
            out[2][s] = signal == 0 || signal == days ? Double.NaN
                    : (double) c[4] / signal - (double) c[5] / (days - signal);
            out[3][s] = c[5] / years;
            out[4][s] = EventMetrics.relativeUsefulness(preference, signal, (int) c[4], days - signal, (int) c[5]);
        }
        return new EventIntervals(interval(out[0]), interval(out[1]), interval(out[2]), interval(out[3]),
                interval(out[4]));
    }

    /**
     * The 95% interval of relative usefulness at {@code preference} of alarms {@code a} minus alarms {@code b} on the
     * same days (paired: both read from each resample), circular blocks within each part as in {@link #intervals}.
     */
    public static Interval usefulnessDifference(List<int[]> rows, List<boolean[]> a, List<boolean[]> b,
                                                List<int[]> onsets, double preference, int samples, long seed) {
        int total = rows.stream().mapToInt(r -> r.length).sum();
        // Per day: signal day, a alarms, b alarms.
        boolean[] signal = new boolean[total];
        boolean[] alarmA = new boolean[total];
        boolean[] alarmB = new boolean[total];
        int[] segments = new int[rows.size()];
        int offset = 0;
        for (int p = 0; p < rows.size(); p++) {
            int[] r = rows.get(p);
            for (int i = 0; i < r.length; i++) {
                signal[offset + i] = EventMetrics.signal(onsets.get(p), r[i]);
                alarmA[offset + i] = a.get(p)[i];
                alarmB[offset + i] = b.get(p)[i];
            }
            segments[p] = r.length;
            offset += r.length;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[samples];
        for (int s = 0; s < samples; s++) {
            int[] c = new int[6]; // signal days, days, a on signal, a on quiet, b on signal, b on quiet
            CircularBlocks.resample(segments, BlockBootstrap.MIN_BLOCK, random, i -> {
                c[1]++;
                if (signal[i]) {
                    c[0]++;
                    c[2] += alarmA[i] ? 1 : 0;
                    c[4] += alarmB[i] ? 1 : 0;
                } else {
                    c[3] += alarmA[i] ? 1 : 0;
                    c[5] += alarmB[i] ? 1 : 0;
                }
            });
            int quiet = c[1] - c[0];
            out[s] = EventMetrics.relativeUsefulness(preference, c[0], c[2], quiet, c[3])
                    - EventMetrics.relativeUsefulness(preference, c[0], c[4], quiet, c[5]);
        }
        return interval(out);
    }

    private static Interval interval(double[] v) {
        return new Interval(quantile(v, 0.025), quantile(v, 0.975));
    }

    /** What {@link #daily} counts per scored day. */
    private static final int DAILY = 6;

    /**
     * Per scored day: {false episode starts here, counted onsets attributed here, warned onsets attributed here,
     * signal day, alarm on a signal day, alarm on another day}.
     */
    static int[][] daily(int[] rows, boolean[] alarm, int[] onsets, EventMetrics.Warning warning) {
        int n = rows.length;
        int[][] d = new int[DAILY][n];
        for (int i = 0; i < n; i++) {
            boolean signal = EventMetrics.signal(onsets, rows[i], warning);
            if (alarm[i] && (i == 0 || !alarm[i - 1]) && !signal) {
                d[0][i] = 1;
            }
            d[3][i] = signal ? 1 : 0;
            d[4][i] = signal && alarm[i] ? 1 : 0;
            d[5][i] = !signal && alarm[i] ? 1 : 0;
        }
        for (int e : onsets) {
            int from = lowerBound(rows, e - warning.maxLead());
            int to = lowerBound(rows, e - warning.minLead() + 1);
            if (from >= to) {
                continue;
            }
            d[1][to - 1]++;
            for (int i = from; i < to; i++) {
                if (alarm[i]) {
                    d[2][to - 1]++;
                    break;
                }
            }
        }
        return d;
    }

    private static int lowerBound(int[] a, int v) {
        int i = Arrays.binarySearch(a, v);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && a[i - 1] == v) {
            i--;
        }
        return i;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN);
    }

    private static double quantile(double[] v, double q) {
        double[] s = Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
        return s.length == 0 ? Double.NaN : s[Math.min(s.length - 1, (int) Math.floor(q * s.length))];
    }
}
