/**
 * Baseline networks for the comparisons: logistic, CNN, BiLSTM, Transformer, TCN.
 *
 * <p>Uses {@code model}.
 */
package io.sysrisk.model.baselines;
