package io.sysrisk.training;

import io.sysrisk.experiment.EpochStats;
import io.sysrisk.experiment.TrainConfig;

/**
 * Early stopping on the validation loss, or on validation PR-AUC when configured and the validation part has an event
 * (a part without events has no PR-AUC). Stops after {@code patience} epochs without improvement.
 */
final class EarlyStopping {

    private final boolean byPrAuc;
    private final int patience;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private int bestEpoch;
    private int sinceBest;

    EarlyStopping(TrainConfig cfg, int validationPositives) {
        this.byPrAuc = TrainConfig.SELECT_PR_AUC.equals(cfg.selection()) && validationPositives > 0;
        this.patience = cfg.patience();
    }

    /** Records an epoch's validation; true when it is the best so far. */
    boolean offer(EpochStats s) {
        double score = byPrAuc ? s.validationPrAuc() : -s.validationLoss();
        if (score > bestScore + 1e-9) {
            bestScore = score;
            bestEpoch = s.epoch();
            sinceBest = 0;
            return true;
        }
        sinceBest++;
        return false;
    }

    boolean stop() {
        return sinceBest >= patience;
    }

    int bestEpoch() {
        return bestEpoch;
    }

    String summary() {
        return String.format("validation %s %.3f", byPrAuc ? "PR-AUC" : "-loss", bestScore);
    }
}
