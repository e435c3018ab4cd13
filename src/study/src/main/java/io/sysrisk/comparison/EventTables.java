package io.sysrisk.comparison;

import static io.sysrisk.research.evidence.Evidence.ALWAYS_ON;
import static io.sysrisk.research.evidence.Evidence.CALENDAR;
import static io.sysrisk.research.evidence.Evidence.EVENLY_SPACED;
import static io.sysrisk.research.evidence.Evidence.PREFERENCES;
import static io.sysrisk.research.evidence.Evidence.VOLATILITY_P90;
import static io.sysrisk.research.evidence.Evidence.VOLATILITY_SAME_SHARE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.sysrisk.evaluation.AlarmThreshold;
import io.sysrisk.research.evaluation.AlarmNulls;
import io.sysrisk.research.evaluation.EventMetrics;
import io.sysrisk.research.evidence.Evidence.EventRow;
import io.sysrisk.research.evidence.Evidence.EventTable;
import io.sysrisk.research.evidence.Evidence.FoldResult;
import io.sysrisk.research.evidence.RandomSummary;
import io.sysrisk.training.CalibrationDays;
import io.sysrisk.training.ServedAlarm;

/**
 * The early-warning tables every study makes (leave-one-market-out, walk-forward, the term structure's per horizon):
 * each alarm rule's event figures beside the uninformative alarms that keep it honest, per fold and pooled.
 */
final class EventTables {

    private EventTables() {
    }

    /** A score on the test windows and on the fold's calibration windows (where its threshold is chosen). */
    record Scored(String name, double[] test, double[] calibration) {
    }

    /**
     * One fold's table at preference {@code mu}: each score alarming by the served rule with its threshold chosen on
     * the calibration days (the first score's alarm is the one the nulls are matched to), beside volatility at that
     * alarm's share, the reference rule, always on, evenly spaced runs, a calendar, and the alarm's circular shifts.
     */
    static EventTable of(EventDays days, List<Scored> scores, double[] vol, CalibrationDays cal, double volP90) {
        double mu = days.mu();
        int[] rows = days.rows();
        int[] onsets = days.onsets();
        int[] calm = days.calm();
        List<EventRow> out = new ArrayList<>();
        for (Scored sc : scores) {
            out.add(days.tuned(sc.name(), ServedAlarm.choose(sc.calibration(), cal, mu), sc.test(), vol, volP90));
        }
        EventRow served = out.get(0);
        // The model's alarm share on the test days, taken by volatility: who warns more for as many alarm days?
        double share = served.events().alarmShare();
        double[] sorted = vol.clone();
        Arrays.sort(sorted);
        int alarmed = (int) Math.round(share * vol.length);
        double sameShare = alarmed == 0 ? AlarmThreshold.NEVER : sorted[vol.length - alarmed];
        out.add(days.row(VOLATILITY_SAME_SHARE, "test alarm share " + pct(share), sameShare, null,
                alarmAt(vol, sameShare)));
        out.add(days.row(VOLATILITY_P90, "reference rule", volP90, null, alarmAt(vol, volP90)));
        out.add(days.row(ALWAYS_ON, "every day", Double.NEGATIVE_INFINITY, null, EventBaselines.alwaysOn(rows.length)));
        EventMetrics e = served.events();
        out.add(days.row(EVENLY_SPACED, e.alarmEpisodes() + " runs, " + e.alarmDays() + " alarm days", Double.NaN,
                null, AlarmNulls.evenlySpaced(rows.length, e.alarmDays(), e.alarmEpisodes())));
        out.add(days.row(CALENDAR, e.alarmEpisodes() == 0 ? "no alarm" : "one day every "
                        + Math.round((double) rows.length / e.alarmEpisodes()) + " scored days", Double.NaN, null,
                AlarmNulls.calendar(rows.length, e.alarmEpisodes())));
        RandomSummary random = EventBaselines.matched(List.of(rows), List.of(onsets),
                List.of(served.events()), Resampling.MATCHED_RANDOM);
        AlarmNulls.ShiftSummary shifts = AlarmNulls.shifts(List.of(rows), List.of(served.alarm()), List.of(onsets),
                List.of(calm), mu);
        return new EventTable(mu, out, random, shifts);
    }

    /**
     * The scored days of one event table: its preference, rows, onsets and onsets out of calm, the bootstrap's
     * resamples, and the warning period its figures are read with (the term structure's tables read each horizon's).
     */
    record EventDays(double mu, int[] rows, int[] onsets, int[] calm, int samples, EventMetrics.Warning warning) {

