package io.sysrisk.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import ai.djl.inference.Predictor;
import io.sysrisk.data.Market;
import io.sysrisk.evaluation.EventMetrics;
import io.sysrisk.evaluation.Indicators;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.experiment.PooledExperiment;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.labels.Labeler;
import io.sysrisk.model.Architecture;
import io.sysrisk.model.DjlScoring;
import io.sysrisk.training.EnsembleTrainer;
import io.sysrisk.training.ModelTrainer;
import io.sysrisk.windows.WindowSet;

/**
 * The default model's out-of-sample evidence. Each fold holds one market out (its whole history, and that period
 * in every other market: cross-market and cross-era), trains the served recipe (the calibrated seed ensemble) and
 * two references on the rest, and scores the held-out market:
 * <ul>
 *   <li><b>volatility</b>: today's 20-day realized volatility, alarm above its 90th percentile over the fold's
 *       training days (the old "persistence" rule; scale-free, so it reads any market);</li>
 *   <li><b>logistic</b>: logistic regression on the last day's features, trained like the ensemble, alarm at its
 *       validation usefulness threshold.</li>
 * </ul>
 * One more fold is the classic held-out crisis period (S&amp;P 500 from 2015). Pooled figures join the
 * whole-history folds. Intervals: circular block bootstrap, blocks of {@link #BLOCK} days, resampled within each
 * market; model-vs-reference intervals are paired.
 */
public final class LeaveOneMarketOut {

    public static final int BLOCK = BlockBootstrap.MIN_BLOCK;

    /** How much to run: {@link #full()} is the report's, {@link #quick()} checks the pipeline (numbers mean nothing). */
    public record Settings(String mode, List<Integer> seeds, int maxEpochs, int patience, int samples,
                           List<String> markets, boolean classicFold) {
        public static Settings full() {
            return new Settings("full", List.of(1, 2, 3, 4, 5), 60, 8, 1000, null, true);
        }

        public static Settings quick() {
            return new Settings("quick", List.of(1, 2), 2, 1, 50, List.of("dow30-ew", "spi"), false);
        }
    }

    /** What one fold held out and how each score did on it (per-window arrays stay out of the JSON report). */
    public record FoldResult(String fold, String market, String period, int windows, int positives,
                             @JsonIgnore List<LocalDate> dates, @JsonIgnore int[] labels, List<LocalDate> onsetDates,
                             List<ScoreResult> scores, Comparisons comparisons, String trainedOn) {
    }

    /** One score's figures on a test set. */
    public record ScoreResult(String name, @JsonIgnore double[] score, double threshold, Metrics metrics,
                              BlockBootstrap.Interval rocAuc, BlockBootstrap.Interval prAuc,
                              @JsonIgnoreProperties("leads") EventMetrics events) {
    }

    /** Paired differences of the model against each reference. */
    public record Comparisons(BlockBootstrap.Difference rocVsVolatility, BlockBootstrap.Difference prVsVolatility,
                              BlockBootstrap.Difference rocVsLogistic, BlockBootstrap.Difference prVsLogistic) {
    }

    /** Every fold and the pooled figures over the whole-history folds. */
    public record Result(String mode, List<FoldResult> folds, List<ScoreResult> pooled, Comparisons pooledComparisons,
                         int pooledWindows, int pooledPositives, double seconds) {
    }

    public static final String MODEL = "cnn-bilstm-attention ensemble";
    public static final String VOLATILITY = "volatility (vol_20d > train p90)";
    public static final String LOGISTIC = "logistic (last day)";

    private final Settings settings;
    private final Consumer<String> log;
    private List<Market> markets = List.of();

    public LeaveOneMarketOut(Settings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
    }

