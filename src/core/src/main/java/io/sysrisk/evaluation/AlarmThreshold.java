package io.sysrisk.evaluation;

/**
 * An alarm threshold chosen on validation days for the objective the report judges: the relative usefulness at
 * preference mu ({@code EventMetrics.relativeUsefulness}) of daily alarms against signal days (an onset 5-60 days
 * ahead), the event definitions of {@code EventMetrics}. "Never alarm" is a candidate, so a score with no skill
 * can say so; and a threshold is adopted only when the lower 5% of its validation usefulness over block-bootstrap
 * resamples (60-day blocks, within each market) is above 0. A score that is not adopted falls back to the
 * reference rule, and every report and manifest says so. The record a manifest embeds; the choice is made by
 * {@code io.sysrisk.research.evaluation.AlarmThresholds.choose}.
 *
 * @param preference  mu, the weight on missed signals (0.5: misses and false alarms weigh the same)
 * @param threshold   alarm when score >= threshold; +infinity: never
 * @param usefulness  its validation relative usefulness
 * @param lowerBound  the 5% quantile of that usefulness over the resamples
 * @param adopted     whether lowerBound > 0 (else: fall back to the reference rule)
 */
public record AlarmThreshold(double preference, double threshold, double usefulness, double lowerBound,
                             boolean adopted) {

    public static final double NEVER = Double.POSITIVE_INFINITY;
    public static final int BLOCK = 60;
    public static final int SAMPLES = 500;

    public boolean never() {
        return threshold == NEVER;
    }
}
