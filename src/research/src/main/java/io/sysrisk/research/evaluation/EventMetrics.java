package io.sysrisk.research.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Early-warning figures of daily alarms against event onsets, as a risk committee reads them, defined so that an
 * alarm that is always on cannot look good. On the scored days of one market (row indices into its day series,
 * ascending; days inside a fall are masked, not scored):
 * <ul>
 *   <li><b>alarm episodes</b>: runs of alarm days over consecutive <em>scored</em> days: masked days in between do
 *       not end an episode (an alarm that stays on through a fall is one alarm, not a new one after it);</li>
 *   <li>an episode is <b>false</b> when no onset falls 5-60 days after its <em>first</em> day, however long it
 *       lasts: an alarm raised too early or too late is false, and a long one cannot become true by lasting until
 *       the next fall. False episodes per year = false episodes / (scored days / 252);</li>
 *   <li><b>onsets warned</b>: an onset e is warned when an alarm falls on a scored day in e-60..e-5 (at least a
 *       week ahead, at most three months); onsets whose warning period holds no scored day are not counted;</li>
 *   <li><b>lead time</b>: e minus the first day of the episode that warned it, in trading days, uncapped (an alarm
 *       that was on for a year before the fall has a lead of a year: that is what "median lead 60" hid);</li>
 *   <li><b>alarm days per year</b>, next to every count, since more alarm days buy more warned onsets;</li>
 *   <li>daily signal quality against "an onset 5-60 days ahead" (a <em>signal day</em>: one inside some onset's
 *       warning period): <b>hit rate</b> (share of signal days alarmed), <b>false-alarm rate</b> (share of the
 *       other days alarmed), their difference, the <b>Hanssen-Kuipers skill</b> ({@link #skill}: 0 for any alarm
 *       that ignores the future, whatever its share of alarm days, calendar and always-on alike), <b>false alarm
 *       days per year</b> (alarm days outside every warning period, each counted, not only an episode's first),
 *       <b>noise-to-signal ratio</b> (Kaminsky and
 *       Reinhart 1999) = false-alarm rate / hit rate, and <b>relative usefulness</b> at a preference mu
 *       ({@link #relativeUsefulness}: Alessi and Detken 2011, in Sarlin's 2013 relative form; 0 is the better of
 *       never and always alarming, 1 is perfect).</li>
 * </ul>
 */
public record EventMetrics(int scoredDays, int alarmDays, int onsets, int warned, int[] leads, int alarmEpisodes,
                           int falseEpisodes, int signalDays, int signalAlarms, int quietDays, int quietAlarms) {

    public static final int MIN_LEAD = 5;
    public static final int MAX_LEAD = 60;
    public static final double DAYS_PER_YEAR = 252;

    /**
     * When an alarm counts as a warning of an onset e: on a day in e-maxLead..e-minLead. The early-warning
     * table's is {@link #STANDARD} (5-60 days); a term structure's horizon H reads its own, 1..H, which makes a
     * signal day exactly a day labelled 1 at H.
     */
    public record Warning(int minLead, int maxLead) {
        public Warning {
            if (minLead < 1 || maxLead < minLead) {
                throw new IllegalArgumentException("a warning period of " + minLead + ".." + maxLead + " days");
            }
        }

        /** The warning period of an onset within {@code horizon} days: 1..horizon. */
        public static Warning within(int horizon) {
            return new Warning(1, horizon);
        }
    }

    /** The early-warning table's warning period: at least a week ahead, at most three months. */
    public static final Warning STANDARD = new Warning(MIN_LEAD, MAX_LEAD);

    public static EventMetrics of(int[] rows, boolean[] alarm, int[] onsets) {
        return of(rows, alarm, onsets, STANDARD);
    }

    /** As {@link #of(int[], boolean[], int[])} with another warning period. */
    public static EventMetrics of(int[] rows, boolean[] alarm, int[] onsets, Warning warning) {
        if (rows.length != alarm.length) {
            throw new IllegalArgumentException(rows.length + " rows, " + alarm.length + " alarms");
        }
        // The first day (row) of the episode each alarm day belongs to.
        int[] episodeStart = new int[rows.length];
        int episodes = 0;
        int falseEpisodes = 0;
        int alarmDays = 0;
        for (int i = 0; i < rows.length; i++) {
            if (!alarm[i]) {
                continue;
            }
            alarmDays++;
            if (i > 0 && alarm[i - 1]) {
                episodeStart[i] = episodeStart[i - 1];
            } else {
                episodeStart[i] = rows[i];
                episodes++;
                falseEpisodes += signal(onsets, rows[i], warning) ? 0 : 1;
            }
        }
        int counted = 0;
        int warned = 0;
        int[] leads = new int[onsets.length];
        for (int e : onsets) {
            int from = lowerBound(rows, e - warning.maxLead());
            int to = lowerBound(rows, e - warning.minLead() + 1); // exclusive
            if (from >= to) {
                continue;
            }
            counted++;
            for (int i = from; i < to; i++) {
                if (alarm[i]) {
                    leads[warned++] = e - episodeStart[i];
                    break;
                }
            }
        }
        int signal = 0;
        int signalAlarms = 0;
        int quiet = 0;
        int quietAlarms = 0;
        for (int k = 0; k < rows.length; k++) {
            if (signal(onsets, rows[k], warning)) {
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

    /** Whether day {@code row} is a signal day: an onset 5-60 days after it (the day an alarm should be on). */
    public static boolean signal(int[] onsets, int row) {
        return signal(onsets, row, STANDARD);
    }

    /** Whether an onset falls in {@code warning}'s period after day {@code row}. */
    public static boolean signal(int[] onsets, int row, Warning warning) {
        return onsetWithin(onsets, row + warning.minLead(), row + warning.maxLead());
    }

    /** {@link #signal} for each of {@code rows}, as 0/1. */
    public static int[] signals(int[] rows, int[] onsets) {
        return signals(rows, onsets, STANDARD);
    }

    /** {@link #signal(int[], int, Warning)} for each of {@code rows}, as 0/1. */
    public static int[] signals(int[] rows, int[] onsets, Warning warning) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = signal(onsets, rows[i], warning) ? 1 : 0;
        }
        return out;
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

    /** Hanssen-Kuipers skill: hit rate minus false-alarm rate, per day; NaN without signal or quiet days. */
    public double skill() {
        return hitRate() - falseAlarmRate();
    }

    /** Alarm days outside every onset's warning period, per year of scored days. */
    public double falseAlarmDaysPerYear() {
        return scoredDays == 0 ? Double.NaN : quietAlarms / years();
    }

    public double noiseToSignal() {
        double hit = hitRate();
        return hit > 0 ? falseAlarmRate() / hit : Double.NaN;
    }

    public double alarmDaysPerYear() {
        return scoredDays == 0 ? Double.NaN : alarmDays / years();
    }

    /** The q-quantile (0..1) of the lead times, by the nearest rank; NaN without a warned onset. */
    public double leadQuantile(double q) {
        if (leads.length == 0) {
            return Double.NaN;
        }
        int[] s = leads.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.floor(q * s.length))];
    }

    /** Relative usefulness at preference {@code mu} (weight on missed signals) of these days' alarms. */
    public double relativeUsefulness(double mu) {
        return relativeUsefulness(mu, signalDays, signalAlarms, quietDays, quietAlarms);
    }

    /**
     * Sarlin's relative usefulness: with T1 the share of signal days missed, T2 the share of quiet days alarmed and
     * P1 the share of signal days, the loss L = mu T1 P1 + (1 - mu) T2 (1 - P1) against min(mu P1, (1 - mu)(1 - P1)),
     * the loss of the better of never and always alarming: U = 1 - L / that. 0: no better than one of those, 1:
     * perfect, negative: worse. NaN without signal or quiet days.
     */
    public static double relativeUsefulness(double mu, int signalDays, int signalAlarms, int quietDays,
                                            int quietAlarms) {
        if (signalDays == 0 || quietDays == 0) {
            return Double.NaN;
        }
        double p1 = (double) signalDays / (signalDays + quietDays);
        double t1 = 1 - (double) signalAlarms / signalDays;
        double t2 = (double) quietAlarms / quietDays;
        double loss = mu * t1 * p1 + (1 - mu) * t2 * (1 - p1);
        return 1 - loss / Math.min(mu * p1, (1 - mu) * (1 - p1));
    }

    private static boolean onsetWithin(int[] onsets, int from, int to) {
        int k = lowerBound(onsets, from);
        return k < onsets.length && onsets[k] <= to;
    }

    /** First index whose value is >= v (values ascending). */
    static int lowerBound(int[] a, int v) {
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
