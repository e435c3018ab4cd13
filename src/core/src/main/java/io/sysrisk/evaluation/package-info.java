/**
 * The evaluation records a manifest embeds ({@link io.sysrisk.evaluation.EvaluationReport},
 * {@link io.sysrisk.evaluation.Metrics}, {@link io.sysrisk.evaluation.AlarmThreshold}) and the metrics' arithmetic.
 * Computing reports, event figures, alarm thresholds and references is in
 * {@code io.sysrisk.research.evaluation} (the research module).
 *
 * <p>Uses nothing else of sysrisk.
 */
package io.sysrisk.evaluation;
