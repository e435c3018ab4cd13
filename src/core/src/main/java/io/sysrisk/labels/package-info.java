/**
 * What the model predicts: {@link io.sysrisk.labels.LabelDefinition}, recorded in every manifest. Labelling a history
 * with it ({@code Labeler}: labels look ahead, for training, evaluation and the risk page's past onsets) is in
 * {@code io.sysrisk.research.labels} (the research module).
 *
 * <p>Uses {@code data} only.
 */
package io.sysrisk.labels;
