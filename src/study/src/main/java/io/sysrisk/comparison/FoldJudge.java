package io.sysrisk.comparison;

import static io.sysrisk.research.evidence.Evidence.ANCHORED;
import static io.sysrisk.research.evidence.Evidence.LOGISTIC;
import static io.sysrisk.research.evidence.Evidence.MODEL;
import static io.sysrisk.research.evidence.Evidence.PLAIN;
import static io.sysrisk.research.evidence.Evidence.PREFERENCES;
import static io.sysrisk.research.evidence.Evidence.VOLATILITY;
import static io.sysrisk.research.evidence.Evidence.served;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.research.evaluation.EventMetrics;
import io.sysrisk.research.evaluation.Indicators;
import io.sysrisk.research.evidence.CalmFigures;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.evidence.Evidence.Comparisons;
import io.sysrisk.research.evidence.Evidence.Design;
import io.sysrisk.research.evidence.Evidence.EventRow;
import io.sysrisk.research.evidence.Evidence.EventTable;
import io.sysrisk.research.evidence.Evidence.FoldResult;
import io.sysrisk.research.evidence.Evidence.ScoreResult;
import io.sysrisk.research.evidence.Evidence.Selection;
import io.sysrisk.research.experiment.PooledExperiment;
import io.sysrisk.research.labels.Labeler;
import io.sysrisk.training.CalibrationDays;
import io.sysrisk.training.Recipe;
import io.sysrisk.windows.WindowSet;

/**
 * An outer fold of {@link LeaveOneMarketOut} judged from what it trained ({@link FoldTrainings}), where the study
 * runs: each scored market's scores beside volatility and the logistic and fitted references, event tables at each
 * preference, calm strata, the probability pick and the alarms. No training here: the same figures whichever JVM
 * trained the fold.
 */
final class FoldJudge {
    private final LeaveOneMarketOut.Settings settings;
    private final FoldStatistics stats;
    private final Consumer<String> log;
    private final Design design;
    private final boolean systemic;
    private final Recipe plain;
    private final Recipe anchored;

    /** {@code systemic}: a recipe of the study reads the systemic inputs (its fitted references then include them). */
    FoldJudge(LeaveOneMarketOut.Settings settings, FoldStatistics stats, Consumer<String> log, Design design,
              boolean systemic, Recipe plain, Recipe anchored) {
        this.settings = settings;
        this.stats = stats;
        this.log = log;
        this.design = design;
        this.systemic = systemic;
        this.plain = plain;
        this.anchored = anchored;
    }

    /**
     * One outer fold judged from its trainings: a result per scored market, every score beside the references fitted
     * on the fold, with its event tables, strata, probability pick and alarms.
     */
    FoldOutcome judge(FoldPlan plan, FoldTrainings trained) {
        String name = plan.name();
        PooledConfig config = plan.config();
        PooledExperiment exp = plan.exp();
        Selection selection = trained.selection();
        Recipe chosen = plan.chosen();
        Map<String, WindowSet> tests = plan.tests();
        Map<String, Map<String, double[]>> variantTest = trained.test();
        Map<String, double[]> variantCalibration = trained.calibration();
        String chosenKey = chosen.equals(plain) ? PLAIN : chosen.equals(anchored) ? ANCHORED : chosen.name();
        Map<String, double[]> logistic = trained.logisticTest();
        double[] logisticCalibration = trained.logisticCalibration();
        CalibrationDays cal = CalibrationDays.of(exp);
        // The reference rule's threshold: the 90th percentile of vol_20d over every market's training days.
        double volP90 = Indicators.trainVolatilityThreshold(exp);
        String trainedOn = exp.markets().stream().filter(m -> m.trainRows().length > 0)
                .map(m -> String.format("%s %s..%s", m.name(), m.matrix().dates().get(m.trainRows()[0]),
                        m.matrix().dates().get(m.validationRows().length > 0
                                ? m.validationRows()[m.validationRows().length - 1]
                                : m.trainRows()[m.trainRows().length - 1])))
                .reduce((a, b) -> a + "; " + b).orElse("");
        FoldContext context = new FoldContext(config, selection, trained.bestEpochs(), cal, volP90, trainedOn,
                ProbabilityFigures.trainingRate(exp));
        List<Evidence.ProbabilityChoice> choices = new ArrayList<>();
        List<FoldResult> out = new ArrayList<>();
        for (Map.Entry<String, WindowSet> t : tests.entrySet()) {
            String market = t.getKey();
            List<EventTables.Scored> variants = new ArrayList<>();
            List<String> compared = new ArrayList<>(List.of(PLAIN, ANCHORED));
            settings.paperRows().forEach(row -> compared.add(row.name()));
            for (String key : compared) {
                if (variantTest.containsKey(key)) {
                    variants.add(new EventTables.Scored(key, variantTest.get(key).get(market),
                            variantCalibration.get(key)));
                }
            }
            PooledExperiment.MarketPart part = exp.markets().stream().filter(m -> m.name().equals(market))
                    .findFirst().orElseThrow();
            FoldResult f = marketResult(context, new MarketScores(design == Design.WALK_FORWARD_MARKETS
                    ? market + " " + name : name, part, t.getValue(),
                    new EventTables.Scored(MODEL, variantTest.get(chosenKey).get(market),
                            variantCalibration.get(chosenKey)),
                    new EventTables.Scored(LOGISTIC, logistic.get(market), logisticCalibration), variants));
            f = stats.withFittedReferences(f, exp, market, t.getValue().rows(), systemic);
            Evidence.ProbabilityChoice choice = ProbabilitySelection.choose(f, exp);
            choices.add(choice);
            f = ProbabilitySelection.withSelected(f, choice, stats);
            f = ProbabilityFigures.fold(f, context.trainingRate(), settings.samples());
            out.add(f.withAlarms(PreferenceAlarms.fold(f, exp, variantCalibration.get(chosenKey))));
        }
        return new FoldOutcome(out, choices);
    }

