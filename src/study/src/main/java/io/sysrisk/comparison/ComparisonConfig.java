package io.sysrisk.comparison;

import java.util.List;

import io.sysrisk.model.Architecture;

/**
 * How much of the comparison to run. {@link #full()} is the report's; {@link #quick()} checks the whole pipeline in
 * well under a minute (tests, CI) and its numbers mean nothing.
 *
 * @param architectures  models trained on the experiment's windows
 * @param seeds          seeds per architecture (mean and spread across them)
 * @param maxEpochs      epoch cap per training run
 * @param patience       early-stopping patience
 * @param samples        bootstrap resamples per interval
 * @param windows        window lengths of the window ablation (reference model, first seed)
 * @param labels         horizon (days) and threshold pairs of the label ablation
 * @param walkForwardFrom first test year of the walk-forward evaluation (0: none)
 * @param crossMarket    train on the experiment's market, test on another
 * @param mode           "full" or "quick", written into the report
 */
public record ComparisonConfig(String mode, List<Architecture> architectures, List<Integer> seeds, int maxEpochs, int patience,
                               int samples, List<Integer> windows, List<double[]> labels, int walkForwardFrom,
                               boolean crossMarket) {

    public static ComparisonConfig full() {
        return new ComparisonConfig("full", List.of(Architecture.values()), List.of(1, 2, 3, 4, 5), 60, 8, 1000,
                List.of(20, 40, 90, 120), List.of(new double[] {10, 0.05}, new double[] {20, 0.10},
                new double[] {40, 0.10}), 2008, true);
    }

    public static ComparisonConfig quick() {
        return new ComparisonConfig("quick", List.of(Architecture.CNN_BILSTM_ATTENTION, Architecture.LOGISTIC), List.of(1, 2),
                2, 1, 50, List.of(40), List.of(new double[] {10, 0.05}), 2019, true);
    }
}
