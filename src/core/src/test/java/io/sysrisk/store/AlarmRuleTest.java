package io.sysrisk.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.sysrisk.evaluation.AlarmThreshold;

/** The served alert follows the manifest's alarm rule: the model's adopted threshold, or the volatility fallback. */
class AlarmRuleTest {

    private static ModelManifest with(double threshold, ModelManifest.AlarmRule alarm) {
        return new ModelManifest(ModelManifest.FORMAT_VERSION, "v", null, null, null, null, null, null, null, null,
                null, threshold, null, null, null, null, null, null, null, null, alarm);
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
