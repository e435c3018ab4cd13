package io.sysrisk.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Early-warning figures of daily alarms against event onsets, as a risk committee reads them. On the scored days of
 * one market (row indices into its day series, ascending; masked days are not scored and break alarm runs):
 * <ul>
 *   <li><b>onsets warned</b>: an onset e is warned when an alarm falls on a scored day in e-60..e-5 (at least a
 *       week ahead, at most three months); onsets whose warning period holds no scored day are not counted;</li>
 *   <li><b>lead time</b>: e minus the first alarm day in that period, in trading days (median over warned onsets);</li>
 *   <li><b>alarm episodes</b>: runs of consecutive alarm days; an episode is <b>false</b> when none of its days has an
 *       onset in the 60 days after it; false episodes per year = false episodes / (scored days / 252);</li>
 *   <li>daily signal quality against "an onset 5-60 days ahead": <b>noise-to-signal ratio</b> (Kaminsky and
 *       Reinhart 1999) = false-alarm rate / hit rate, and <b>relative usefulness</b> (Alessi and Detken 2011,
 *       preference 1/2) = 1 - missed share - false-alarm share = hit rate - false-alarm rate (0: no better than
 *       chance or silence, 1: perfect).</li>
 * </ul>
 */
public record EventMetrics(int scoredDays, int alarmDays, int onsets, int warned, int[] leads, int alarmEpisodes,
                           int falseEpisodes, int signalDays, int signalAlarms, int quietDays, int quietAlarms) {

    public static final int MIN_LEAD = 5;
    public static final int MAX_LEAD = 60;
    public static final double DAYS_PER_YEAR = 252;

    public static EventMetrics of(int[] rows, boolean[] alarm, int[] onsets) {
        if (rows.length != alarm.length) {
            throw new IllegalArgumentException(rows.length + " rows, " + alarm.length + " alarms");
        }
        int counted = 0;
        int warned = 0;
        int[] leads = new int[onsets.length];
        for (int e : onsets) {
            int from = lowerBound(rows, e - MAX_LEAD);
            int to = lowerBound(rows, e - MIN_LEAD + 1); // exclusive
            if (from >= to) {
                continue;
            }
            counted++;
            for (int i = from; i < to; i++) {
                if (alarm[i]) {
                    leads[warned++] = e - rows[i];
                    break;
                }
            }
        }
        int episodes = 0;
        int falseEpisodes = 0;
        int alarmDays = 0;
        int i = 0;
        while (i < rows.length) {
            if (!alarm[i]) {
                i++;
                continue;
            }
            boolean useful = false;
            int j = i;
            while (j < rows.length && alarm[j] && (j == i || rows[j] == rows[j - 1] + 1)) {
                useful |= onsetWithin(onsets, rows[j] + 1, rows[j] + MAX_LEAD);
                j++;
            }
            alarmDays += j - i;
            episodes++;
            falseEpisodes += useful ? 0 : 1;
            i = j;
        }
        int signal = 0;
        int signalAlarms = 0;
        int quiet = 0;
        int quietAlarms = 0;
        for (int k = 0; k < rows.length; k++) {
            if (onsetWithin(onsets, rows[k] + MIN_LEAD, rows[k] + MAX_LEAD)) {
                signal++;
                signalAlarms += alarm[k] ? 1 : 0;
            } else {
                quiet++;
                quietAlarms += alarm[k] ? 1 : 0;
            }
        }
        return new EventMetrics(rows.length, alarmDays, counted, warned, Arrays.copyOf(leads, warned), episodes,
                falseEpisodes, signal, signalAlarms, quiet, quietAlarms);
    }

    /** Several markets' figures added up (the median lead over all warned onsets). */
    public static EventMetrics pooled(List<EventMetrics> parts) {
        return new EventMetrics(parts.stream().mapToInt(EventMetrics::scoredDays).sum(),
                parts.stream().mapToInt(EventMetrics::alarmDays).sum(),
                parts.stream().mapToInt(EventMetrics::onsets).sum(), parts.stream().mapToInt(EventMetrics::warned).sum(),
                parts.stream().flatMapToInt(p -> IntStream.of(p.leads())).toArray(),
                parts.stream().mapToInt(EventMetrics::alarmEpisodes).sum(),
                parts.stream().mapToInt(EventMetrics::falseEpisodes).sum(),
                parts.stream().mapToInt(EventMetrics::signalDays).sum(),
                parts.stream().mapToInt(EventMetrics::signalAlarms).sum(),
                parts.stream().mapToInt(EventMetrics::quietDays).sum(),
                parts.stream().mapToInt(EventMetrics::quietAlarms).sum());
    }

    public double warnedShare() {
        return onsets == 0 ? Double.NaN : (double) warned / onsets;
    }

    public double medianLead() {
        if (leads.length == 0) {
            return Double.NaN;
        }
        int[] s = leads.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }

    public double years() {
        return scoredDays / DAYS_PER_YEAR;
    }

    public double falseEpisodesPerYear() {
        return scoredDays == 0 ? Double.NaN : falseEpisodes / years();
    }

    public double alarmShare() {
        return scoredDays == 0 ? Double.NaN : (double) alarmDays / scoredDays;
    }

    public double hitRate() {
        return signalDays == 0 ? Double.NaN : (double) signalAlarms / signalDays;
    }

    public double falseAlarmRate() {
        return quietDays == 0 ? Double.NaN : (double) quietAlarms / quietDays;
    }

    public double noiseToSignal() {
        double hit = hitRate();
        return hit > 0 ? falseAlarmRate() / hit : Double.NaN;
    }

    public double usefulness() {
        return hitRate() - falseAlarmRate();
    }

    private static boolean onsetWithin(int[] onsets, int from, int to) {
        int k = lowerBound(onsets, from);
        return k < onsets.length && onsets[k] <= to;
    }

    /** First index whose value is >= v (values ascending). */
    private static int lowerBound(int[] a, int v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
