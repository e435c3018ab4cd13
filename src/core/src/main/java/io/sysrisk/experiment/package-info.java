/**
 * Experiment definitions: the pooled any-index experiment (markets, era-wide hold-out), single-market experiments,
 * training configuration.
 *
 * <p>Uses {@code data}, {@code features}, {@code labels}, {@code windows}. Not needed to serve; still in the core
 * because manifests embed its records (issue 19).
 */
package io.sysrisk.experiment;
