package io.sysrisk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.sysrisk.evaluation.AlarmThreshold;

/**
 * The served alert follows the manifest's alarm rule at the asked preference: the model's adopted threshold, the
 * volatility fallback, or a rule of the market's level.
 */
class AlarmRuleTest {

    private static ModelManifest with(double threshold, ModelManifest.AlarmRule alarm) {
        return with(threshold, alarm, null);
    }

    private static ModelManifest with(double threshold, ModelManifest.AlarmRule alarm,
                                      java.util.List<ModelManifest.PreferenceAlarm> alarms) {
        return new ModelManifest(ModelManifest.FORMAT_VERSION, "v", null, null, null, null, null, null, null, null,
                null, threshold, null, null, null, null, null, null, null, null, alarm, alarms);
    }

    @Test
    void eachPreferenceAlertsByItsOwnRule() {
        ModelManifest.AlarmRule memory = new ModelManifest.AlarmRule("drawdown-memory", -20,
                new AlarmThreshold(0.3, -20, 0.2, 0.1, true));
        ModelManifest.AlarmRule vol = new ModelManifest.AlarmRule(ModelManifest.AlarmRule.VOLATILITY, 0.25,
                new AlarmThreshold(0.5, 0.25, 0.1, 0.05, true));
        ModelManifest m = with(0.2, vol, java.util.List.of(
                new ModelManifest.PreferenceAlarm(0.3, memory, java.util.Map.of()),
                new ModelManifest.PreferenceAlarm(0.5, vol, java.util.Map.of())));
        assertEquals(java.util.List.of(0.3, 0.5), m.preferences());
        assertEquals(memory, m.alarmAt(0.3));
        assertEquals(vol, m.alarmAt(null), "no preference: the default's rule");
        assertTrue(m.alarmAt(0.3).alert(0.0, -20), "a drawdown day 20 days ago alarms");
        assertFalse(m.alarmAt(0.3).alert(1.0, -21), "the probability does not decide");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.alarmAt(0.9));
        assertTrue(e.getMessage().contains("[0.3, 0.5]"), e.getMessage());
    }

    @Test
    void aManifestWithoutPreferencesOffersOnlyItsDefault() {
        ModelManifest m = with(0.2, new ModelManifest.AlarmRule(ModelManifest.AlarmRule.MODEL, 0.2,
                new AlarmThreshold(0.5, 0.2, 0.3, 0.1, true)));
        assertEquals(java.util.List.of(0.5), m.preferences());
        assertEquals(m.alarm(), m.alarmAt(0.5));
        assertThrows(IllegalArgumentException.class, () -> m.alarmAt(0.7));
    }

    @Test
    void anAdoptedThresholdAlertsOnTheProbability() {
        ModelManifest m = with(0.2, new ModelManifest.AlarmRule(ModelManifest.AlarmRule.MODEL, 0.2,
                new AlarmThreshold(0.5, 0.2, 0.3, 0.1, true)));
        assertFalse(m.alertsByVolatility());
        assertTrue(m.alert(0.2, Double.NaN));
        assertFalse(m.alert(0.19, 5.0));
    }

    @Test
    void aThresholdNotAdoptedFallsBackToTheVolatilityRule() {
        ModelManifest m = with(0.2, new ModelManifest.AlarmRule(ModelManifest.AlarmRule.VOLATILITY, 0.25,
                new AlarmThreshold(0.5, 0.2, 0.01, -0.05, false)));
        assertTrue(m.alertsByVolatility());
        assertFalse(m.alert(0.99, 0.24), "the probability no longer decides");
        assertTrue(m.alert(0.01, 0.25));
    }

    @Test
    void olderManifestsKeepTheirThreshold() {
        ModelManifest m = with(0.3, null);
        assertTrue(m.alert(0.3, Double.NaN));
        assertFalse(m.alert(0.29, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new ModelManifest.AlarmRule("coin", 0.5, null));
    }
}
