package io.sysrisk.comparison;

import static io.sysrisk.research.evidence.Evidence.MODEL;
import static io.sysrisk.research.evidence.Evidence.VOLATILITY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.sysrisk.data.Market;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.evidence.Evidence.Design;
import io.sysrisk.research.evidence.Evidence.FoldResult;
import io.sysrisk.research.evidence.Evidence.Result;
import io.sysrisk.research.evidence.Evidence.ScoreResult;
import io.sysrisk.research.evidence.Evidence.Stratified;
import io.sysrisk.research.evidence.ProbabilityEvidence;
import io.sysrisk.research.experiment.PooledExperiment;
import io.sysrisk.research.labels.Labeler;
import io.sysrisk.training.Recipe;

/** A committed default study brought to this evidence schema without training ({@link LeaveOneMarketOut#reanalyse}). */
final class Reanalysis {

    private final LeaveOneMarketOut.Settings settings;
    private final FoldStatistics stats;
    private final Consumer<String> log;

    Reanalysis(LeaveOneMarketOut.Settings settings, FoldStatistics stats, Consumer<String> log) {
        this.settings = settings;
        this.stats = stats;
        this.log = log;
    }

    /**
     * The default's study {@code old}, written by the build before this schema, brought to this schema without
     * training anything: each outer fold is prepared again (data, parts, windows; no network), its test days must be
     * the days {@code old} scored (else refused: the plan changed); then the fitted references are fitted on each
     * fold and one chosen among them without its market ({@link ProbabilitySelection}), the alarms at each preference
     * chosen on its training days ({@link PreferenceAlarms}), and the proper
     * scores and error diagrams derived from the test windows' values {@code old} kept, as a
     * new run of the study computes them. Every other figure is kept as it was. It may be run again on its own
     * output: what it derives is made again, not added twice.
     */
    Result run(Result old, PooledConfig base, List<Market> markets) {
        if (old.design() != Design.LOMO) {
            throw new IllegalArgumentException("a re-analysis is for the default's leave-one-market-out study; "
                    + "this one is " + old.design() + ": run its report again");
        }
        List<LeaveOneMarketOut.Outer> outer = LeaveOneMarketOut.outerFolds(settings, markets);
        if (outer.size() != old.folds().size()) {
            throw new IllegalArgumentException("the study has " + old.folds().size() + " folds, the plan "
                    + outer.size() + ": run its report again");
        }
        List<FoldResult> folds = new ArrayList<>();
        List<int[]> scoredRows = new ArrayList<>();
        List<int[]> onsetRows = new ArrayList<>();
        List<Evidence.ProbabilityChoice> choices = new ArrayList<>();
        for (int i = 0; i < outer.size(); i++) {
            LeaveOneMarketOut.Outer o = outer.get(i);
            FoldResult f = old.folds().get(i);
            PooledConfig config = base.withHeldOut(o.heldOut());
            FoldExperiments experiments = new FoldExperiments(config, List.of(), markets, Recipe.ANCHORED,
                    PaperRows.longestWindow(settings.paperRows(), config.window()));
            PooledExperiment exp = experiments.of(Recipe.ANCHORED);
            java.util.Set<Recipe> trained = new java.util.LinkedHashSet<>(List.of(Recipe.PLAIN, Recipe.ANCHORED,
                    Recipe.byName(f.selection().chosen(), settings.candidates())));
            int[] rows = experiments.commonTestRows(trained);
            List<LocalDate> planned = experiments.windows(Recipe.ANCHORED, exp.heldOut().name(), rows).endDates();
            if (!o.name().equals(f.fold()) || !planned.equals(f.dates())) {
                throw new IllegalStateException("fold " + f.fold() + " of the report does not match the plan's "
                        + o.name() + " (" + planned.size() + " test days planned, " + f.windows() + " scored): "
                        + "run its report again");
            }
            double rate = ProbabilityFigures.trainingRate(exp);
            log.accept(String.format("[re-analysis %d/%d] %s: %d test days as scored, training base rate %.4f",
                    i + 1, outer.size(), f.fold(), f.windows(), rate));
            FoldResult fitted = stats.withFittedReferences(f, exp, f.market(), rows);
            Evidence.ProbabilityChoice choice = ProbabilitySelection.choose(fitted, exp);
            choices.add(choice);
            FoldResult again = ProbabilityFigures.fold(ProbabilitySelection.withSelected(fitted, choice, stats), rate,
                    settings.samples());
            folds.add(again.withAlarms(PreferenceAlarms.fold(again, exp, null)));
            scoredRows.add(rows);
            onsetRows.add(Labeler.onsets(exp.heldOut().market().data(), (LabelDefinition.Onset) config.label()));
        }
        List<FoldResult> pooledFolds = folds.subList(0, LeaveOneMarketOut.wholeHistory(outer));
        int[] segments = pooledFolds.stream().mapToInt(FoldResult::windows).toArray();
        int[] y = pooledFolds.stream().flatMapToInt(f -> Arrays.stream(f.labels())).toArray();
        // The study's pooled figures stay; the fitted references' are added (or made again) beside them.
        List<ScoreResult> pooled = new ArrayList<>(old.pooled().stream()
                .filter(s -> !FittedReferences.derived(s.name())).toList());
        List<Stratified> stratified = new ArrayList<>(old.stratified().stream()
                .filter(s -> !FittedReferences.derived(s.name())).toList());
        // Pooled values of the scores the fitted references are paired with, and of the references themselves.
        Map<String, double[]> values = new java.util.HashMap<>();
        for (int k = 0; k < pooledFolds.get(0).scores().size(); k++) {
            int s = k;
            String name = pooledFolds.get(0).scores().get(s).name();
            boolean reference = FittedReferences.derived(name);
            if (reference || name.equals(MODEL) || name.equals(VOLATILITY)) {
                values.put(name, pooledFolds.stream().flatMapToDouble(f -> Arrays.stream(f.scores().get(s).score()))
                        .toArray());
            }
            if (reference) {
                pooled.add(stats.score(name, values.get(name), y, segments, null).withoutValues());
                stratified.add(FoldStatistics.stratified(pooledFolds, s));
            }
        }
        List<ProbabilityEvidence.Probabilities> probabilities = ProbabilityFigures.pooled(pooledFolds, null,
                settings.samples());
        return new Result(Evidence.SCHEMA, old.design(), old.mode(), folds, pooled, stratified,
                old.pooledComparisons(), old.pooledAnchoredComparisons(), old.pooledEvents(), old.pooledWindows(),
                old.pooledPositives(), old.pooledCalm(), old.candidates(), old.served(), old.configurations(),
                old.seconds(), old.paperComparison(), probabilities, stats.fittedReferences(values, y, segments, null),
                FoldStatistics.errorDiagrams(pooledFolds, scoredRows.subList(0, pooledFolds.size()),
                        onsetRows.subList(0, pooledFolds.size()), markets),
                PreferenceAlarms.pooled(pooledFolds, scoredRows.subList(0, pooledFolds.size()),
                        onsetRows.subList(0, pooledFolds.size()), markets, settings.samples()), choices,
                old.versus(), OwnPastRecalibration.of(pooledFolds, TradingCalendars.of(markets),
                base.label().lookahead(), settings.samples()), old.recipeChoice());
    }
}
