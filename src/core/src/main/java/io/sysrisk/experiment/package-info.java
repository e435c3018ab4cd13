/**
 * The training records a manifest embeds: {@link io.sysrisk.experiment.TrainConfig},
 * {@link io.sysrisk.experiment.PooledConfig}, {@link io.sysrisk.experiment.EpochStats}. The experiments themselves
 * (the pooled any-index experiment, single-market experiments, rebuilding one from a manifest) are in
 * {@code io.sysrisk.research.experiment} (the research module).
 *
 * <p>Uses {@code features}, {@code labels} and {@code windows} (a pooled config names its features, label and clip).
 */
package io.sysrisk.experiment;
