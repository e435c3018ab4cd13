package io.sysrisk.comparison;

/**
 * The studies' resampling streams, one seed per kind of figure: fixed, so a report is reproducible; distinct, so no
 * two kinds of figure share their resamples by accident. (The served alarm's threshold margin has its own,
 * {@link io.sysrisk.training.ServedAlarm#THRESHOLD_SEED}.)
 */
final class Resampling {

    /** A score's ROC-AUC and PR-AUC intervals. */
    static final long SCORE_INTERVALS = 17;
    /** Paired differences of two scores on the same windows. */
    static final long PAIRED_DIFFERENCES = 23;
    /** The onsets-out-of-calm stratum's intervals. */
    static final long CALM_STRATUM = 29;
    /** Random alarms matched to an alarm's days and episodes. */
    static final long MATCHED_RANDOM = 41;
    /** An event table row's intervals (skill, usefulness, warned share). */
    static final long EVENT_INTERVALS = 43;
    /** Proper scores' skill and calibration intervals. */
    static final long PROBABILITIES = 47;
    /** The error diagrams' circular shifts. */
    static final long ERROR_DIAGRAMS = 53;
    /** The alarms at each preference: each family's and the selection's usefulness, and their paired difference. */
    static final long PREFERENCE_ALARMS = 59;

    private Resampling() {
    }
}
