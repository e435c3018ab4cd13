package io.sysrisk.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sysrisk.evaluation.AlarmThreshold;
import io.sysrisk.features.AlarmFamily;
import io.sysrisk.research.evaluation.AlarmThresholds;
import io.sysrisk.research.experiment.PooledExperiment;
import io.sysrisk.store.ModelManifest;

/**
 * The served alarm rule, the one the training job writes into a manifest and the studies judge: a score's threshold
 * with the best relative usefulness at a preference on the calibration days ({@link CalibrationDays}, the report's
 * event definitions), adopted only when the lower 5% of that usefulness over resamples is above 0; otherwise the
 * reference rule, 20-day volatility at or above its 90th percentile over the training days. At each preference the
 * family is chosen too ({@link #select}): of the {@link #CANDIDATES} whose thresholds were adopted, the one most
 * useful where its threshold was chosen, else no alarm.
 */
public final class ServedAlarm {

    /** The preference mu of the served alarm: misses and false alarms weigh the same (the evidence's served one). */
    public static final double PREFERENCE = io.sysrisk.research.evidence.Evidence.SERVED_PREFERENCE;

    /** The resampling stream of the threshold's bootstrap margin: fixed, so a threshold is reproducible. */
    public static final long THRESHOLD_SEED = 31;

    private ServedAlarm() {
    }

    /**
     * The families an alarm may be served by, in the order ties go: the model's score first, then the simple rules
     * of the market's level. The trailing return is measured beside them, not offered.
     */
    public static final List<AlarmFamily> CANDIDATES = List.of(AlarmFamily.MODEL, AlarmFamily.VOLATILITY,
            AlarmFamily.DRAWDOWN_MEMORY, AlarmFamily.WORST_DRAWDOWN);

    /**
     * Each of {@code families}' threshold at each of {@code mus} (one map per preference): the model's on the
     * calibration days, from {@code calibrationProbability} (its weights never saw them; its Platt scaling did); each
     * rule of the market's level on every day the experiment may learn from ({@link CalibrationDays#training}): a
     * rule with one number to choose gains from the longest history (the calibration part alone holds a handful of
     * onsets), and no day of a held-out market's period is among them.
     */
    public static List<Map<AlarmFamily, AlarmThreshold>> choices(PooledExperiment exp, List<AlarmFamily> families,
                                                                 double[] calibrationProbability, double[] mus) {
        CalibrationDays cal = CalibrationDays.of(exp);
        CalibrationDays training = CalibrationDays.training(exp);
        Map<AlarmFamily, double[]> values = new LinkedHashMap<>();
        for (AlarmFamily f : families) {
            values.put(f, f == AlarmFamily.MODEL ? calibrationProbability : CalibrationDays.trainingValues(exp, f));
        }
        List<Map<AlarmFamily, AlarmThreshold>> out = new java.util.ArrayList<>();
        for (double mu : mus) {
            Map<AlarmFamily, AlarmThreshold> m = new LinkedHashMap<>();
            values.forEach((f, v) -> m.put(f, v == null ? null : choose(v, f == AlarmFamily.MODEL ? cal : training,
                    mu)));
            out.add(m);
        }
        return out;
    }

    /**
     * The served alarm at {@code mu} from each candidate's choice ({@link #choices}): of those adopted, the one
     * with the best usefulness where it was chosen (ties: the earlier in {@link #CANDIDATES}); when none was adopted,
     * no alarm ({@link AlarmFamily#NONE}, recording the model's choice): no rule showed it beats never alarming at
     * this preference. (The former fallback, volatility above its training 90th percentile whatever the
     * preference, did worse than none at preference 0.3 on the study's held-out markets: a choice made after seeing
     * them, which docs/evidence.md says.)
     */
    public static ModelManifest.PreferenceAlarm select(double mu, Map<AlarmFamily, AlarmThreshold> choices) {
        AlarmFamily best = null;
        for (AlarmFamily f : CANDIDATES) {
            AlarmThreshold c = choices.get(f);
            if (c != null && c.adopted() && (best == null || c.usefulness() > choices.get(best).usefulness())) {
                best = f;
            }
        }
        Map<String, AlarmThreshold> byId = new LinkedHashMap<>();
        choices.forEach((f, c) -> byId.put(f.id(), c));
        ModelManifest.AlarmRule rule = best == null
                ? new ModelManifest.AlarmRule(AlarmFamily.NONE.id(), 0, choices.get(AlarmFamily.MODEL))
                : new ModelManifest.AlarmRule(best.id(), choices.get(best).threshold(), choices.get(best));
        return new ModelManifest.PreferenceAlarm(mu, rule, byId);
    }

    /** Whether {@code alarm} is no alarm (no candidate adopted), not a chosen family's threshold. */
    public static boolean isNone(ModelManifest.PreferenceAlarm alarm) {
        return alarm.rule().family() == AlarmFamily.NONE;
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