    public Result run(PooledConfig base, ModelConfig member, TrainConfig train, List<Market> markets) {
        long start = System.nanoTime();
        this.markets = List.copyOf(markets);
        List<PooledConfig.HeldOut> folds = new ArrayList<>();
        for (Market m : markets) {
            if (settings.markets() == null || settings.markets().contains(m.name())) {
                folds.add(new PooledConfig.HeldOut(m.name(), m.first(), m.last()));
            }
        }
        int wholeHistory = folds.size();
        Market sp500 = markets.stream().filter(m -> m.name().equals("sp500")).findFirst().orElse(null);
        if (settings.classicFold() && sp500 != null) {
            folds.add(new PooledConfig.HeldOut("sp500", LocalDate.of(2015, 1, 1), sp500.last()));
        }
        List<FoldResult> results = new ArrayList<>();
        for (int i = 0; i < folds.size(); i++) {
            PooledConfig.HeldOut h = folds.get(i);
            String name = i < wholeHistory ? h.market() : h.market() + " from " + h.from();
            log.accept(String.format("[fold %d/%d] %s held out (%s..%s), %.1f min elapsed", i + 1, folds.size(), name,
                    h.from(), h.to(), (System.nanoTime() - start) / 60e9));
            results.add(fold(name, base.withHeldOut(h), member, train));
        }
        List<FoldResult> pooledFolds = results.subList(0, wholeHistory);
        int[] segments = pooledFolds.stream().mapToInt(FoldResult::windows).toArray();
        int[] y = pooledFolds.stream().flatMapToInt(f -> Arrays.stream(f.labels())).toArray();
        List<ScoreResult> pooled = new ArrayList<>();
        for (int s = 0; s < pooledFolds.get(0).scores().size(); s++) {
            int k = s;
            double[] score = pooledFolds.stream().flatMapToDouble(f -> Arrays.stream(f.scores().get(k).score())).toArray();
            List<EventMetrics> events = pooledFolds.stream().map(f -> f.scores().get(k).events()).toList();
            // Pooled ranking metrics join scores of different folds' models, each calibrated on its own validation.
            String name = pooledFolds.get(0).scores().get(k).name();
            pooled.add(score(name, score, Double.NaN, y, segments, EventMetrics.pooled(events),
                    !name.equals(VOLATILITY)));
        }
        Comparisons pc = compare(pooled.get(0).score(), pooled.get(1).score(), pooled.get(2).score(), y, segments);
        return new Result(settings.mode(), results, pooled, pc, y.length, Arrays.stream(y).sum(),
                (System.nanoTime() - start) / 1e9);
    }

