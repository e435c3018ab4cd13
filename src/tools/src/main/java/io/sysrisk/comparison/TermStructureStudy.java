package io.sysrisk.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import ai.djl.inference.Predictor;
import io.sysrisk.data.Market;
import io.sysrisk.evaluation.Indicators;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.experiment.PooledExperiment;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.model.DjlScoring;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.training.EnsembleTrainer;
import io.sysrisk.windows.WindowSet;

/**
 * A term structure's out-of-sample evidence, horizon by horizon (issue 26): leave-one-market-out as the default's
 * report holds markets out (each market over its whole history, and that period in every other market, so the
 * result is cross-era), the version's own recipe trained on the rest with every embargo the longest horizon's. On
 * the held-out market's windows, each horizon's probability is ranked against that horizon's label beside the
 * reference, 20-day volatility on the window's last day: ROC-AUC and PR-AUC, and their paired differences with
 * block-bootstrap intervals (blocks within each market). Calibration per horizon: the mean probability against the
 * observed rate, and the Brier score. Per horizon too, the stratum of onsets out of calm ({@link CalmStratum}: the
 * windows before onsets with no fall start in the {@link io.sysrisk.labels.Labeler#CALM_DAYS} before them, against
 * every window without an onset within the horizon), pooled within folds. Also counted: answers whose structure
 * decreases in the horizon (none can).
 */
public final class TermStructureStudy {

    /** The bootstrap's block in trading days, as the default's report. */
    static final int BLOCK = LeaveOneMarketOut.BLOCK;

    /** One horizon's figures on a set of windows; {@code NaN} and null intervals where it holds no event. */
    public record Horizon(int days, int windows, int positives, double baseRate, double meanProbability, double brier,
                          double modelRocAuc, double volatilityRocAuc, double modelPrAuc, double volatilityPrAuc,
                          BlockBootstrap.Difference rocVsVolatility, BlockBootstrap.Difference prVsVolatility) {
    }

    /** One held-out market: its test period, what the fold trained on, and each horizon's figures. */
    public record Fold(String market, String period, String trainedOn, List<Integer> bestEpochs, List<Horizon> horizons,
                       @com.fasterxml.jackson.annotation.JsonIgnore double[][] probability,
                       @com.fasterxml.jackson.annotation.JsonIgnore int[][] labels,
                       @com.fasterxml.jackson.annotation.JsonIgnore double[] volatility,
                       @com.fasterxml.jackson.annotation.JsonIgnore int[] rows,
                       @com.fasterxml.jackson.annotation.JsonIgnore int[] onsets,
                       @com.fasterxml.jackson.annotation.JsonIgnore boolean[] calmOnsets,
                       @com.fasterxml.jackson.annotation.JsonIgnore List<LocalDate> onsetDates) {
    }

    /**
     * Every fold, and the folds pooled (segments: one per market). {@code stratifiedPrAuc}: per horizon, each
     * fold's PR-AUC weighted by its events (the folds' calibrations differ; this does not join their scores).
     */
    public record Result(String design, String mode, List<Integer> horizons, int servedHorizon, List<Fold> folds,
                         List<Horizon> pooled, List<double[]> stratifiedPrAuc, List<CalmStratum.Result> calm,
                         long answers, long decreasing, int samples, double seconds) {
    }

    /** The scores the calm stratum ranks, in its order. */
    public static final List<String> CALM_SCORES = List.of("model", "volatility (vol_20d)");

    public static final String DESIGN = "leave-one-market-out, per horizon, the version's recipe";

    private TermStructureStudy() {
    }

