package io.sysrisk.comparison;

import static io.sysrisk.comparison.LeaveOneMarketOut.BLOCK;
import static io.sysrisk.research.evidence.Evidence.MODEL;
import static io.sysrisk.research.evidence.Evidence.VOLATILITY;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.sysrisk.data.Market;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.research.evaluation.ErrorDiagram;
import io.sysrisk.research.evaluation.Indicators;
import io.sysrisk.research.evidence.Difference;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.evidence.Evidence.Comparisons;
import io.sysrisk.research.evidence.Evidence.FoldResult;
import io.sysrisk.research.evidence.Evidence.ScoreResult;
import io.sysrisk.research.evidence.Evidence.Stratified;
import io.sysrisk.research.experiment.PooledExperiment;

/**
 * The study's figures over test windows, per fold or pooled: a score's ranking with its intervals, paired
 * differences, stratified figures, the fitted references' and the error diagrams. Intervals resample as the study
 * does: circular blocks of {@link LeaveOneMarketOut#BLOCK} days within each market, or on a joint calendar for
 * markets of one era, {@code samples} times.
 */
final class FoldStatistics {

    private final int samples;

    FoldStatistics(int samples) {
        this.samples = samples;
    }

    /**
     * {@code f} with the fitted references' scores ({@link FittedReferences}) on its windows, rows {@code rows} of
     * market {@code market} of fold {@code exp}, in place of any it held.
     */
    FoldResult withFittedReferences(FoldResult f, PooledExperiment exp, String market, int[] rows) {
        return withFittedReferences(f, exp, market, rows, false);
    }

    /**
     * As {@link #withFittedReferences(FoldResult, PooledExperiment, String, int[])}; {@code systemic}: with a
     * systemic study's references too ({@link FittedReferences#SYSTEMIC_INPUTS}).
     */
    FoldResult withFittedReferences(FoldResult f, PooledExperiment exp, String market, int[] rows, boolean systemic) {
        int[] segments = {f.windows()};
        List<ScoreResult> refs = new ArrayList<>();
        FittedReferences.of(exp, market, rows).forEach((name, values) -> refs.add(score(name, values, f.labels(),
                segments)));
        if (systemic) {
            FittedReferences.systemic(exp, market, rows).forEach((name, values) -> refs.add(score(name, values,
                    f.labels(), segments)));
        }
        return f.withScores(name -> !FittedReferences.derived(name), refs);
    }

    /**
     * Each fitted reference among {@code pooled} (the pooled values of each score, by name): the selected network
     * minus it, and it minus volatility.
     */
    List<Evidence.FittedReference> fittedReferences(Map<String, double[]> pooled, int[] y, int[] segments,
                                                    BlockBootstrap.Calendar calendar) {
        double[] model = pooled.get(MODEL);
        double[] vol = pooled.get(VOLATILITY);
        List<Evidence.FittedReference> out = new ArrayList<>();
        Map<String, String> all = new java.util.LinkedHashMap<>(FittedReferences.INPUTS);
        all.putAll(FittedReferences.SYSTEMIC_INPUTS);
        for (Map.Entry<String, String> ref : all.entrySet()) {
            double[] r = pooled.get(ref.getKey());
            if (r != null) {
                out.add(new Evidence.FittedReference(ref.getKey(), ref.getValue(),
                        paired(model, r, y, segments, calendar, Metrics::rocAuc),
                        paired(model, r, y, segments, calendar, Metrics::averagePrecision),
                        paired(r, vol, y, segments, calendar, Metrics::rocAuc),
                        paired(r, vol, y, segments, calendar, Metrics::averagePrecision)));
            }
        }
        return out;
    }

    /**
     * A systemic study's selected network minus the anchored and the plain networks of the same folds, which read
     * the market's own closes only ({@code pooled}: the pooled values of each score, by name).
     */
    List<Evidence.Versus> versusOwnCloses(Map<String, double[]> pooled, int[] y, int[] segments,
                                          BlockBootstrap.Calendar calendar) {
        double[] model = pooled.get(MODEL);
        List<Evidence.Versus> out = new ArrayList<>();
        for (String other : List.of(Evidence.ANCHORED, Evidence.PLAIN)) {
            double[] o = pooled.get(other);
            if (o != null) {
                out.add(new Evidence.Versus(other, "the " + other + " on the market's own closes",
                        paired(model, o, y, segments, calendar, Metrics::rocAuc),
                        paired(model, o, y, segments, calendar, Metrics::averagePrecision)));
            }
        }
        return List.copyOf(out);
    }

    /** The families an error diagram is drawn for: scores of the folds, then indicators of the market's closes. */
    static final List<String> DIAGRAM_FAMILIES = List.of(MODEL, VOLATILITY, Evidence.ML_LOGISTIC,
            Evidence.LOG_VOLATILITY, Evidence.TRAILING_RETURN, Evidence.HAWKES, Evidence.DRAWDOWN_MEMORY,
            Evidence.WORST_DRAWDOWN);

