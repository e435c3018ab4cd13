/**
 * What the model predicts ({@link io.sysrisk.labels.LabelDefinition}, recorded in every manifest) and labelling a
 * history with it (labels look ahead: training and evaluation only).
 *
 * <p>Uses {@code data} only.
 */
package io.sysrisk.labels;
