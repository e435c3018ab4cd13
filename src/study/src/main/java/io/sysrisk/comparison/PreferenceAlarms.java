package io.sysrisk.comparison;

import static io.sysrisk.research.evidence.Evidence.PREFERENCES;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sysrisk.data.Market;
import io.sysrisk.evaluation.AlarmThreshold;
import io.sysrisk.features.AlarmFamily;
import io.sysrisk.research.evaluation.EventMetrics;
import io.sysrisk.research.evaluation.Indicators;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.evidence.Evidence.FoldResult;
import io.sysrisk.research.experiment.PooledExperiment;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.training.ServedAlarm;

/**
 * Alarms at the user's preference, judged as served: in each outer fold, at each preference, every family's
 * threshold is chosen on the fold's own days as the served alarm's recipe chooses it ({@link ServedAlarm#choices})
 * and that recipe ({@link ServedAlarm#select}) picks among them; both are then scored on the held-out market. The model's choice is its own event table's (the
 * same days, the same rule), so a committed study can be judged again without training ({@link Reanalysis}).
 */
final class PreferenceAlarms {

    /** The families measured: the served recipe's candidates, then the references measured beside them. */
    static final List<AlarmFamily> FAMILIES = List.of(AlarmFamily.MODEL, AlarmFamily.VOLATILITY,
            AlarmFamily.DRAWDOWN_MEMORY, AlarmFamily.WORST_DRAWDOWN, AlarmFamily.TRAILING_RETURN);

    private PreferenceAlarms() {
    }

    /**
     * Fold {@code f}'s alarm at every preference: each family's choice as the served recipe makes it ({@link
     * ServedAlarm#choices}; the model's from {@code f}'s event tables, on the same calibration days), each candidate's
     * transfer ({@link ServedAlarm#transfer}) and the served recipe's pick among the candidates. The model's transfer
     * needs its calibration-day probabilities, {@code modelCalibration}: a study passes them; a re-analysis (null)
     * takes the figure {@code f}'s alarms recorded, and where they recorded none (a report made before transfer was
     * measured) the model gets none and is not offered.
     */
    static List<ModelManifest.PreferenceAlarm> fold(FoldResult f, PooledExperiment exp, double[] modelCalibration) {
        List<Map<AlarmFamily, AlarmThreshold>> choices = ServedAlarm.choices(exp, FAMILIES, null, PREFERENCES);
        List<Map<AlarmFamily, Double>> transfer = ServedAlarm.transfer(exp, ServedAlarm.CANDIDATES,
                modelCalibration, PREFERENCES);
        List<ModelManifest.PreferenceAlarm> out = new ArrayList<>();
        for (int k = 0; k < PREFERENCES.length; k++) {
            Map<AlarmFamily, AlarmThreshold> c = new LinkedHashMap<>(choices.get(k));
            c.put(AlarmFamily.MODEL, modelChoice(f, k));
            Map<AlarmFamily, Double> t = new LinkedHashMap<>(transfer.get(k));
            if (modelCalibration == null) {
                Double recorded = recordedModelTransfer(f, k);
                if (recorded != null && !t.isEmpty()) {
                    // In the candidates' order: the model first.
                    Map<AlarmFamily, Double> withModel = new LinkedHashMap<>();
                    withModel.put(AlarmFamily.MODEL, recorded);
                    withModel.putAll(t);
                    t = withModel;
                }
            }
            out.add(ServedAlarm.select(PREFERENCES[k], c, t));
        }
        return out;
    }

    /** The model's transfer at {@code PREFERENCES[k]} as {@code f}'s recorded alarms hold it, or null. */
    private static Double recordedModelTransfer(FoldResult f, int k) {
        if (f.alarms() == null || f.alarms().size() <= k || f.alarms().get(k).transfer() == null) {
            return null;
        }
        if (f.alarms().get(k).preference() != PREFERENCES[k]) {
            throw new IllegalStateException("fold " + f.fold() + "'s alarms are not at " + PREFERENCES[k]);
        }
        return f.alarms().get(k).transfer().get(AlarmFamily.MODEL.id());
    }

    /** The selected network's threshold choice at {@code PREFERENCES[k]}, as its fold's event table made it. */
    private static AlarmThreshold modelChoice(FoldResult f, int k) {
        Evidence.EventTable t = f.events().get(k);
        if (t.preference() != PREFERENCES[k]) {
            throw new IllegalStateException("fold " + f.fold() + "'s event tables are not at " + PREFERENCES[k]);
        }
        return t.rows().stream().filter(r -> r.name().equals(Evidence.MODEL)).findFirst().orElseThrow().choice();
    }

