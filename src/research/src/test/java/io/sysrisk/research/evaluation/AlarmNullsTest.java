package io.sysrisk.research.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The nulls keep an alarm's shape (alarm days, episodes) and lose its timing; per-day skill cannot be bought. */
class AlarmNullsTest {

    private static final int[] ROWS = IntStream.range(0, 5040).toArray();
    private static final int[] ONSETS = {400, 1300, 1500, 2600, 3100, 4000, 4700};

    /** Alarm on days e-40..e-10 before each onset: real timing. */
    private static boolean[] informed() {
        boolean[] a = new boolean[ROWS.length];
        for (int e : ONSETS) {
            for (int t = e - 40; t < e - 10; t++) {
                a[t] = true;
            }
        }
        return a;
    }

    @Test
    void evenlySpacedRunsAndCalendarAlarmsKeepTheShape() {
        EventMetrics runs = EventMetrics.of(ROWS, AlarmNulls.evenlySpaced(ROWS.length, 210, 7), ONSETS);
        assertEquals(210, runs.alarmDays());
        assertEquals(7, runs.alarmEpisodes());
        EventMetrics calendar = EventMetrics.of(ROWS, AlarmNulls.calendar(ROWS.length, 20), ONSETS);
        assertEquals(20, calendar.alarmDays());
        assertEquals(20, calendar.alarmEpisodes());
        // One alarm day every 252 days: 7 onsets can be "warned" by luck, but it has no per-day skill to speak of.
        assertTrue(Math.abs(calendar.skill()) < 0.02, "calendar skill " + calendar.skill());
    }

    @Test
    void anAlwaysOnAlarmHasNoSkill() {
        boolean[] on = new boolean[ROWS.length];
        java.util.Arrays.fill(on, true);
        EventMetrics e = EventMetrics.of(ROWS, on, ONSETS);
        assertEquals(1.0, e.warnedShare());
        assertEquals(0.0, e.skill(), 1e-12);
        assertEquals(0.0, e.relativeUsefulness(0.5) > 0 ? 1 : 0, "always on is never useful");
    }

    @Test
    void shiftsKeepAlarmDaysAndLoseTheTiming() {
        boolean[] a = informed();
        EventMetrics real = EventMetrics.of(ROWS, a, ONSETS);
        assertEquals(ONSETS.length, real.warned());
        assertTrue(real.skill() > 0.5, "real skill " + real.skill());
        for (int j = 0; j < AlarmNulls.SHIFTS; j += 37) {
            int k = AlarmNulls.shiftAmount(ROWS.length, j, AlarmNulls.SHIFTS);
            assertTrue(k >= AlarmNulls.MIN_SHIFT && k <= ROWS.length - AlarmNulls.MIN_SHIFT, "shift " + k);
            EventMetrics s = EventMetrics.of(ROWS, AlarmNulls.shift(a, k), ONSETS);
            assertEquals(real.alarmDays(), s.alarmDays());
            assertTrue(Math.abs(s.alarmEpisodes() - real.alarmEpisodes()) <= 1, "one run may wrap around the end");
        }
        AlarmNulls.ShiftSummary null0 = AlarmNulls.shifts(List.of(ROWS), List.of(a), List.of(ONSETS),
                List.of(new int[] {400, 3100}), 0.5);
        assertEquals(AlarmNulls.SHIFTS, null0.shifts());
        assertTrue(null0.skill()[2] < real.skill() - 0.3, "the shifts' 95th percentile " + null0.skill()[2]);
        assertTrue(null0.warnedShare()[0] <= null0.warnedShare()[1] && null0.warnedShare()[1] <= null0.warnedShare()[2]);
        assertTrue(null0.calmWarnedShare()[1] < 1, "the calm onsets' warned share under shifts");
        assertTrue(null0.usefulness()[2] < real.relativeUsefulness(0.5));
    }

    @Test
    void aMarketShorterThanTwoShiftsHasNone() {
        assertEquals(-1, AlarmNulls.shiftAmount(100, 0, 10));
        assertEquals(AlarmNulls.MIN_SHIFT, AlarmNulls.shiftAmount(500, 0, 10));
        assertEquals(500 - AlarmNulls.MIN_SHIFT, AlarmNulls.shiftAmount(500, 9, 10));
    }
}
