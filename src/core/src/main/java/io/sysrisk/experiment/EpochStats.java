package io.sysrisk.experiment;

/** One epoch's progress figures. */
public record EpochStats(int epoch, double trainLoss, double validationLoss, double validationF1,
                         double validationPrAuc, double seconds) {
}
