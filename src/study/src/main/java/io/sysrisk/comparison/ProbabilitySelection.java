package io.sysrisk.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.evidence.Evidence.FoldResult;
import io.sysrisk.research.experiment.PooledExperiment;

/**
 * Which probability transfers to a market never seen, chosen without it: in each outer fold, an inner
 * leave-one-market-out over the fold's training markets fits every reference of {@link FittedReferences} on the other
 * training markets (the inner market's period excluded from them too) and scores the inner market's training and
 * validation windows; the reference with the best pooled Brier skill against the inner training rate is the fold's
 * pick, and its held-out probabilities become the fold's score {@link Evidence#SELECTED_PROBABILITY}, judged by
 * the proper scores as every other score is. Ties go to the earlier reference.
 */
public final class ProbabilitySelection {

    /** An inner market scores only when its windows hold at least this many onset windows. */
    public static final int MIN_INNER_POSITIVES = 30;

    private ProbabilitySelection() {
    }

    /** Fold {@code f}'s pick among the references, from its experiment {@code exp}. */
    static Evidence.ProbabilityChoice choose(FoldResult f, PooledExperiment exp) {
        List<PooledExperiment.MarketPart> training = exp.markets().stream()
                .filter(m -> FittedReferences.fitRows(m).length > 0).toList();
        Map<String, double[]> brier = new LinkedHashMap<>(); // per reference: {its Brier sum, the rate's}
        List<String> inner = new ArrayList<>();
        for (PooledExperiment.MarketPart k : training) {
            int[] rows = labelled(k, FittedReferences.fitRows(k));
            int positives = Arrays.stream(rows).map(t -> k.labels()[t]).sum();
            // An inner fold needs another market to fit on.
            if (positives < MIN_INNER_POSITIVES || training.size() < 2) {
                continue;
            }
            LocalDate from = k.matrix().dates().get(rows[0]);
            LocalDate to = k.matrix().dates().get(rows[rows.length - 1]);
            List<PooledExperiment.MarketPart> others = training.stream().filter(m -> m != k).toList();
            // The others' training rows outside the inner market's period: no era of it in the fit.
            java.util.function.Function<PooledExperiment.MarketPart, int[]> outside = m -> Arrays.stream(
                    FittedReferences.fitRows(m)).filter(t -> {
                        LocalDate d = m.matrix().dates().get(t);
                        return d.isBefore(from) || d.isAfter(to);
                    }).toArray();
            double rate = others.stream().flatMapToInt(m -> Arrays.stream(labelled(m, outside.apply(m)))
                    .map(t -> m.labels()[t])).average().orElseThrow();
            Map<String, double[]> p = FittedReferences.fitted(others, outside, k, rows);
            inner.add(k.name());
            p.forEach((name, values) -> {
                double[] b = brier.computeIfAbsent(name, x -> new double[2]);
                for (int i = 0; i < rows.length; i++) {
                    int y = k.labels()[rows[i]];
                    b[0] += (values[i] - y) * (values[i] - y);
                    b[1] += (rate - y) * (rate - y);
                }
            });
        }
        Map<String, Double> skill = new LinkedHashMap<>();
        brier.forEach((name, b) -> skill.put(name, 1 - b[0] / b[1]));
        // Without an inner market that holds enough onsets (a study of few markets), the first reference: no pick.
        String chosen = skill.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
                .map(Map.Entry::getKey).orElse(FittedReferences.INPUTS.keySet().iterator().next());
        return new Evidence.ProbabilityChoice(f.fold(), chosen, skill, inner);
    }

    /** The rows of {@code rows} with a label. */
    private static int[] labelled(PooledExperiment.MarketPart m, int[] rows) {
        return Arrays.stream(rows).filter(t -> m.labels()[t] != LabelDefinition.MASKED).toArray();
    }

    /**
     * Fold {@code f} with the score {@link Evidence#SELECTED_PROBABILITY}: the held-out values of the reference
     * {@code choice} picked.
     */
    static FoldResult withSelected(FoldResult f, Evidence.ProbabilityChoice choice, FoldStatistics stats) {
        double[] values = FoldStatistics.named(f.scores(), choice.chosen());
        return f.withScores(name -> !name.equals(Evidence.SELECTED_PROBABILITY), List.of(stats.score(
                Evidence.SELECTED_PROBABILITY, values, f.labels(), new int[] {f.windows()})));
    }
}
