package io.sysrisk.evaluation;

/**
 * A model's metrics on validation and on the untouched test part, beside two trivial references on the same test
 * windows so that label persistence is not mistaken for skill:
 * <ul>
 *   <li>always-negative: never alerts (probability 0);</li>
 *   <li>persistence: alerts when today's 20-day realized volatility is above its 90th percentile over the training
 *       part; its ROC and PR curves rank by that volatility, its Brier score uses the 0/1 alert.</li>
 * </ul>
 * The record a manifest embeds; {@code io.sysrisk.research.evaluation.Evaluations.evaluate} computes it.
 */
public record EvaluationReport(Metrics validation, Metrics test, Metrics alwaysNegative, Metrics persistence,
                               double persistenceVolatilityThreshold) {
}
