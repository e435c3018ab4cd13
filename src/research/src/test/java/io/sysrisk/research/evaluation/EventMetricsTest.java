package io.sysrisk.research.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        // Episode C: day 447 only, 3 days before the onset at 450: too late to warn it, so false.
        alarm[447] = true;
        int[] onsets = {150, 450};
        EventMetrics e = EventMetrics.of(rows, alarm, onsets);
        assertEquals(2, e.onsets());
        assertEquals(1, e.warned());
        assertArrayEquals(new int[] {50}, e.leads());
        assertEquals(3, e.alarmEpisodes());
        assertEquals(2, e.falseEpisodes());
        assertEquals(1.0, e.falseEpisodesPerYear(), 1e-12);
        assertEquals(8.0, e.alarmDaysPerYear(), 1e-12);
        assertEquals(16.0 / 504, e.alarmShare(), 1e-12);
        // Signal days: an onset 5-60 days ahead: 90..145 and 390..445 (56 each); alarms on them: 100..109.
        assertEquals(112, e.signalDays());
        assertEquals(10, e.signalAlarms());
        assertEquals(6, e.quietAlarms());
        // Relative usefulness at mu = 1/2: P1 = 112/504; loss = (T1 P1 + T2 P2) / 2 against min(P1, P2) / 2.
        double p1 = 112.0 / 504;
        double loss = 0.5 * (102.0 / 112) * p1 + 0.5 * (6.0 / 392) * (1 - p1);
        assertEquals(1 - loss / (0.5 * p1), e.relativeUsefulness(0.5), 1e-12);
        assertEquals((6.0 / 392) / (10.0 / 112), e.noiseToSignal(), 1e-12);
    }

    @Test
    void maskedDaysDoNotBreakEpisodesAndOnsetsBeforeTheDataAreNotCounted() {
        int[] rows = {10, 11, 12, 20, 21, 22}; // 13..19 masked
        boolean[] alarm = {true, true, true, true, true, false};
        EventMetrics e = EventMetrics.of(rows, alarm, new int[] {5, 200});
        assertEquals(0, e.onsets(), "no scored day 5-60 days before either onset");
        assertEquals(1, e.alarmEpisodes(), "an alarm on through a fall is one episode");
        EventMetrics pooled = EventMetrics.pooled(List.of(e, e));
        assertEquals(2, pooled.alarmEpisodes());
        assertEquals(12, pooled.scoredDays());
    }

    /** The audit's finding: an alarm that is always on warned every onset with almost no false episodes. */
    @Test
    void anAlwaysOnAlarmCannotLookUseful() {
        int[] rows = IntStream.range(0, 2520).toArray(); // ten years
        int[] onsets = {300, 800, 1500, 2200};
        boolean[] always = new boolean[rows.length];
        java.util.Arrays.fill(always, true);
        EventMetrics e = EventMetrics.of(rows, always, onsets);
        assertEquals(4, e.warned());
        assertEquals(1, e.alarmEpisodes());
        assertEquals(252.0, e.alarmDaysPerYear(), 1e-9, "its cost shows in alarm days");
        // The lead runs from the episode's first day, uncapped: 300 days for the first onset, not "60".
        assertArrayEquals(new int[] {300, 800, 1500, 2200}, e.leads());
        for (double mu : new double[] {0.3, 0.5, 0.7}) {
            assertTrue(e.relativeUsefulness(mu) <= 1e-12, "always on has no usefulness at mu " + mu);
        }
        // The same days alarmed once a year, long before each fall: every episode is false.
        boolean[] early = new boolean[rows.length];
        for (int e0 : onsets) {
            for (int t = e0 - 200; t < e0 - 4; t++) {
                early[t] = true;
            }
        }
        EventMetrics long0 = EventMetrics.of(rows, early, onsets);
        assertEquals(4, long0.warned());
        assertEquals(4, long0.falseEpisodes(), "a long alarm does not become true by lasting until the fall");
    }
}
