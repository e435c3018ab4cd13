/**
 * DJL blocks of the CNN-BiLSTM-attention network and its ensemble, the translator, saving and loading versions in
 * DJL, the engine self-check.
 *
 * <p>Uses the core and {@code model.baselines}.
 */
package io.sysrisk.model;
