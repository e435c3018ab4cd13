package io.sysrisk.comparison;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import io.sysrisk.research.data.Markets;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;

/**
 * The machinery finds a planted signal and not its shuffled copy (quick mode: two outer folds, two inner folds,
 * four epochs): with the input, every selection keeps it, the anchored members leave the reference and the
 * held-out PR-AUC beats volatility with a paired interval above 0; shuffled in time, none of that.
 */
class PositiveControlTest {

    @Test
    void findsThePlantedInputAndNotItsShuffledCopy() {
        ModelManifest m = new ModelStore(Path.of("model-store")).manifest("any-index");
        PositiveControl.Result r = PositiveControl.run(LeaveOneMarketOut.Settings.control(), m.pooled(), m.model(),
                m.training().config(), Markets.embedded(), System.out::println);
        PositiveControl.Arm p = r.planted();
        assertTrue(p.alone().prVsVolatility().interval().above(0), "the input holds information beyond volatility: "
                + p.alone());
        assertTrue(p.chosenEverywhere(), "every selection keeps the planted input: " + p);
        assertTrue(p.leftTheReference(), "the anchored members leave epoch 0: " + p.bestEpochs());
        assertTrue(p.prVsVolatility().interval().above(0), "held out, above volatility: " + p.prVsVolatility());
        assertTrue(p.found());
        PositiveControl.Arm s = r.shuffled();
        assertFalse(s.alone().prVsVolatility().interval().above(0), "shuffled, the input holds nothing: " + s.alone());
        assertTrue(s.chosenNowhere(), "no selection keeps the shuffled input: " + s);
        assertFalse(s.prVsVolatility().interval().above(0), "shuffled, nothing above volatility: " + s.prVsVolatility());
        assertFalse(s.found());
    }
}
