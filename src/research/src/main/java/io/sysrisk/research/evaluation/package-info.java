/**
 * Judging scores out of sample: event figures against onsets ({@link io.sysrisk.research.evaluation.EventMetrics}:
 * signal days, Hanssen-Kuipers skill, usefulness at a preference), alarm thresholds chosen on calibration days
 * ({@link io.sysrisk.research.evaluation.AlarmThresholds}), the uninformative alarms that keep an alarm honest
 * ({@link io.sysrisk.research.evaluation.AlarmNulls}), the references' indicators
 * ({@link io.sysrisk.research.evaluation.Indicators}) and a single-market model's evaluation report.
 *
 * <p>Uses {@code io.sysrisk.data}, {@code evaluation}, {@code features}, {@code inference}, {@code windows} and
 * {@code io.sysrisk.research.experiment}.
 */
package io.sysrisk.research.evaluation;