    /**
     * Each family's error diagram over {@code folds} (the whole-history ones), on each fold's scored rows
     * {@code rows} and onsets {@code onsets}: the folds' own scores, and the drawdown indicators of each market's
     * level (among {@code markets}) on the same days.
     */
    static List<ErrorDiagram> errorDiagrams(List<FoldResult> folds, List<int[]> rows, List<int[]> onsets,
                                            List<Market> markets) {
        List<ErrorDiagram> out = new ArrayList<>();
        for (String family : DIAGRAM_FAMILIES) {
            List<ErrorDiagram.Fold> parts = new ArrayList<>();
            for (int i = 0; i < folds.size(); i++) {
                FoldResult f = folds.get(i);
                double[] score;
                if (family.equals(Evidence.DRAWDOWN_MEMORY) || family.equals(Evidence.WORST_DRAWDOWN)) {
                    io.sysrisk.data.MarketData data = markets.stream().filter(m -> m.name().equals(f.market()))
                            .findFirst().orElseThrow().data();
                    score = Indicators.slice(family.equals(Evidence.DRAWDOWN_MEMORY)
                            ? Indicators.drawdownMemory(data) : Indicators.worstDrawdown(data), rows.get(i));
                } else {
                    score = f.scores().stream().filter(s -> s.name().equals(family)).map(ScoreResult::score)
                            .findFirst().orElse(null);
                }
                if (score == null) {
                    break;
                }
                parts.add(new ErrorDiagram.Fold(rows.get(i), onsets.get(i), score));
            }
            if (parts.size() == folds.size()) {
                out.add(ErrorDiagram.of(family, parts, Resampling.ERROR_DIAGRAMS));
            }
        }
        return out;
    }

    /** The values of the score called {@code name} among {@code scores}, or null when it is not there. */
    static double[] named(List<ScoreResult> scores, String name) {
        return scores.stream().filter(x -> x.name().equals(name)).map(ScoreResult::score).findFirst().orElse(null);
    }

    /** ROC-AUC over pairs within one fold (market), and PR-AUC per fold weighted by its events. */
    static Stratified stratified(List<FoldResult> folds, int score) {
        double pairs = 0;
        double rocWeighted = 0;
        double positives = 0;
        double prWeighted = 0;
        for (FoldResult f : folds) {
            Metrics m = f.scores().get(score).metrics();
            double pos = f.positives();
            double neg = f.windows() - f.positives();
            // A row without a positive or a negative window (a market-period of the markets together can be all
            // one label) has no pair to rank and weighs nothing; its undefined ROC-AUC must not spoil the sum.
            if (pos * neg > 0) {
                pairs += pos * neg;
                rocWeighted += pos * neg * m.rocAuc();
            }
            if (pos > 0) {
                positives += pos;
                prWeighted += pos * m.prAuc();
            }
        }
        return new Stratified(folds.get(0).scores().get(score).name(), rocWeighted / pairs, prWeighted / positives);
    }

    ScoreResult score(String name, double[] score, int[] y, int[] segments) {
        return score(name, score, y, segments, null);
    }

    /** {@code calendar}: resample on it (markets of one era), else market by market in {@code segments}. */
    ScoreResult score(String name, double[] score, int[] y, int[] segments, BlockBootstrap.Calendar calendar) {
        double[] noProbability = new double[score.length];
        Arrays.fill(noProbability, Double.NaN);
        boolean probability = !name.equals(VOLATILITY);
        // Ranking figures do not depend on a threshold; the alarm rules are judged in the event tables.
        Metrics m = Metrics.of(score, y, Double.POSITIVE_INFINITY, probability ? score : noProbability);
        BlockBootstrap.Intervals ci = calendar != null
                ? BlockBootstrap.of(score, probability ? score : noProbability, y, calendar, Double.POSITIVE_INFINITY,
                        BLOCK, samples, Resampling.SCORE_INTERVALS)
                : BlockBootstrap.of(score, probability ? score : noProbability, y, segments, Double.POSITIVE_INFINITY,
                        BLOCK, samples, Resampling.SCORE_INTERVALS);
        return new ScoreResult(name, score, m, ci.rocAuc(), ci.prAuc());
    }

    Comparisons compare(double[] model, double[] vol, double[] logistic, int[] y, int[] segments) {
        return compare(model, vol, logistic, y, segments, null);
    }

    Comparisons compare(double[] model, double[] vol, double[] logistic, int[] y, int[] segments,
                                BlockBootstrap.Calendar calendar) {
        return new Comparisons(paired(model, vol, y, segments, calendar, Metrics::rocAuc),
                paired(model, vol, y, segments, calendar, Metrics::averagePrecision),
                paired(model, logistic, y, segments, calendar, Metrics::rocAuc),
                paired(model, logistic, y, segments, calendar, Metrics::averagePrecision));
    }

    /** metric(a) - metric(b), resampled on {@code calendar} when there is one, else market by market. */
    Difference paired(double[] a, double[] b, int[] y, int[] segments, BlockBootstrap.Calendar calendar,
                      java.util.function.ToDoubleBiFunction<double[], int[]> metric) {
        return calendar != null
                ? BlockBootstrap.difference(a, b, y, calendar, metric, BLOCK, samples, Resampling.PAIRED_DIFFERENCES)
                : BlockBootstrap.difference(a, b, y, segments, metric, BLOCK, samples, Resampling.PAIRED_DIFFERENCES);
    }
}
