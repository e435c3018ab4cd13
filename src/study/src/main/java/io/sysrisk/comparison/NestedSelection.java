package io.sysrisk.comparison;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import ai.djl.inference.Predictor;
import io.sysrisk.data.Market;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.model.DjlScoring;
import io.sysrisk.research.evidence.Evidence.Selection;
import io.sysrisk.research.experiment.PooledExperiment;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.training.EnsembleTrainer;
import io.sysrisk.training.Recipe;
import io.sysrisk.windows.WindowSet;

/**
 * The nested selection of a study's recipe: an inner leave-one-market-out over the training markets that never reads
 * the outer fold's test period ({@link #select}), and the rule that picks among the candidates ({@link #choose}).
 */
public final class NestedSelection {

    private final LeaveOneMarketOut.Settings settings;
    private final List<Market> markets;
    private final Recipe reference;
    private final Consumer<String> log;

    /**
     * Candidates and inner seeds from {@code settings}; {@code markets} are the study's; {@code reference} (the
     * anchored recipe as the study reads it) defines the days every candidate is scored on.
     */
    NestedSelection(LeaveOneMarketOut.Settings settings, List<Market> markets, Recipe reference,
                    Consumer<String> log) {
        this.settings = settings;
        this.markets = markets;
        this.reference = reference;
        this.log = log;
    }

