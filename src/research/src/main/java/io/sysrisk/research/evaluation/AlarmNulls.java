package io.sysrisk.research.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Alarms with no information that keep an alarm's shape, to stand beside it in an event table: whatever they
 * reach, an alarm must beat to show skill. On the scored days of one market (positions into its scored rows, as
 * {@link EventMetrics} reads them):
 * <ul>
 *   <li><b>evenly spaced runs</b>: the alarm's number of episodes, each of its mean length, spread evenly;</li>
 *   <li><b>calendar</b>: one alarm day per episode, spread evenly (an alarm every so many trading days);</li>
 *   <li><b>circular shifts</b>: the alarm's own sequence turned around the market's scored days by at least
 *       {@link #MIN_SHIFT} days either way: the same alarm days, runs and clustering, only not at the same time.</li>
 * </ul>
 * An alarm warns of what its timing warns of; these keep everything else.
 */
public final class AlarmNulls {

    /** A shift moves the alarm at least this far (the warning period's length), either way. */
    public static final int MIN_SHIFT = EventMetrics.MAX_LEAD;
    /** Shifts per market, spread evenly over every allowed shift. */
    public static final int SHIFTS = 200;

    /**
     * Quantiles (5%, 50%, 95%) over the shifts of the pooled figures: warned share of all onsets and of onsets out
     * of calm, Hanssen-Kuipers skill, false alarm days per year, false episodes per year, relative usefulness at
     * {@code preference}.
     */
    public record ShiftSummary(int shifts, double preference, double[] warnedShare, double[] calmWarnedShare,
                               double[] skill, double[] falseAlarmDaysPerYear, double[] falseEpisodesPerYear,
                               double[] usefulness) {
    }

    private AlarmNulls() {
    }

    /** {@code episodes} runs of {@code alarmDays} alarm days in all, of near-equal lengths, spread evenly over {@code days}. */
    public static boolean[] evenlySpaced(int days, int alarmDays, int episodes) {
        boolean[] a = new boolean[days];
        if (episodes <= 0 || alarmDays <= 0) {
            return a;
        }
        if (alarmDays > days || episodes > alarmDays) {
            throw new IllegalArgumentException(episodes + " runs of " + alarmDays + " alarm days in " + days + " days");
        }
        double spacing = (double) days / episodes;
        for (int e = 0; e < episodes; e++) {
            int length = alarmDays / episodes + (e < alarmDays % episodes ? 1 : 0);
            int start = (int) Math.floor(e * spacing + (spacing - length) / 2);
            for (int k = Math.max(0, start); k < Math.min(days, start + length); k++) {
                a[k] = true;
            }
        }
        return a;
    }

    /** One alarm day per episode, spread evenly over {@code days}. */
    public static boolean[] calendar(int days, int episodes) {
        return evenlySpaced(days, Math.min(days, episodes), Math.min(days, episodes));
    }

    /** {@code alarm} turned by {@code k} days: day i alarms when day i - k did (around the end). */
    public static boolean[] shift(boolean[] alarm, int k) {
        int n = alarm.length;
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[Math.floorMod(i + k, n)] = alarm[i];
        }
        return out;
    }

    /**
     * The {@code j}-th of {@code count} shifts of a market of {@code n} scored days: evenly spread over
     * {@link #MIN_SHIFT}..n - {@link #MIN_SHIFT}; -1 when the market is too short for any.
     */
    public static int shiftAmount(int n, int j, int count) {
        int span = n - 2 * MIN_SHIFT;
        if (span < 0) {
            return -1;
        }
        return count == 1 ? MIN_SHIFT + span / 2 : MIN_SHIFT + (int) Math.round((double) j * span / (count - 1));
    }

    /**
     * The circular-shift null of the alarms of several markets, pooled: shift j turns each market's alarm by its
     * j-th shift, and the pooled figures of that draw are taken. {@code calm} holds, per market, the onsets out of
     * calm (a subset of {@code onsets}).
     */
    public static ShiftSummary shifts(List<int[]> rows, List<boolean[]> alarms, List<int[]> onsets, List<int[]> calm,
                                      double preference) {
        return shifts(rows, alarms, onsets, calm, preference, EventMetrics.STANDARD);
    }

    /**
     * As {@link #shifts(List, List, List, List, double)}, the figures read with {@code warning}'s period. The
     * shifts stay at least {@link #MIN_SHIFT} days, longer than any horizon's warning period, so none keeps the
     * alarm's timing.
     */
    public static ShiftSummary shifts(List<int[]> rows, List<boolean[]> alarms, List<int[]> onsets, List<int[]> calm,
                                      double preference, EventMetrics.Warning warning) {
        if (warning.maxLead() > MIN_SHIFT) {
            throw new IllegalArgumentException("a warning period up to " + warning.maxLead()
                    + " days needs shifts longer than " + MIN_SHIFT);
        }
        List<double[]> draws = new ArrayList<>();
        for (int j = 0; j < SHIFTS; j++) {
            List<EventMetrics> parts = new ArrayList<>();
            int calmWarned = 0;
            int calmCounted = 0;
            for (int p = 0; p < rows.size(); p++) {
                int k = shiftAmount(rows.get(p).length, j, SHIFTS);
                if (k < 0) {
                    continue;
                }
                boolean[] shifted = shift(alarms.get(p), k);
                parts.add(EventMetrics.of(rows.get(p), shifted, onsets.get(p), warning));
                EventMetrics c = EventMetrics.of(rows.get(p), shifted, calm.get(p), warning);
                calmWarned += c.warned();
                calmCounted += c.onsets();
            }
            if (parts.isEmpty()) {
                break;
            }
            EventMetrics e = EventMetrics.pooled(parts);
            draws.add(new double[] {e.warnedShare(), calmCounted == 0 ? Double.NaN : (double) calmWarned / calmCounted,
                    e.skill(), e.falseAlarmDaysPerYear(), e.falseEpisodesPerYear(), e.relativeUsefulness(preference)});
        }
        double[][] q = new double[6][];
        for (int f = 0; f < 6; f++) {
            int k = f;
            q[f] = quantiles(draws.stream().mapToDouble(d -> d[k]).toArray());
        }
        return new ShiftSummary(draws.size(), preference, q[0], q[1], q[2], q[3], q[4], q[5]);
    }

    /** The 5%, 50% and 95% quantiles (nearest rank) of the values that are numbers. */
    static double[] quantiles(double[] v) {
        double[] s = Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (s.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        return new double[] {s[Math.min(s.length - 1, (int) Math.floor(0.05 * s.length))],
                s[Math.min(s.length - 1, (int) Math.floor(0.5 * s.length))],
                s[Math.min(s.length - 1, (int) Math.floor(0.95 * s.length))]};
    }
}
