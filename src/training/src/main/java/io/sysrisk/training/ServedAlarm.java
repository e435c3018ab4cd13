package io.sysrisk.training;

import io.sysrisk.evaluation.AlarmThreshold;
import io.sysrisk.research.evaluation.AlarmThresholds;

/**
 * The served alarm rule, the one the training job writes into a manifest and the studies judge: a score's threshold
 * with the best relative usefulness at a preference on the calibration days ({@link CalibrationDays}, the report's
 * event definitions), adopted only when the lower 5% of that usefulness over resamples is above 0; otherwise the
 * reference rule, 20-day volatility at or above its 90th percentile over the training days.
 */
public final class ServedAlarm {

    /** The preference mu of the served alarm: misses and false alarms weigh the same (the evidence's served one). */
    public static final double PREFERENCE = io.sysrisk.research.evidence.Evidence.SERVED_PREFERENCE;

    /** The resampling stream of the threshold's bootstrap margin: fixed, so a threshold is reproducible. */
    public static final long THRESHOLD_SEED = 31;

    private ServedAlarm() {
    }

    /** The threshold of {@code calibrationScore} (one value per calibration window of {@code days}) at {@code mu}. */
    public static AlarmThreshold choose(double[] calibrationScore, CalibrationDays days, double mu) {
        return AlarmThresholds.choose(calibrationScore, days.signal(), days.segments(), mu, THRESHOLD_SEED);
    }

    /**
     * The days the rule alarms: {@code score} at or above the chosen threshold when it was adopted, else volatility
     * {@code vol} at or above {@code volP90}.
     */
    public static boolean[] alarm(AlarmThreshold choice, double[] score, double[] vol, double volP90) {
        return choice.adopted() ? at(score, choice.threshold()) : at(vol, volP90);
    }

    /** Alarm on the days whose score reaches {@code threshold}. */
    public static boolean[] at(double[] score, double threshold) {
        boolean[] alarm = new boolean[score.length];
        for (int i = 0; i < score.length; i++) {
            alarm[i] = score[i] >= threshold;
        }
        return alarm;
    }
}
