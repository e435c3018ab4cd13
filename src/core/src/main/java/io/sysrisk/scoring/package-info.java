/**
 * Scoring market data with a stored model (features, windows, the model, dated scores) and plausibility warnings.
 * The fuzz tests' request mutations ({@code RequestMutations}) are in
 * {@code io.sysrisk.research.scoring} (the research module).
 *
 * <p>Uses {@code data}, {@code features}, {@code windows}, {@code inference}, {@code store}.
 */
package io.sysrisk.scoring;
