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

    @Test
    void withTransferFiguresTheAdoptedFamilyThatTransfersBestIsServed() {
        java.util.Map<io.sysrisk.features.AlarmFamily, AlarmThreshold> choices = new java.util.LinkedHashMap<>();
        choices.put(io.sysrisk.features.AlarmFamily.MODEL, new AlarmThreshold(0.7, 0.2, 0.30, 0.10, true));
        choices.put(io.sysrisk.features.AlarmFamily.VOLATILITY, new AlarmThreshold(0.7, 0.25, 0.20, 0.02, true));
        choices.put(io.sysrisk.features.AlarmFamily.DRAWDOWN_MEMORY, new AlarmThreshold(0.7, -100, 0.25, -0.01, false));
        choices.put(io.sysrisk.features.AlarmFamily.WORST_DRAWDOWN, new AlarmThreshold(0.7, 0.08, 0.15, 0.05, true));
        java.util.Map<io.sysrisk.features.AlarmFamily, Double> transfer = new java.util.LinkedHashMap<>();
        // The model has no figure (not offered); drawdown memory transfers best but was not adopted.
        transfer.put(io.sysrisk.features.AlarmFamily.VOLATILITY, 0.03);
        transfer.put(io.sysrisk.features.AlarmFamily.DRAWDOWN_MEMORY, 0.20);
        transfer.put(io.sysrisk.features.AlarmFamily.WORST_DRAWDOWN, 0.09);
        io.sysrisk.store.ModelManifest.PreferenceAlarm a = ServedAlarm.select(0.7, choices, transfer);
        org.junit.jupiter.api.Assertions.assertEquals("worst-drawdown", a.rule().by(),
                "the best transfer among the adopted; the model's best usefulness where chosen does not count");
        org.junit.jupiter.api.Assertions.assertEquals(0.09, a.transfer().get("worst-drawdown"));
        org.junit.jupiter.api.Assertions.assertEquals(ServedAlarm.select(0.7, choices).rule().by(), "model",
                "without transfer figures, the most useful where chosen");

        transfer.replaceAll((f, u) -> -u);
        assertTrue(ServedAlarm.isNone(ServedAlarm.select(0.7, choices, transfer)),
                "no adopted family transfers above 0: no alarm");
    }

    @Test
    void aThresholdThatDoesNotCarryToAnotherMarketHasNoTransfer() {
        // Two markets over different years; both scores mark the signal days, but the second's is offset by 10 on
        // one market: its threshold chosen on one market alarms always or never on the other.
        int[] signal = signals();
        double[] carries = new double[N];
        double[] offset = new double[N];
        Random r = new Random(9);
        for (int t = 0; t < N; t++) {
            carries[t] = signal[t] + 0.1 * r.nextDouble();
            offset[t] = signal[t] + 0.1 * r.nextDouble();
        }
        double[] offsetAgain = offset.clone();
        for (int t = 0; t < N; t++) {
            offsetAgain[t] += 10;
        }
        ServedAlarm.InnerDays a1 = days(1990, carries, signal);
        ServedAlarm.InnerDays a2 = days(2010, carries, signal);
        double u = ServedAlarm.innerUsefulness(java.util.List.of(a1, a2), 0.5);
        assertTrue(u > 0.9, "a score whose threshold carries transfers: " + u);
        double v = ServedAlarm.innerUsefulness(java.util.List.of(days(1990, offset, signal),
                days(2010, offsetAgain, signal)), 0.5);
        assertTrue(v <= 0, "a threshold that does not carry: " + v);

        // Over the same years, each market's period excludes the other's days: nothing to judge by.
        assertTrue(Double.isNaN(ServedAlarm.innerUsefulness(java.util.List.of(days(1990, carries, signal),
                days(1990, carries, signal)), 0.5)), "no day outside the held-out market's period: no figure");
    }

    private static ServedAlarm.InnerDays days(int year, double[] values, int[] signal) {
        java.util.List<java.time.LocalDate> dates = new java.util.ArrayList<>();
        java.time.LocalDate d = java.time.LocalDate.of(year, 1, 1);
        for (int t = 0; t < values.length; t++) {
            dates.add(d.plusDays(t));
        }
        return new ServedAlarm.InnerDays(dates, values, signal);
    }
}