    /**
     * The selection rule, a one-standard-error rule (after Hastie, Tibshirani and Friedman) on paired differences:
     * the default recipe ({@link Recipe#ANCHORED} when it is a candidate, else the first) stays unless the candidate
     * with the best event-weighted inner PR-AUC beats it by more than one standard error of the per-inner-fold
     * <em>differences</em> (candidate minus default, the same held-out market for both), that standard error
     * widened to Student's t at the same one-sided 84% level ({@link #seFactor}: 1.84 with two inner folds, 1.19
     * with four), since a spread estimated from two to five folds is itself noisy; with a single inner fold there is
     * no standard error and the default stays. Ties keep the earlier candidate. Returns the choice and why, in one
     * line.
     *
     * <p>Until the positive control, the standard error was that of the candidate's own per-fold PR-AUC. That one
     * measures how much the inner markets differ in difficulty, which both recipes share: with a planted input
     * whose recipe led by 0.12 to 0.20 on both inner folds, it kept the default (standard errors 0.16 to 0.24). The
     * paired difference's spread is the noise of the comparison itself; without the t widening, the shuffled copy
     * of the input passed it by +0.003 against 0.003 on two inner folds.
     */
    public static String[] choose(List<String> candidates, Map<String, Double> weighted,
                                  List<Map<String, Double>> perFold) {
        String fallback = candidates.contains(Recipe.ANCHORED.name()) ? Recipe.ANCHORED.name() : candidates.get(0);
        if (perFold.isEmpty()) {
            return new String[] {fallback, "no inner fold could be scored: " + fallback + " stays"};
        }
        String best = candidates.get(0);
        for (String c : candidates) {
            if (weighted.get(c) > weighted.get(best)) {
                best = c;
            }
        }
        if (best.equals(fallback) || Double.isNaN(weighted.get(fallback))) {
            return new String[] {best, "the best inner PR-AUC"};
        }
        double gain = weighted.get(best) - weighted.get(fallback);
        if (perFold.size() < 2) {
            return new String[] {fallback, String.format(Locale.ROOT, "%s is %+.3f ahead on one inner fold: no "
                    + "standard error, %s stays", best, gain, fallback)};
        }
        String top = best;
        double[] v = perFold.stream().mapToDouble(f -> f.get(top) - f.get(fallback)).toArray();
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1);
        double se = Math.sqrt(var / v.length) * seFactor(v.length);
        // A lead below MIN_LEAD is a tie (two recipes that both kept the reference score the same days alike).
        if (gain > Math.max(se, MIN_LEAD)) {
            return new String[] {best, String.format(Locale.ROOT, "%s is %+.3f ahead of %s, more than one "
                    + "t-widened standard error of the paired differences (%.3f)", best, gain, fallback, se)};
        }
        return new String[] {fallback, String.format(Locale.ROOT, "%s is %+.3f ahead, within one t-widened "
                + "standard error of the paired differences (%.3f): %s stays", best, gain, se, fallback)};
    }

    /** A smaller lead in inner PR-AUC is a tie, whatever the standard error. */
    static final double MIN_LEAD = 1e-6;

    /**
     * One standard error, widened for a spread estimated from {@code folds} values: Student's t quantile with
     * folds - 1 degrees of freedom at the normal distribution's one-SE level (84.1%, one-sided).
     */
    static double seFactor(int folds) {
        double level = new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(1);
        return new org.apache.commons.math3.distribution.TDistribution(null, folds - 1)
                .inverseCumulativeProbability(level);
    }

    /**
     * The inner leave-one-market-out: each market but {@code outer}'s held out in turn (its whole history, and that
     * period in the others), the outer test period (when there is one) excluded from every part; each candidate
     * recipe trained with {@link LeaveOneMarketOut.Settings#innerSeeds} and scored on the inner held-out market's days that every
     * candidate can score. The choice among them: {@link #choose} (the anchored network unless another candidate
     * beats it by more than one standard error). Without an outer fold this is the served recipe's selection.
     */
    Selection select(String fold, PooledConfig base, PooledConfig.HeldOut outer, TrainConfig cfg) {
        List<Recipe> candidates = settings.candidates();
        if (candidates.size() == 1) {
            // A version's own recipe: nothing to choose, so no inner fold trains.
            return new Selection(candidates.get(0).name(), Map.of(), List.of(), List.of(), List.of(), 0,
                    "the version's own recipe");
        }
        Map<String, double[]> weighted = new java.util.LinkedHashMap<>();
        candidates.forEach(r -> weighted.put(r.name(), new double[2]));
        List<String> innerFolds = new ArrayList<>();
        List<Map<String, Double>> perFold = new ArrayList<>();
        List<Map<String, List<Integer>>> perFoldEpochs = new ArrayList<>();
        int trained = 0;
        for (Market m : markets) {
            if (outer != null && m.name().equals(outer.market()) || innerFolds.size() >= settings.maxInnerFolds()) {
                continue;
            }
            FoldExperiments inner = new FoldExperiments(base.withHeldOut(new PooledConfig.HeldOut(m.name(),
                    m.first(), m.last())), outer == null ? List.of() : List.of(outer), markets, reference,
                    base.window());
            int[] rows;
            try {
                rows = inner.commonTestRows(candidates);
            } catch (IllegalArgumentException e) {
                log.accept("  inner fold " + m.name() + " skipped: " + e.getMessage());
                continue;
            }
            WindowSet heldOut = inner.windows(reference, m.name(), rows);
            if (heldOut.size() == 0 || heldOut.positives() == 0) {
                log.accept("  inner fold " + m.name() + " skipped: " + heldOut.size() + " test windows, "
                        + heldOut.positives() + " events outside the outer period");
                continue;
            }
            innerFolds.add(m.name());
            Map<String, Double> figures = new java.util.LinkedHashMap<>();
            Map<String, List<Integer>> epochs = new java.util.LinkedHashMap<>();
            for (Recipe r : candidates) {
                PooledExperiment e = inner.of(r);
                WindowSet test = inner.windows(r, m.name(), rows);
                try (EnsembleTrainer.Result t = EnsembleTrainer.train(r.member(), settings.innerSeeds(), e.train(),
                        e.validation(), e.calibration(), r.training(cfg), line -> { });
                     Predictor<WindowBatch, List<WindowScore>> p = t.newPredictor()) {
                    double ap = Metrics.averagePrecision(WindowScore.probabilities(DjlScoring.score(p, test)),
                            test.labels());
                    weighted.get(r.name())[0] += test.positives() * ap;
                    weighted.get(r.name())[1] += test.positives();
                    figures.put(r.name(), ap);
                    epochs.put(r.name(), t.members().stream().map(ModelManifest.MemberRun::bestEpoch).toList());
                    trained += settings.innerSeeds().size();
                    log.accept(String.format("  inner fold %s (%d windows, %d events): %s PR-AUC %.3f", m.name(),
                            test.size(), test.positives(), r.name(), ap));
                }
            }
            perFold.add(figures);
            perFoldEpochs.add(epochs);
        }
        Map<String, Double> score = new java.util.LinkedHashMap<>();
        weighted.forEach((k, v) -> score.put(k, v[1] == 0 ? Double.NaN : v[0] / v[1]));
        String[] choice = choose(candidates.stream().map(Recipe::name).toList(), score, perFold);
        log.accept(String.format("  nested selection for %s: %s over inner folds %s -> %s (%s)", fold, score,
                innerFolds, choice[0], choice[1]));
        return new Selection(choice[0], score, innerFolds, perFold, perFoldEpochs, trained, choice[1]);
    }
}