    /**
     * @param base    the version's pooled experiment (with its horizons)
     * @param member  the version's member network (with its horizons)
     * @param markets the markets to hold out in turn ({@code settings.markets()} narrows them) and train on
     */
    public static Result run(PooledConfig base, ModelConfig member, TrainConfig train, List<Market> markets,
                             LeaveOneMarketOut.Settings settings, Consumer<String> log) {
        if (base.horizons() == null || member.horizons() == null || !base.horizons().equals(member.horizons())) {
            throw new IllegalArgumentException("a term-structure study needs a version with horizons, got "
                    + base.horizons() + " and " + member.horizons());
        }
        long start = System.nanoTime();
        int k = base.horizons().size();
        TrainConfig cfg = train.withMaxEpochs(settings.maxEpochs()).withPatience(settings.patience());
        List<Fold> folds = new ArrayList<>();
        List<Market> held = markets.stream()
                .filter(m -> settings.markets() == null || settings.markets().contains(m.name())).toList();
        for (int i = 0; i < held.size(); i++) {
            Market m = held.get(i);
            log.accept(String.format(Locale.ROOT, "[fold %d/%d] %s held out (%s..%s, and that period in every "
                    + "market), %.1f min elapsed", i + 1, held.size(), m.name(), m.first(), m.last(),
                    (System.nanoTime() - start) / 60e9));
            folds.add(fold(base.withHeldOut(new PooledConfig.HeldOut(m.name(), m.first(), m.last())), member, cfg,
                    markets, settings, log));
        }
        List<Horizon> pooled = new ArrayList<>();
        List<double[]> stratified = new ArrayList<>();
        int[] segments = folds.stream().mapToInt(f -> f.volatility().length).toArray();
        double[] vol = folds.stream().flatMapToDouble(f -> Arrays.stream(f.volatility())).toArray();
        for (int h = 0; h < k; h++) {
            int j = h;
            double[] p = folds.stream().flatMapToDouble(f -> Arrays.stream(f.probability()[j])).toArray();
            int[] y = folds.stream().flatMapToInt(f -> Arrays.stream(f.labels()[j])).toArray();
            pooled.add(horizon(base.horizons().get(h), p, y, vol, segments, settings.samples()));
            double model = 0;
            double volatility = 0;
            int events = 0;
            for (Fold f : folds) {
                Horizon fh = f.horizons().get(h);
                if (fh.positives() > 0) {
                    model += fh.modelPrAuc() * fh.positives();
                    volatility += fh.volatilityPrAuc() * fh.positives();
                    events += fh.positives();
                }
            }
            stratified.add(new double[] {model / events, volatility / events});
        }
        List<CalmStratum.Result> calm = new ArrayList<>();
        for (int h = 0; h < k; h++) {
            int j = h;
            List<int[]> kept = folds.stream().map(f -> CalmStratum.kept(f.rows(), f.labels()[j], f.onsets(),
                    f.calmOnsets())).toList();
            calm.add(CalmStratum.pooled(io.sysrisk.labels.Labeler.CALM_DAYS, folds.stream().map(Fold::onsets).toList(),
                    folds.stream().map(Fold::calmOnsets).toList(), folds.stream().map(Fold::onsetDates).toList(), kept,
                    folds.stream().map(f -> f.labels()[j]).toList(), CALM_SCORES,
                    List.of(folds.stream().map(f -> f.probability()[j]).toList(),
                            folds.stream().map(Fold::volatility).toList()), settings.samples(), 29));
        }
        long answers = 0;
        long decreasing = 0;
        for (Fold f : folds) {
            for (int i = 0; i < f.volatility().length; i++) {
                answers++;
                for (int h = 1; h < k; h++) {
                    if (f.probability()[h][i] < f.probability()[h - 1][i]) {
                        decreasing++;
                        break;
                    }
                }
            }
        }
        Result r = new Result(DESIGN, settings.mode(), base.horizons(), base.label().horizon(), folds, pooled,
                stratified, calm, answers, decreasing, settings.samples(), (System.nanoTime() - start) / 1e9);
        for (int h = 0; h < k; h++) {
            CalmStratum.Result c = calm.get(h);
            log.accept(String.format(Locale.ROOT, "calm stratum, within %d days: %d onsets out of calm, ROC-AUC "
                            + "model %.3f [%.2f, %.2f] vs volatility %.3f [%.2f, %.2f]", base.horizons().get(h),
                    c.calmOnsets(), c.ranking().get(0).rocAuc(), c.ranking().get(0).rocAucInterval().low(),
                    c.ranking().get(0).rocAucInterval().high(), c.ranking().get(1).rocAuc(),
                    c.ranking().get(1).rocAucInterval().low(), c.ranking().get(1).rocAucInterval().high()));
        }
        for (Horizon h : pooled) {
            log.accept(String.format(Locale.ROOT, "pooled, within %d days: PR-AUC model %.3f vs volatility %.3f, "
                            + "difference %+.3f [%.3f, %.3f]; ROC-AUC %.3f vs %.3f; mean probability %.3f, rate %.3f",
                    h.days(), h.modelPrAuc(), h.volatilityPrAuc(), h.prVsVolatility().estimate(),
                    h.prVsVolatility().interval().low(), h.prVsVolatility().interval().high(), h.modelRocAuc(),
                    h.volatilityRocAuc(), h.meanProbability(), h.baseRate()));
        }
        return r;
    }