    /**
     * The pooled figures at every preference over {@code folds} (each with its {@link FoldResult#alarms}), on each
     * fold's scored rows {@code rows} and onsets {@code onsets}, the families' values read from {@code markets}.
     */
    static List<Evidence.PreferenceAlarms> pooled(List<FoldResult> folds, List<int[]> rows, List<int[]> onsets,
                                                  List<Market> markets, int samples) {
        // Each family's values on each fold's scored days: the model's scores, the others from the market's level.
        Map<AlarmFamily, List<double[]>> values = new EnumMap<>(AlarmFamily.class);
        for (AlarmFamily family : FAMILIES) {
            List<double[]> perFold = new ArrayList<>();
            for (int i = 0; i < folds.size(); i++) {
                FoldResult f = folds.get(i);
                perFold.add(family == AlarmFamily.MODEL ? FoldStatistics.named(f.scores(), Evidence.MODEL)
                        : Indicators.slice(family.daily(market(markets, f.market()).data()), rows.get(i)));
            }
            values.put(family, perFold);
        }
        List<Evidence.PreferenceAlarms> out = new ArrayList<>();
        for (int k = 0; k < PREFERENCES.length; k++) {
            double mu = PREFERENCES[k];
            int index = k;
            List<Evidence.FamilyAlarm> families = new ArrayList<>();
            Map<String, List<boolean[]>> alarms = new LinkedHashMap<>();
            for (AlarmFamily family : FAMILIES) {
                List<boolean[]> a = new ArrayList<>();
                for (int i = 0; i < folds.size(); i++) {
                    AlarmThreshold c = folds.get(i).alarms().get(index).candidates().get(family.id());
                    a.add(ServedAlarm.at(values.get(family).get(i), c.threshold()));
                }
                alarms.put(family.id(), a);
                families.add(figures(family.id(), ServedAlarm.CANDIDATES.contains(family), a, rows, onsets, mu,
                        samples));
            }
            List<boolean[]> selected = new ArrayList<>();
            List<String> chosen = new ArrayList<>();
            for (int i = 0; i < folds.size(); i++) {
                ModelManifest.PreferenceAlarm a = folds.get(i).alarms().get(index);
                ModelManifest.AlarmRule rule = a.rule();
                boolean none = ServedAlarm.isNone(a);
                selected.add(none ? new boolean[rows.get(i).length]
                        : ServedAlarm.at(values.get(rule.family()).get(i), rule.threshold()));
                chosen.add((none ? folds.get(i).fold() + ": none" : String.format(java.util.Locale.ROOT,
                        "%s: %s >= %.4g", folds.get(i).fold(), rule.by(), rule.threshold())) + transferWords(a));
            }
            Evidence.FamilyAlarm sel = figures("selected", true, selected, rows, onsets, mu, samples);
            Evidence.FamilyAlarm best = families.stream().filter(f -> !f.family().equals(AlarmFamily.MODEL.id()))
                    .max(java.util.Comparator.comparingDouble(Evidence.FamilyAlarm::usefulness)).orElseThrow();
            out.add(new Evidence.PreferenceAlarms(mu, families, sel, chosen, best.family(),
                    EventBaselines.usefulnessDifference(rows, selected, alarms.get(best.family()), onsets, mu, samples,
                            Resampling.PREFERENCE_ALARMS)));
        }
        return out;
    }

    /** The transfer figures a pick was made by, in words ("" for a pick without them). */
    private static String transferWords(ModelManifest.PreferenceAlarm a) {
        if (a.transfer() == null) {
            return ServedAlarm.isNone(a) ? " (no threshold adopted)" : "";
        }
        StringBuilder sb = new StringBuilder(" (transfer");
        a.transfer().forEach((id, u) -> sb.append(String.format(java.util.Locale.ROOT, " %s %+.3f", id, u)));
        return sb.append(')').toString();
    }

    private static Evidence.FamilyAlarm figures(String name, boolean candidate, List<boolean[]> alarm,
                                                List<int[]> rows, List<int[]> onsets, double mu, int samples) {
        List<EventMetrics> parts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            parts.add(EventMetrics.of(rows.get(i), alarm.get(i), onsets.get(i)));
        }
        EventMetrics e = EventMetrics.pooled(parts);
        return new Evidence.FamilyAlarm(name, candidate, e.relativeUsefulness(mu),
                EventBaselines.intervals(rows, alarm, onsets, mu, samples, Resampling.PREFERENCE_ALARMS).usefulness(),
                e.alarmShare(), e.skill(), e.warned(), e.onsets(), e.falseEpisodesPerYear());
    }

    private static Market market(List<Market> markets, String name) {
        return markets.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalStateException("no market " + name + " among the study's"));
    }
}