    private FoldResult fold(String name, PooledConfig config, ModelConfig member, TrainConfig train) {
        PooledExperiment exp = PooledExperiment.prepare(config, markets);
        PooledExperiment.MarketPart held = exp.heldOut();
        WindowSet test = held.test();
        if (test.size() == 0 || test.positives() == 0) {
            throw new IllegalArgumentException("fold " + name + " has " + test.size() + " test windows and "
                    + test.positives() + " events");
        }
        TrainConfig cfg = train.withMaxEpochs(settings.maxEpochs()).withPatience(settings.patience());
        double[] model;
        double modelThreshold;
        try (EnsembleTrainer.Result r = EnsembleTrainer.train(member, settings.seeds(), exp.train(), exp.validation(),
                cfg, line -> log.accept("  " + line));
             Predictor<WindowBatch, List<WindowScore>> p = r.newPredictor()) {
            model = WindowScore.probabilities(DjlScoring.score(p, test));
            modelThreshold = r.threshold();
        }
        double[] logistic;
        double logisticThreshold;
        try (ModelTrainer.Result r = ModelTrainer.train(Architecture.LOGISTIC.build(member), exp.train(),
                exp.validation(), cfg.withSeed(settings.seeds().get(0)), line -> { });
             Predictor<WindowBatch, List<WindowScore>> p = r.newPredictor()) {
            logisticThreshold = Metrics.bestUsefulnessThreshold(
                    WindowScore.probabilities(DjlScoring.score(p, exp.validation())), exp.validation().labels());
            logistic = WindowScore.probabilities(DjlScoring.score(p, test));
        }
        // The volatility rule's threshold: the 90th percentile of vol_20d over every market's training days.
        List<Double> trainVol = new ArrayList<>();
        for (PooledExperiment.MarketPart m : exp.markets()) {
            double[] v = Indicators.volatility(m.market().data());
            for (int t : m.trainRows()) {
                trainVol.add(v[t]);
            }
        }
        double volThreshold = new org.apache.commons.math3.stat.descriptive.rank.Percentile()
                .evaluate(trainVol.stream().mapToDouble(Double::doubleValue).toArray(), Indicators.TRAIN_PERCENTILE);
        double[] vol = Indicators.slice(Indicators.volatility(held.market().data()), test.rows());

        int[] onsets = Labeler.onsets(held.market().data(), (LabelDefinition.Onset) config.label());
        int[] y = test.labels();
        int[] segments = {y.length};
        List<ScoreResult> scores = List.of(
                score(MODEL, model, modelThreshold, y, segments, events(test, model, modelThreshold, onsets), true),
                score(VOLATILITY, vol, volThreshold, y, segments, events(test, vol, volThreshold, onsets), false),
                score(LOGISTIC, logistic, logisticThreshold, y, segments,
                        events(test, logistic, logisticThreshold, onsets), true));
        Comparisons c = compare(model, vol, logistic, y, segments);
        List<LocalDate> onsetDates = Arrays.stream(onsets).mapToObj(t -> held.market().data().dates().get(t)).toList();
        String trainedOn = exp.markets().stream().filter(m -> m.trainRows().length > 0)
                .map(m -> String.format("%s %s..%s", m.name(), m.matrix().dates().get(m.trainRows()[0]),
                        m.matrix().dates().get(m.validationRows().length > 0
                                ? m.validationRows()[m.validationRows().length - 1]
                                : m.trainRows()[m.trainRows().length - 1])))
                .reduce((a, b) -> a + "; " + b).orElse("");
        FoldResult f = new FoldResult(name, held.name(), test.endDates().get(0) + ".." + test.endDates().get(test.size() - 1),
                test.size(), test.positives(), test.endDates(), y, onsetDates, scores, c, trainedOn);
        log.accept(String.format("  %s: model ROC %.3f PR %.3f | volatility ROC %.3f PR %.3f | logistic ROC %.3f "
                        + "PR %.3f (base %.3f); onsets warned %d/%d vs volatility %d", name,
                scores.get(0).metrics().rocAuc(), scores.get(0).metrics().prAuc(), scores.get(1).metrics().rocAuc(),
                scores.get(1).metrics().prAuc(), scores.get(2).metrics().rocAuc(), scores.get(2).metrics().prAuc(),
                test.baseRate(), scores.get(0).events().warned(), scores.get(0).events().onsets(),
                scores.get(1).events().warned()));
        return f;
    }


    private static EventMetrics events(WindowSet test, double[] score, double threshold, int[] onsets) {
        boolean[] alarm = new boolean[score.length];
        for (int i = 0; i < score.length; i++) {
            alarm[i] = score[i] >= threshold;
        }
        return EventMetrics.of(test.rows(), alarm, onsets);
    }

    private ScoreResult score(String name, double[] score, double threshold, int[] y, int[] segments,
                              EventMetrics events, boolean probability) {
        double[] noProbability = new double[score.length];
        Arrays.fill(noProbability, Double.NaN);
        Metrics m = Metrics.of(score, y, Double.isNaN(threshold) ? Double.POSITIVE_INFINITY : threshold,
                probability ? score : noProbability);
        BlockBootstrap.Intervals ci = BlockBootstrap.of(score, probability ? score : noProbability, y, segments,
                Double.isNaN(threshold) ? Double.POSITIVE_INFINITY : threshold, BLOCK, settings.samples(), 17);
        return new ScoreResult(name, score, threshold, m, ci.rocAuc(), ci.prAuc(), events);
    }

    private Comparisons compare(double[] model, double[] vol, double[] logistic, int[] y, int[] segments) {
        int n = settings.samples();
        return new Comparisons(
                BlockBootstrap.difference(model, vol, y, segments, Metrics::rocAuc, BLOCK, n, 23),
                BlockBootstrap.difference(model, vol, y, segments, Metrics::averagePrecision, BLOCK, n, 23),
                BlockBootstrap.difference(model, logistic, y, segments, Metrics::rocAuc, BLOCK, n, 23),
                BlockBootstrap.difference(model, logistic, y, segments, Metrics::averagePrecision, BLOCK, n, 23));
    }
}
