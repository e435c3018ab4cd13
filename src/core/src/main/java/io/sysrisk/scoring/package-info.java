/**
 * Scoring market data with a stored model (features, windows, the model, dated scores), plausibility warnings, and
 * the seeded request mutations of the fuzz tests.
 *
 * <p>Uses {@code data}, {@code features}, {@code windows}, {@code inference}, {@code store}, and {@code evaluation}
 * for the volatility reference.
 */
package io.sysrisk.scoring;
