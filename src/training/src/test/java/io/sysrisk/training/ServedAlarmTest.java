package io.sysrisk.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.sysrisk.evaluation.AlarmThreshold;

/**
 * The one served-alarm rule: a score that marks the signal days is adopted and alarms by itself; a score with no
 * signal is not, and the alarm is the volatility rule. The training job and the studies both call it.
 */
class ServedAlarmTest {

    private static final int N = 3000;

    private static int[] signals() {
        int[] s = new int[N];
        for (int t = 0; t < N; t++) {
            s[t] = t % 300 < 56 ? 1 : 0;
        }
        return s;
    }

    @Test
    void anInformativeScoreAlarmsByItselfAndNoiseFallsBackToVolatility() {
        int[] signal = signals();
        CalibrationDays days = new CalibrationDays(signal, new int[] {N}, new double[N]);
        double[] informative = new double[N];
        double[] noise = new double[N];
        double[] vol = new double[N];
        Random r = new Random(5);
        for (int t = 0; t < N; t++) {
            informative[t] = signal[t] + 0.1 * r.nextDouble();
            noise[t] = r.nextDouble();
            vol[t] = (t % 100) / 100.0;
        }
        AlarmThreshold adopted = ServedAlarm.choose(informative, days, ServedAlarm.PREFERENCE);
        assertTrue(adopted.adopted(), adopted.toString());
        assertArrayEquals(ServedAlarm.at(informative, adopted.threshold()),
                ServedAlarm.alarm(adopted, informative, vol, 0.9));

        AlarmThreshold refused = ServedAlarm.choose(noise, days, ServedAlarm.PREFERENCE);
        assertFalse(refused.adopted(), refused.toString());
        assertArrayEquals(ServedAlarm.at(vol, 0.9), ServedAlarm.alarm(refused, noise, vol, 0.9));
    }
}