        /** A score alarming at its chosen threshold, or by the reference rule when the threshold was not adopted. */
        EventRow tuned(String name, AlarmThreshold choice, double[] score, double[] vol, double volP90) {
            boolean[] alarm = ServedAlarm.alarm(choice, score, vol, volP90);
            if (choice.adopted()) {
                return row(name, "adopted", choice.threshold(), choice, alarm);
            }
            return row(name, "not adopted" + (choice.never() ? " (never alarm was best)" : "")
                    + ": fallback to volatility > train p90", volP90, choice, alarm);
        }

        /** One alarm's row: its figures on these days, their intervals, and how many calm onsets it warned. */
        EventRow row(String name, String rule, double threshold, AlarmThreshold choice, boolean[] alarm) {
            EventMetrics c = EventMetrics.of(rows, alarm, calm, warning);
            return new EventRow(name, rule, threshold, choice, EventMetrics.of(rows, alarm, onsets, warning),
                    EventBaselines.intervals(List.of(rows), List.of(alarm), List.of(onsets), null, mu, samples, Resampling.EVENT_INTERVALS,
                            warning), c.onsets(), c.warned(), alarm);
        }
    }

    /** The rows of the onsets that {@code calm} marks. */
    static int[] calmRows(int[] onsets, boolean[] calm) {
        return java.util.stream.IntStream.range(0, onsets.length).filter(i -> calm[i]).map(i -> onsets[i]).toArray();
    }

    /**
     * The folds' tables at {@code PREFERENCES[preference]} pooled: counts added, intervals resampled within each
     * fold's market, or on the folds' joint calendar when {@code jointCalendar} (markets of one era).
     */
    static EventTable pooled(List<FoldResult> folds, int preference, boolean jointCalendar, int samples) {
        List<EventRow> rows = new ArrayList<>();
        List<int[]> days = folds.stream().map(FoldResult::rows).toList();
        List<int[]> onsets = folds.stream().map(FoldResult::onsets).toList();
        int count = folds.get(0).events().get(preference).rows().size();
        for (int r = 0; r < count; r++) {
            int k = r;
            List<EventRow> parts = folds.stream().map(f -> f.events().get(preference).rows().get(k)).toList();
            List<boolean[]> alarms = parts.stream().map(EventRow::alarm).toList();
            rows.add(new EventRow(parts.get(0).name(), pooledRule(parts), Double.NaN, null,
                    EventMetrics.pooled(parts.stream().map(EventRow::events).toList()),
                    EventBaselines.intervals(days, alarms, onsets, jointCalendar
                            ? folds.stream().map(FoldResult::dates).toList() : null, PREFERENCES[preference],
                            samples, Resampling.EVENT_INTERVALS),
                    parts.stream().mapToInt(EventRow::calmOnsets).sum(),
                    parts.stream().mapToInt(EventRow::calmWarned).sum(), null));
        }
        RandomSummary random = EventBaselines.matched(days, onsets,
                folds.stream().map(f -> f.events().get(preference).rows().get(0).events()).toList(), Resampling.MATCHED_RANDOM);
        AlarmNulls.ShiftSummary shifts = AlarmNulls.shifts(days,
                folds.stream().map(f -> f.events().get(preference).rows().get(0).alarm()).toList(), onsets,
                folds.stream().map(f -> calmRows(f.onsets(), f.calmOnsets())).toList(), PREFERENCES[preference]);
        return new EventTable(PREFERENCES[preference], rows, random, shifts);
    }

    /** How one row's alarm was made over several folds: the folds' rule if they share one, else how many adopted. */
    static String pooledRule(List<EventRow> parts) {
        return parts.stream().map(EventRow::rule).distinct().count() == 1 ? parts.get(0).rule()
                : parts.get(0).choice() == null ? "per fold, as above"
                : parts.stream().filter(p -> p.rule().equals("adopted")).count() + " of " + parts.size()
                + " folds adopted";
    }

    /** Alarm on the days whose score reaches {@code threshold}. */
    static boolean[] alarmAt(double[] score, double threshold) {
        return ServedAlarm.at(score, threshold);
    }

    private static String pct(double v) {
        return String.format(java.util.Locale.ROOT, "%.0f%%", 100 * v);
    }

}
