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

    @Test
    void theMostUsefulAdoptedFamilyIsServedAndNoneWhenNoneIsAdopted() {
        java.util.Map<io.sysrisk.features.AlarmFamily, AlarmThreshold> choices = new java.util.LinkedHashMap<>();
        choices.put(io.sysrisk.features.AlarmFamily.MODEL, new AlarmThreshold(0.7, 0.2, 0.30, -0.01, false));
        choices.put(io.sysrisk.features.AlarmFamily.VOLATILITY, new AlarmThreshold(0.7, 0.25, 0.10, 0.02, true));
        choices.put(io.sysrisk.features.AlarmFamily.WORST_DRAWDOWN, new AlarmThreshold(0.7, 0.08, 0.15, 0.05, true));
        choices.put(io.sysrisk.features.AlarmFamily.TRAILING_RETURN, new AlarmThreshold(0.7, 0.1, 0.9, 0.5, true));
        io.sysrisk.store.ModelManifest.PreferenceAlarm a = ServedAlarm.select(0.7, choices);
        org.junit.jupiter.api.Assertions.assertEquals("worst-drawdown", a.rule().by(),
                "the most useful adopted candidate; the model's higher usefulness was not adopted, the trailing "
                        + "return is no candidate");
        org.junit.jupiter.api.Assertions.assertEquals(0.08, a.rule().threshold());
        org.junit.jupiter.api.Assertions.assertEquals(4, a.candidates().size(), "every choice is recorded");

        choices.replaceAll((f, c) -> new AlarmThreshold(c.preference(), c.threshold(), c.usefulness(), -0.01, false));
        io.sysrisk.store.ModelManifest.PreferenceAlarm none = ServedAlarm.select(0.7, choices);
        assertTrue(ServedAlarm.isNone(none));
        assertFalse(none.rule().alert(1.0, 1e9), "no alarm never alerts");
    }
}
