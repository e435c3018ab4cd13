/**
 * Metrics, event figures (onsets warned, false alarms), alarm thresholds, references such as 20-day volatility.
 *
 * <p>Uses {@code data}, {@code features}, {@code windows}, {@code inference}, {@code experiment}. Serving reads only
 * {@code Indicators.volatility} and the records a manifest embeds.
 */
package io.sysrisk.evaluation;
