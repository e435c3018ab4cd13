package io.sysrisk.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /**
     * The detection limit read from graded strengths: the weakest input found, the strongest missed, and words that
     * do not claim a limit where detection is not monotone.
     */
    @Test
    void theDetectionLimitIsReadFromTheGradedStrengths() {
        PositiveControl.Result r = new PositiveControl.Result("full", "test", java.util.List.of(
                grade(0.5, 0.30, true), grade(1.0, 0.15, true), grade(2.0, 0.04, false), grade(4.0, 0.01, false)), 1);
        PositiveControl.DetectionLimit d = r.detectionLimit();
        assertEquals(0.15, d.smallestDetected(), 1e-12);
        assertEquals(1.0, d.detectedNoise());
        assertEquals(0.15, d.smallestFound(), 1e-12);
        assertEquals(0.04, d.largestMissed(), 1e-12);
        assertTrue(d.inWords().contains("+0.150") && d.inWords().contains("+0.040")
                && d.inWords().contains("lies between the two"), d.inWords());
        assertEquals(0.15, r.planted().alone().prVsVolatility().estimate(), 1e-12, "the headline is noise 1's");
        PositiveControl.DetectionLimit odd = new PositiveControl.Result("full", "test", java.util.List.of(
                grade(0.5, 0.30, false), grade(1.0, 0.15, true)), 1).detectionLimit();
        assertTrue(odd.inWords().contains("not monotone"), odd.inWords());
        PositiveControl.DetectionLimit all = new PositiveControl.Result("full", "test", java.util.List.of(
                grade(1.0, 0.15, true)), 1).detectionLimit();
        assertTrue(Double.isNaN(all.largestMissed()) && all.inWords().contains("at or below"), all.inWords());
        // Detected (held out above volatility) though one selection did not choose it: detected, not found.
        PositiveControl.Grade partly = grade(1.5, 0.05, true);
        PositiveControl.Arm p = partly.planted();
        partly = new PositiveControl.Grade(1.5, new PositiveControl.Arm(p.input(), p.recipe(),
                java.util.List.of("with", "anchored"), p.servedChoice(), p.bestEpochs(), p.prVsVolatility(),
                p.selectedStratifiedPrAuc(), p.volatilityStratifiedPrAuc(), p.alone()), partly.shuffled());
        PositiveControl.DetectionLimit weaker = new PositiveControl.Result("full", "test", java.util.List.of(
                grade(1.0, 0.15, true), partly), 1).detectionLimit();
        assertEquals(0.05, weaker.smallestDetected(), 1e-12);
        assertEquals(0.15, weaker.smallestFound(), 1e-12);
        assertTrue(weaker.inWords().contains("chosen by some selections only"), weaker.inWords());
    }

    /** A strength whose input alone gains {@code gain} over volatility, found or not by the study. */
    private static PositiveControl.Grade grade(double noise, double gain, boolean found) {
        io.sysrisk.research.evidence.Difference alone = new io.sysrisk.research.evidence.Difference(gain,
                new io.sysrisk.research.evidence.Interval(gain / 2, gain * 2));
        io.sysrisk.research.evidence.Difference held = new io.sysrisk.research.evidence.Difference(found ? 0.1 : 0,
                new io.sysrisk.research.evidence.Interval(found ? 0.05 : -0.05, 0.15));
        java.util.List<String> chosen = java.util.List.of("with", "with");
        PositiveControl.Arm planted = new PositiveControl.Arm("planted", "with", chosen, "with",
                java.util.List.of(java.util.List.of(3, 4)), held, 0.3, 0.2,
                new PositiveControl.InputAlone(0.7, 0.3, 0.6, 0.2, alone));
        PositiveControl.Arm shuffled = new PositiveControl.Arm("planted-shuffled", "with",
                java.util.List.of("anchored", "anchored"), "anchored", java.util.List.of(java.util.List.of(0, 0)),
                new io.sysrisk.research.evidence.Difference(0, new io.sysrisk.research.evidence.Interval(-0.05, 0.05)),
                0.2, 0.2, new PositiveControl.InputAlone(0.5, 0.2, 0.6, 0.2, alone));
        return new PositiveControl.Grade(noise, planted, shuffled);
    }
}