    /** One outer fold's results (one per scored market) and each one's pick of a probability. */
    record FoldOutcome(List<FoldResult> results, List<Evidence.ProbabilityChoice> choices) {
    }

    /** One scored market's figures in a fold: every score, its event tables and strata, from its test windows. */
    private FoldResult marketResult(FoldContext fold, MarketScores m) {
        String name = m.name();
        PooledExperiment.MarketPart held = m.held();
        WindowSet test = m.test();
        Selection selection = fold.selection();
        CalibrationDays cal = fold.cal();
        double[] model = m.model().test();
        double[] logistic = m.logistic().test();
        double[] vol = Indicators.slice(Indicators.volatility(held.market().data()), test.rows());

        LabelDefinition.Onset onsetLabel = (LabelDefinition.Onset) fold.config().label();
        int[] onsets = Labeler.onsets(held.market().data(), onsetLabel);
        boolean[] calmOnsets = Labeler.outOfCalm(held.market().data(), onsetLabel, onsets, Labeler.CALM_DAYS);
        int[] calmOnsetRows = EventTables.calmRows(onsets, calmOnsets);
        int[] y = test.labels();
        int[] segments = {y.length};
        List<ScoreResult> scores = new ArrayList<>(List.of(stats.score(MODEL, model, y, segments),
                stats.score(VOLATILITY, vol, y, segments), stats.score(LOGISTIC, logistic, y, segments)));
        List<EventTables.Scored> tuned = new ArrayList<>(List.of(m.model(),
                new EventTables.Scored(VOLATILITY, vol, cal.volatility()), m.logistic()));
        for (EventTables.Scored v : m.variants()) {
            scores.add(stats.score(v.name(), v.test(), y, segments));
            tuned.add(v);
        }
        List<EventTable> events = new ArrayList<>();
        for (double mu : PREFERENCES) {
            events.add(EventTables.of(new EventTables.EventDays(mu, test.rows(), onsets, calmOnsetRows,
                    settings.samples(), EventMetrics.STANDARD), tuned, vol, cal, fold.volP90()));
        }
        int[] calmKept = CalmStratum.kept(test.rows(), y, onsets, calmOnsets);
        Comparisons c = stats.compare(model, vol, logistic, y, segments);
        double[] anchored = variant(m, ANCHORED);
        Comparisons anchoredVs = anchored == null ? null : stats.compare(anchored, vol, variant(m, PLAIN), y, segments);
        List<LocalDate> onsetDates = Arrays.stream(onsets).mapToObj(t -> held.market().data().dates().get(t)).toList();
        CalmFigures calm = CalmStratum.fold(Labeler.CALM_DAYS, onsets, calmOnsets, onsetDates, calmKept, y,
                scores.stream().map(ScoreResult::name).toList(), scores.stream().map(ScoreResult::score).toList(),
                settings.samples(), Resampling.CALM_STRATUM);
        FoldResult f = new FoldResult(name, held.name(), test.endDates().get(0) + ".." + test.endDates().get(test.size() - 1),
                test.size(), test.positives(), test.endDates(), y, onsetDates, scores, c, anchoredVs, selection,
                events, fold.bestEpochs(), calm, fold.trainedOn(), Double.NaN, List.of(), null, test.rows(), onsets,
                calmOnsets, calmKept, vol);
        EventRow served = events.get(served()).rows().get(0);
        log.accept(String.format("  %s: selected (" + selection.chosen() + ") ROC %.3f PR %.3f | volatility ROC %.3f PR %.3f | logistic ROC %.3f "
                        + "PR %.3f (base %.3f); model alarm (%s): onsets warned %d/%d, %.2f false alarms a year, "
                        + "alarm on %.0f%% of days", name,
                scores.get(0).metrics().rocAuc(), scores.get(0).metrics().prAuc(), scores.get(1).metrics().rocAuc(),
                scores.get(1).metrics().prAuc(), scores.get(2).metrics().rocAuc(), scores.get(2).metrics().prAuc(),
                test.baseRate(), served.rule(), served.events().warned(), served.events().onsets(),
                served.events().falseEpisodesPerYear(), 100 * served.events().alarmShare()));
        return f;
    }

    /** What one fold trained and decided, shared by every market it scores. */
    private record FoldContext(PooledConfig config, Selection selection, Map<String, List<Integer>> bestEpochs,
                               CalibrationDays cal, double volP90, String trainedOn, double trainingRate) {
    }

    /**
     * One scored market of a fold: its test windows, and each score on them and on the fold's calibration windows:
     * the selected network ({@code model}), the logistic reference and the compared networks ({@code variants}).
     */
    private record MarketScores(String name, PooledExperiment.MarketPart held, WindowSet test,
                                EventTables.Scored model, EventTables.Scored logistic,
                                List<EventTables.Scored> variants) {
    }

    /** The test values of {@code m}'s compared network {@code name}, or null when it was not trained. */
    private static double[] variant(MarketScores m, String name) {
        return m.variants().stream().filter(v -> v.name().equals(name)).map(EventTables.Scored::test).findFirst()
                .orElse(null);
    }
}
