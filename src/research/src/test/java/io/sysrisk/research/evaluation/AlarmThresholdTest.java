package io.sysrisk.research.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import io.sysrisk.evaluation.AlarmThreshold;

class AlarmThresholdTest {

    private static int[] signals(int n, int every, int length) {
        int[] s = new int[n];
        for (int t = 0; t < n; t++) {
            s[t] = t % every < length ? 1 : 0;
        }
        return s;
    }

    @Test
    void aScoreWithNoSignalFallsBack() {
        int n = 3000;
        int[] signal = signals(n, 300, 56);
        Random r = new Random(5);
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            noise[i] = r.nextDouble();
        }
        AlarmThreshold t = AlarmThresholds.choose(noise, signal, new int[] {n}, 0.5, 1);
        assertFalse(t.adopted(), t.toString());
        assertTrue(t.lowerBound() <= 0, t.toString());
    }

    @Test
    void aScoreThatKnowsIsAdoptedAtItsBestThreshold() {
        int n = 3000;
        int[] signal = signals(n, 300, 56);
        Random r = new Random(6);
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            score[i] = signal[i] + 0.5 * r.nextDouble(); // signal days all above 1, quiet days below 0.5
        }
        AlarmThreshold t = AlarmThresholds.choose(score, signal, new int[] {1000, 2000}, 0.5, 1);
        assertTrue(t.adopted(), t.toString());
        assertEquals(1.0, t.usefulness(), 1e-12);
        assertTrue(t.threshold() >= 1 && t.threshold() < 1.5, t.toString());
    }

    @Test
    void neverAlarmingWinsWhenEveryAlarmCostsMoreThanItWarns() {
        int n = 1000;
        int[] signal = signals(n, 100, 10);
        double[] inverse = new double[n];
        for (int i = 0; i < n; i++) {
            inverse[i] = 1 - signal[i]; // high exactly on quiet days
        }
        AlarmThreshold t = AlarmThresholds.choose(inverse, signal, new int[] {n}, 0.3, 1);
        assertTrue(t.never(), t.toString());
        assertFalse(t.adopted());
    }
}
