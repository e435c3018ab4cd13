package io.sysrisk.scoring;

import java.time.LocalDate;
import java.util.List;

/**
 * The model's answer for the window ending on {@code asOf}: probability, alert (probability >= threshold), and the
 * attention weight of each date of the window (oldest first, summing to 1).
 */
public record DatedScore(LocalDate asOf, double probability, boolean alert, List<LocalDate> windowDates,
                         double[] attention) {
}
