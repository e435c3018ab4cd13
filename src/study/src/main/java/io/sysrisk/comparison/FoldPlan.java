package io.sysrisk.comparison;

import java.util.Map;

import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.research.experiment.PooledExperiment;
import io.sysrisk.training.Recipe;
import io.sysrisk.windows.WindowSet;

/**
 * What one outer fold decides before it trains anything but the selection: its experiments (one per set of inputs),
 * the networks it trains (the selection's pick, the plain and anchored networks), and per scored market its test
 * rows and windows: the held-out market, or, for the markets together (a walk-forward of several markets), every
 * market with a window in the fold's period. Made the same way where the fold trains and where it is judged.
 */
record FoldPlan(String name, PooledConfig config, FoldExperiments experiments, PooledExperiment exp,
                Map<String, Recipe> trainedRecipes, Recipe chosen, Map<String, int[]> scoredRows,
                Map<String, WindowSet> tests) {
}
