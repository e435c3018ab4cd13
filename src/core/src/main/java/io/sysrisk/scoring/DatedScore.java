package io.sysrisk.scoring;

import java.time.LocalDate;
import java.util.List;

/**
 * The model's answer for the window ending on {@code asOf}: probability, alert (by the manifest's alarm rule), the
 * attention weight of each date of the window (oldest first, summing to 1), and the reference the alarm rule and the
 * report compare against: the annualized 20-day realized volatility of the index on {@code asOf}. A feature window
 * scored on its own may be undated: {@code asOf} and {@code windowDates} are then null.
 *
 * @param termStructure a term-structure model's probability of an onset within each of its horizons
 *                      ({@code ModelManifest.horizons()}, non-decreasing); null for a one-horizon model
 */
public record DatedScore(LocalDate asOf, double probability, boolean alert, List<LocalDate> windowDates,
                         double[] attention, double volatility, double[] termStructure) {
}