    private static Fold fold(PooledConfig config, ModelConfig member, TrainConfig cfg, List<Market> markets,
                             LeaveOneMarketOut.Settings settings, Consumer<String> log) {
        PooledExperiment exp = PooledExperiment.prepare(config, markets);
        PooledExperiment.MarketPart held = exp.heldOut();
        WindowSet test = held.test();
        if (test.size() == 0) {
            throw new IllegalArgumentException("fold " + held.name() + " has no test window");
        }
        List<WindowScore> scores;
        List<Integer> bestEpochs;
        try (EnsembleTrainer.Result t = EnsembleTrainer.train(member, settings.seeds(), exp.train(), exp.validation(),
                exp.calibration(), cfg, line -> log.accept("  " + line));
             Predictor<WindowBatch, List<WindowScore>> p = t.newPredictor()) {
            scores = DjlScoring.score(p, test);
            bestEpochs = t.members().stream().map(ModelManifest.MemberRun::bestEpoch).toList();
        }
        int k = member.outputs();
        double[][] prob = new double[k][test.size()];
        int[][] labels = new int[k][test.size()];
        for (int i = 0; i < test.size(); i++) {
            double[] ts = scores.get(i).termStructure();
            for (int h = 0; h < k; h++) {
                prob[h][i] = ts[h];
                labels[h][i] = test.firstOnset()[i] <= h ? 1 : 0;
            }
        }
        double[] vol = Indicators.slice(Indicators.volatility(held.market().data()), test.rows());
        List<Horizon> horizons = new ArrayList<>();
        for (int h = 0; h < k; h++) {
            horizons.add(horizon(config.horizons().get(h), prob[h], labels[h], vol, new int[] {test.size()},
                    settings.samples()));
            Horizon x = horizons.get(h);
            log.accept(String.format(Locale.ROOT, "  %s, within %d days: %d of %d windows positive; PR-AUC model "
                    + "%.3f vs volatility %.3f; ROC-AUC %.3f vs %.3f; mean probability %.3f", held.name(), x.days(),
                    x.positives(), x.windows(), x.modelPrAuc(), x.volatilityPrAuc(), x.modelRocAuc(),
                    x.volatilityRocAuc(), x.meanProbability()));
        }
        String trainedOn = exp.markets().stream().filter(m -> m.trainRows().length > 0)
                .map(m -> m.name() + " " + m.matrix().dates().get(m.trainRows()[0]) + ".."
                        + m.matrix().dates().get(m.calibrationRows().length > 0
                        ? m.calibrationRows()[m.calibrationRows().length - 1] : m.trainRows()[m.trainRows().length - 1]))
                .reduce((a, b) -> a + "; " + b).orElse("");
        List<LocalDate> ends = test.endDates();
        io.sysrisk.labels.LabelDefinition.Onset fall = (io.sysrisk.labels.LabelDefinition.Onset) config.label();
        int[] onsets = io.sysrisk.labels.Labeler.onsets(held.market().data(), fall);
        boolean[] calm = io.sysrisk.labels.Labeler.outOfCalm(held.market().data(), fall, onsets,
                io.sysrisk.labels.Labeler.CALM_DAYS);
        List<LocalDate> onsetDates = Arrays.stream(onsets).mapToObj(t -> held.market().data().dates().get(t)).toList();
        return new Fold(held.name(), ends.get(0) + ".." + ends.get(ends.size() - 1), trainedOn, bestEpochs, horizons,
                prob, labels, vol, test.rows(), onsets, calm, onsetDates);
    }

    private static Horizon horizon(int days, double[] p, int[] y, double[] vol, int[] segments, int samples) {
        int positives = Arrays.stream(y).sum();
        double mean = Arrays.stream(p).average().orElse(Double.NaN);
        double brier = 0;
        for (int i = 0; i < p.length; i++) {
            brier += (p[i] - y[i]) * (p[i] - y[i]) / p.length;
        }
        if (positives == 0 || positives == y.length) {
            return new Horizon(days, y.length, positives, (double) positives / y.length, mean, brier, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, null, null);
        }
        return new Horizon(days, y.length, positives, (double) positives / y.length, mean, brier,
                Metrics.rocAuc(p, y), Metrics.rocAuc(vol, y), Metrics.averagePrecision(p, y),
                Metrics.averagePrecision(vol, y),
                BlockBootstrap.difference(p, vol, y, segments, Metrics::rocAuc, BLOCK, samples, 23),
                BlockBootstrap.difference(p, vol, y, segments, Metrics::averagePrecision, BLOCK, samples, 23));
    }
}
