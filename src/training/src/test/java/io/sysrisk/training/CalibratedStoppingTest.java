package io.sysrisk.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.sysrisk.experiment.EpochStats;
import io.sysrisk.experiment.TrainConfig;

/**
 * Early stopping by the validation log loss after refitting Platt: it judges what calibration serves, so an epoch
 * that only rescales or shifts the logits neither wins nor loses, and one that ranks better wins even when its raw
 * class-weighted loss is worse.
 */
class CalibratedStoppingTest {

    private static final int N = 4000;

    private static int[] labels() {
        Random r = new Random(3);
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            y[i] = r.nextDouble() < 0.15 ? 1 : 0;
        }
        return y;
    }

    /** Logits that separate the classes by {@code d} standard deviations, seeded. */
    private static double[] logits(int[] y, double d, long seed) {
        Random r = new Random(seed);
        double[] z = new double[N];
        for (int i = 0; i < N; i++) {
            z[i] = d * y[i] + r.nextGaussian();
        }
        return z;
    }

    private static double calibrated(double[] z, int[] y) {
        return PlattScaling.logLoss(z, y, PlattScaling.fit(z, y));
    }

    @Test
    void anAffineChangeOfTheLogitsDoesNotMoveTheCriterion() {
        int[] y = labels();
        double[] z = logits(y, 1.0, 5);
        double[] moved = new double[N];
        for (int i = 0; i < N; i++) {
            moved[i] = 3.0 * z[i] - 2.5;
        }
        assertEquals(calibrated(z, y), calibrated(moved, y), 1e-9);
        // The raw log loss does move: what the class-weighted validation loss judged.
        assertTrue(Math.abs(PlattScaling.logLoss(z, y, new PlattScaling.Fit(1, 0))
                - PlattScaling.logLoss(moved, y, new PlattScaling.Fit(1, 0))) > 0.1);
    }

    @Test
    void theBetterRankingWinsWhateverItsScale() {
        int[] y = labels();
        double reference = calibrated(logits(y, 0.5, 5), y);
        // Epoch 1 ranks better (d 1.5 against 0.5) but its logits are stretched and shifted: its raw loss is worse.
        double[] better = logits(y, 1.5, 5);
        for (int i = 0; i < N; i++) {
            better[i] = 4 * better[i] + 3;
        }
        EarlyStopping byCalibrated = new EarlyStopping(TrainConfig.defaults()
                .withSelection(TrainConfig.SELECT_CALIBRATED_LOSS), 100);
        assertTrue(byCalibrated.needsCalibratedLoss());
        assertTrue(byCalibrated.offer(new EpochStats(0, Double.NaN, 1.0, 0, 0, 0), reference));
        assertTrue(byCalibrated.offer(new EpochStats(1, 0.9, 1.4, 0, 0, 0), calibrated(better, y)));
        assertEquals(1, byCalibrated.bestEpoch());
        EarlyStopping byLoss = new EarlyStopping(TrainConfig.defaults(), 100);
        assertFalse(byLoss.needsCalibratedLoss());
        byLoss.offer(new EpochStats(0, Double.NaN, 1.0, 0, 0, 0), Double.NaN);
        assertFalse(byLoss.offer(new EpochStats(1, 0.9, 1.4, 0, 0, 0), Double.NaN), "the raw loss keeps epoch 0");
        assertEquals(0, byLoss.bestEpoch());
    }
}
