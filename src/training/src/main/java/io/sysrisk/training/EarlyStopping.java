package io.sysrisk.training;

import io.sysrisk.experiment.EpochStats;
import io.sysrisk.experiment.TrainConfig;

/**
 * Early stopping on the figure {@link TrainConfig#selection()} names: the class-weighted validation loss, the
 * validation log loss after refitting Platt on the validation windows (what is served is calibrated, so the
 * criterion ignores what calibration undoes), or validation PR-AUC (a part without events has none: then the loss).
 * Stops after {@code patience} epochs without improvement.
 */
final class EarlyStopping {

    private final String criterion;
    private final int patience;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private int bestEpoch;
    private int sinceBest;

    EarlyStopping(TrainConfig cfg, int validationPositives) {
        this.criterion = TrainConfig.SELECT_PR_AUC.equals(cfg.selection()) && validationPositives == 0
                ? TrainConfig.SELECT_LOSS : cfg.selection();
        this.patience = cfg.patience();
    }

    /** Whether {@link #offer} needs the calibrated validation loss (it costs a Platt fit per epoch). */
    boolean needsCalibratedLoss() {
        return TrainConfig.SELECT_CALIBRATED_LOSS.equals(criterion);
    }

    /** Records an epoch's validation; true when it is the best so far. */
    boolean offer(EpochStats s, double calibratedLoss) {
        double score = switch (criterion) {
            case TrainConfig.SELECT_PR_AUC -> s.validationPrAuc();
            case TrainConfig.SELECT_CALIBRATED_LOSS -> -calibratedLoss;
            default -> -s.validationLoss();
        };
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
        return String.format("validation %s %.4f", switch (criterion) {
            case TrainConfig.SELECT_PR_AUC -> "PR-AUC";
            case TrainConfig.SELECT_CALIBRATED_LOSS -> "-calibrated log loss";
            default -> "-loss";
        }, bestScore);
    }
}
