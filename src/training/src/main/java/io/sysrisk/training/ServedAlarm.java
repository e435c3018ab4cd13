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
 * The served alarm rule, the one the training job writes into a manifest and the studies judge. Each family's
 * threshold is chosen for relative usefulness at a preference ({@link #choices}: the model's on the calibration days,
 * the rules of the index level on every training day) and adopted only when the lower 5% of that usefulness over
 * resamples is above 0. The family is then picked by how its thresholds <em>transfer</em> ({@link #transfer}): an
 * inner leave-one-market-out over the training markets, each market judged with the thresholds chosen on the others
 * (its period excluded from them). Of the adopted families with a transfer above 0, the best is served ({@link
 * #select}), else no alarm.
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
     * The served alarm at {@code mu} without transfer figures ({@link #select(double, Map, Map)} with none): of the
     * adopted candidates, the one most useful where it was chosen.
     */
    public static ModelManifest.PreferenceAlarm select(double mu, Map<AlarmFamily, AlarmThreshold> choices) {
        return select(mu, choices, Map.of());
    }

    /**
     * The served alarm at {@code mu} from each candidate's choice ({@link #choices}) and its transfer ({@link
     * #transfer}). With transfer figures: of the candidates adopted where chosen <em>and</em> with a transfer above 0,
     * the one with the best transfer; a candidate without a figure is not offered. Without any (a model of one market:
     * nothing to hold out), the adopted candidate most useful where chosen. Ties: the earlier in {@link #CANDIDATES}.
     * When no candidate qualifies, no alarm ({@link AlarmFamily#NONE}, recording the model's choice).
     *
     * <p>Why transfer decides (said in docs/evidence.md): chosen by usefulness where chosen, the study's folds picked
     * drawdown memory in some and the worst drawdown in others at preference 0.7 and lost, on the held-out markets,
     * what one family kept: a family's usefulness on the days its threshold was fitted to does not say how it does on
     * a market it was not. (The former fallback, volatility above its training 90th percentile whatever the
     * preference, did worse than no alarm at 0.3; both revisions were made after seeing held-out figures.)
     */
    public static ModelManifest.PreferenceAlarm select(double mu, Map<AlarmFamily, AlarmThreshold> choices,
                                                       Map<AlarmFamily, Double> transfer) {
        boolean judged = !transfer.isEmpty();
        AlarmFamily best = null;
        for (AlarmFamily f : CANDIDATES) {
            AlarmThreshold c = choices.get(f);
            if (c == null || !c.adopted()) {
                continue;
            }
            if (judged) {
                Double t = transfer.get(f);
                if (t != null && t > 0 && (best == null || t > transfer.get(best))) {
                    best = f;
                }
            } else if (best == null || c.usefulness() > choices.get(best).usefulness()) {
                best = f;
            }
        }
        Map<String, AlarmThreshold> byId = new LinkedHashMap<>();
        choices.forEach((f, c) -> byId.put(f.id(), c));
        Map<String, Double> transferById = null;
        if (judged) {
            transferById = new LinkedHashMap<>();
            for (Map.Entry<AlarmFamily, Double> e : transfer.entrySet()) {
                transferById.put(e.getKey().id(), e.getValue());
            }
        }
        ModelManifest.AlarmRule rule = best == null
                ? new ModelManifest.AlarmRule(AlarmFamily.NONE.id(), 0, choices.get(AlarmFamily.MODEL))
                : new ModelManifest.AlarmRule(best.id(), choices.get(best).threshold(), choices.get(best));
        return new ModelManifest.PreferenceAlarm(mu, rule, byId, transferById);
    }

    /**
     * Each of {@code families}' transfer at each of {@code mus} (one map per preference, a family without a figure
     * absent): an inner leave-one-market-out over {@code exp}'s markets. Each market in turn is judged with the
     * threshold the family would choose ({@link AlarmThresholds#best}, no margin) on the other markets' days outside
     * its period (its era is in none of the fit); the counts of signal days alarmed and quiet days alarmed are added
     * over the judged markets and give one relative usefulness. The rules of the index level are judged on every
     * training day ({@link CalibrationDays#trainingRows}); the model on the calibration days only, from {@code
     * calibrationProbability} (its weights saw the others): without them (null), it gets no figure and is not
     * offered. A market with no other market's day outside its period is not judged, so markets of one era (a
     * walk-forward of contemporaneous markets, whose calibration parts share their last months) may leave a family,
     * most often the model, without a figure: it is then not offered. Empty maps when fewer than two markets have
     * days (nothing to hold out).
     */
    public static List<Map<AlarmFamily, Double>> transfer(PooledExperiment exp, List<AlarmFamily> families,
                                                          double[] calibrationProbability, double[] mus) {
        Map<AlarmFamily, List<InnerDays>> days = new LinkedHashMap<>();
        for (AlarmFamily f : families) {
            List<InnerDays> d = f == AlarmFamily.MODEL ? modelDays(exp, calibrationProbability) : ruleDays(exp, f);
            if (d != null && d.size() >= 2) {
                days.put(f, d);
            }
        }
        List<Map<AlarmFamily, Double>> out = new java.util.ArrayList<>();
        for (double mu : mus) {
            Map<AlarmFamily, Double> m = new LinkedHashMap<>();
            days.forEach((f, d) -> {
                double u = innerUsefulness(d, mu);
                if (!Double.isNaN(u)) {
                    m.put(f, u);
                }
            });
            out.add(m);
        }
        return out;
    }

    /** One market's days of an inner judgement: their dates, the family's values and whether each is a signal day. */
    record InnerDays(List<java.time.LocalDate> dates, double[] values, int[] signal) {
        java.time.LocalDate first() {
            return dates.get(0);
        }

        java.time.LocalDate last() {
            return dates.get(dates.size() - 1);
        }
    }

    /** The pooled usefulness at {@code mu} of each market judged by the threshold chosen on the others. */
    static double innerUsefulness(List<InnerDays> markets, double mu) {
        int signals = 0;
        int hits = 0;
        int quiet = 0;
        int falseAlarms = 0;
        for (InnerDays k : markets) {
            List<Double> values = new java.util.ArrayList<>();
            List<Integer> signal = new java.util.ArrayList<>();
            for (InnerDays m : markets) {
                if (m == k) {
                    continue;
                }
                for (int i = 0; i < m.values().length; i++) {
                    java.time.LocalDate d = m.dates().get(i);
                    if (d.isBefore(k.first()) || d.isAfter(k.last())) {
                        values.add(m.values()[i]);
                        signal.add(m.signal()[i]);
                    }
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            double threshold = AlarmThresholds.best(values.stream().mapToDouble(Double::doubleValue).toArray(),
                    signal.stream().mapToInt(Integer::intValue).toArray(), mu)[0];
            for (int i = 0; i < k.values().length; i++) {
                boolean alarm = k.values()[i] >= threshold;
                if (k.signal()[i] == 1) {
                    signals++;
                    hits += alarm ? 1 : 0;
                } else {
                    quiet++;
                    falseAlarms += alarm ? 1 : 0;
                }
            }
        }
        return io.sysrisk.research.evaluation.EventMetrics.relativeUsefulness(mu, signals, hits, quiet, falseAlarms);
    }

    /** Each market's training days with {@code family}'s values (the rules' days of {@link #choices}). */
    private static List<InnerDays> ruleDays(PooledExperiment exp, AlarmFamily family) {
        List<InnerDays> out = new java.util.ArrayList<>();
        for (PooledExperiment.MarketPart m : exp.markets()) {
            int[] rows = CalibrationDays.trainingRows(m);
            if (rows.length > 0) {
                out.add(innerDays(exp, m, rows, io.sysrisk.research.evaluation.Indicators.slice(
                        family.daily(m.market().data()), rows)));
            }
        }
        return out;
    }

    /** Each market's calibration days with the model's probabilities, split from the pooled calibration order. */
    private static List<InnerDays> modelDays(PooledExperiment exp, double[] calibrationProbability) {
        if (calibrationProbability == null) {
            return null;
        }
        List<InnerDays> out = new java.util.ArrayList<>();
        int at = 0;
        for (PooledExperiment.MarketPart m : exp.markets()) {
            int[] rows = m.calibrationRows();
            if (rows.length > 0) {
                out.add(innerDays(exp, m, rows, java.util.Arrays.copyOfRange(calibrationProbability, at,
                        at + rows.length)));
                at += rows.length;
            }
        }
        if (at != calibrationProbability.length) {
            throw new IllegalStateException(calibrationProbability.length + " calibration probabilities, " + at
                    + " calibration days");
        }
        return out;
    }

    private static InnerDays innerDays(PooledExperiment exp, PooledExperiment.MarketPart m, int[] rows,
                                       double[] values) {
        int[] onsets = io.sysrisk.research.labels.Labeler.onsets(m.market().data(),
                (io.sysrisk.labels.LabelDefinition.Onset) exp.config().label());
        List<java.time.LocalDate> dates = java.util.Arrays.stream(rows).mapToObj(t -> m.matrix().dates().get(t))
                .toList();
        return new InnerDays(dates, values, io.sysrisk.research.evaluation.EventMetrics.signals(rows, onsets));
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
