package io.sysrisk.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Event figures on hand-made alarms, counted by hand. */
class EventMetricsTest {

    @Test
    void countsWarnedOnsetsLeadTimesAndFalseEpisodes() {
        int[] rows = IntStream.range(0, 504).toArray(); // two years of scored days
        boolean[] alarm = new boolean[rows.length];
        // Episode A: days 100..109, an onset at 150 follows (lead 50 from day 100): warned, a true episode.
        for (int t = 100; t < 110; t++) {
            alarm[t] = true;
        }
        // Episode B: days 300..304, nothing follows within 60 days: false.
        for (int t = 300; t < 305; t++) {
            alarm[t] = true;
        }
        // Episode C: day 447 only, 3 days before the onset at 450: too late to warn it, but not false either.
        alarm[447] = true;
        int[] onsets = {150, 450};
        EventMetrics e = EventMetrics.of(rows, alarm, onsets);
        assertEquals(2, e.onsets());
        assertEquals(1, e.warned());
        assertArrayEquals(new int[] {50}, e.leads());
        assertEquals(3, e.alarmEpisodes());
        assertEquals(1, e.falseEpisodes());
        assertEquals(0.5, e.falseEpisodesPerYear(), 1e-12);
        assertEquals(16.0 / 504, e.alarmShare(), 1e-12);
        // Signal days: an onset 5-60 days ahead: 90..145 and 390..445 (56 each); alarms on them: 100..109.
        assertEquals(112, e.signalDays());
        assertEquals(10, e.signalAlarms());
        assertEquals(6, e.quietAlarms());
        assertEquals(10.0 / 112 - 6.0 / 392, e.usefulness(), 1e-12);
        assertEquals((6.0 / 392) / (10.0 / 112), e.noiseToSignal(), 1e-12);
    }

    @Test
    void maskedDaysBreakEpisodesAndOnsetsBeforeTheDataAreNotCounted() {
        int[] rows = {10, 11, 12, 20, 21, 22}; // 13..19 masked
        boolean[] alarm = {true, true, true, true, true, false};
        EventMetrics e = EventMetrics.of(rows, alarm, new int[] {5, 200});
        assertEquals(0, e.onsets(), "no scored day 5-60 days before either onset");
        assertEquals(2, e.alarmEpisodes());
        EventMetrics pooled = EventMetrics.pooled(List.of(e, e));
        assertEquals(4, pooled.alarmEpisodes());
        assertEquals(12, pooled.scoredDays());
    }
}
