package io.sysrisk.evaluation;

/**
 * A model's metrics on validation and on the untouched test part, beside two trivial references on the same test
 * windows so that label persistence is not mistaken for skill:
 * <ul>
 *   <li>always-negative: never alerts (probability 0);</li>
 *   <li>persistence: alerts when today's 20-day realized volatility is above its 90th percentile over the training
 *       part; its ROC and PR curves rank by that volatility, its Brier score uses the 0/1 alert.</li>
 * </ul>
 * The record a manifest embeds. The training job records the validation figures only (its evidence is the
 * report's); versions of the single-market job retired on 2026-12-04 hold every part.
 */
public record EvaluationReport(Metrics validation, Metrics test, Metrics alwaysNegative, Metrics persistence,
                               double persistenceVolatilityThreshold) {
}
