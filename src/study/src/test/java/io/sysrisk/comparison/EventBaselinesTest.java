package io.sysrisk.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.sysrisk.research.evaluation.EventMetrics;
import io.sysrisk.research.evidence.EventIntervals;
import io.sysrisk.research.evidence.RandomSummary;

class EventBaselinesTest {

    @Test
    void theMatchedRandomAlarmHasTheSameAlarmDaysAndEpisodes() {
        int[] rows = IntStream.range(0, 2000).toArray();
        SplittableRandom random = new SplittableRandom(3);
        for (int draw = 0; draw < 50; draw++) {
            boolean[] a = EventBaselines.matchedRandom(2000, 400, 7, random);
            EventMetrics e = EventMetrics.of(rows, a, new int[0]);
            assertEquals(400, e.alarmDays());
            assertEquals(7, e.alarmEpisodes());
        }
        int[] parts = EventBaselines.composition(10, 4, random);
        assertEquals(10, IntStream.of(parts).sum());
    }

    /** Matched to an always-on alarm, the random alarm is always on too: "more than random" cannot be met by it. */
    @Test
    void anAlwaysOnAlarmCannotBeatItsMatchedRandomAlarm() {
        int[] rows = IntStream.range(0, 2520).toArray();
        int[] onsets = {300, 800, 1500, 2200};
        EventMetrics always = EventMetrics.of(rows, EventBaselines.alwaysOn(rows.length), onsets);
        RandomSummary r = EventBaselines.matched(List.of(rows), List.of(onsets), List.of(always), 1);
        assertEquals(EventBaselines.DRAWS, r.draws());
        assertEquals(always.warnedShare(), r.warned95(), 0.0);
        assertTrue(!(always.warnedShare() > r.warned95()));
    }

    @Test
    void eventIntervalsHoldTheEstimate() {
        int[] rows = IntStream.range(0, 2520).toArray();
        int[] onsets = {300, 800, 1500, 2200};
        boolean[] alarm = new boolean[rows.length];
        for (int e : onsets) {
            for (int t = e - 30; t < e - 10; t++) {
                alarm[t] = true;
            }
        }
        for (int t = 1000; t < 1010; t++) {
            alarm[t] = true; // one false episode
        }
        EventMetrics e = EventMetrics.of(rows, alarm, onsets);
        EventIntervals ci = EventBaselines.intervals(List.of(rows), List.of(alarm), List.of(onsets),
                0.5, 300, 2);
        assertTrue(ci.warnedShare().low() <= e.warnedShare() && e.warnedShare() <= ci.warnedShare().high());
        assertTrue(ci.falsePerYear().low() <= e.falseEpisodesPerYear() + 1e-9
                && e.falseEpisodesPerYear() <= ci.falsePerYear().high() + 1e-9, ci.toString());
        assertTrue(ci.skill().low() <= e.skill() && e.skill() <= ci.skill().high(), ci.toString());
        assertTrue(ci.skill().low() > 0, "an alarm on most warning days has skill: " + ci);
        assertTrue(ci.falseAlarmDaysPerYear().low() <= e.falseAlarmDaysPerYear()
                && e.falseAlarmDaysPerYear() <= ci.falseAlarmDaysPerYear().high(), ci.toString());
        assertTrue(ci.usefulness().low() <= e.relativeUsefulness(0.5)
                && e.relativeUsefulness(0.5) <= ci.usefulness().high(), ci.toString());
    }
}
