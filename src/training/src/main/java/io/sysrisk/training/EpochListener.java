package io.sysrisk.training;

import io.sysrisk.experiment.EpochStats;

/**
 * Told after each epoch's validation, in the order given to {@link ModelTrainer#train}: the early stopping
 * decides first ({@link EarlyStopping}), then the checkpoint ({@link BestCheckpoint}) and the progress line
 * ({@link ProgressLog}) act on its verdict. DJL's {@code TrainingListener} idea for sysrisk's own epoch loop.
 */
interface EpochListener {

    /** @param best whether this epoch is the best so far (the one training will restore) */
    void onEpoch(EpochStats stats, boolean best);
}
