/**
 * Labelling a history with a {@link io.sysrisk.labels.LabelDefinition}
 * ({@link io.sysrisk.research.labels.Labeler}): labels look ahead, so they serve training, evaluation and the risk
 * page's past onsets, never a score. {@link io.sysrisk.research.labels.OnsetTermStructure} gives each window the
 * interval of its first onset, the term structure's target.
 *
 * <p>Uses {@code io.sysrisk.data} and {@code labels}.
 */
package io.sysrisk.research.labels;
