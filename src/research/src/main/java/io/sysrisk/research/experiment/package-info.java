/**
 * Experiments: the pooled any-index experiment every study and the training job prepare
 * ({@link io.sysrisk.research.experiment.PooledExperiment}), walk-forward plans
 * ({@link io.sysrisk.research.experiment.WalkForward}), where a model's data comes from
 * ({@link io.sysrisk.research.experiment.DataSpec}) and the positive control's planted input
 * ({@link io.sysrisk.research.experiment.PlantedInput}). Labels look ahead, so every split here is chronological with
 * an embargo of at least the label's horizon.
 *
 * <p>Uses {@code io.sysrisk.data}, {@code experiment}, {@code features}, {@code labels}, {@code store},
 * {@code windows}, {@code io.sysrisk.research.data} and {@code io.sysrisk.research.labels}.
 */
package io.sysrisk.research.experiment;
