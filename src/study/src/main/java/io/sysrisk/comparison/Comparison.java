package io.sysrisk.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import ai.djl.inference.Predictor;
import io.sysrisk.data.MarketData;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.features.Feature;
import io.sysrisk.features.FeatureMatrix;
import io.sysrisk.features.FeaturePipeline;
import io.sysrisk.features.FeatureSet;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.model.Architecture;
import io.sysrisk.model.DjlScoring;
import io.sysrisk.research.data.EmbeddedDataset;
import io.sysrisk.research.evaluation.Indicators;
import io.sysrisk.research.experiment.ExperimentConfig;
import io.sysrisk.research.experiment.PreparedExperiment;
import io.sysrisk.research.labels.Labeler;
import io.sysrisk.training.ModelTrainer;
import io.sysrisk.windows.ChronologicalSplit;
import io.sysrisk.windows.Part;
import io.sysrisk.windows.SplitIndices;
import io.sysrisk.windows.WindowSet;

/**
 * The comparison behind the report: every architecture on exactly the same windows, splits and labels, over several
 * seeds; the model-free indicators; the ablations; a walk-forward evaluation; a cross-market test. Every decision
 * (early stopping, threshold) uses validation data only; the test parts are only scored.
 */
public final class Comparison {

    static final int VALIDATION_YEARS = 3;

    private final ComparisonConfig config;
    private final Consumer<String> log;
    private int runsDone;
    private int runsTotal;
    private long started;

    public Comparison(ComparisonConfig config, Consumer<String> log) {
        this.config = config;
        this.log = log;
    }

    /** One trained model's test scores and threshold. */
    record Trained(double[] test, double threshold, double validationPrAuc) {
    }

    public ComparisonResult run(ExperimentConfig experiment) {
        started = System.nanoTime();
        PreparedExperiment exp = PreparedExperiment.prepare(experiment);
        int folds = config.walkForwardFrom() == 0 ? 0
                : Math.max(0, exp.data().dates().get(exp.data().size() - 1).getYear() - firstFold(exp) + 1);
        runsTotal = config.architectures().size() * config.seeds().size() + config.windows().size()
                + config.labels().size() + folds + (config.crossMarket() ? 1 : 0);
        log.accept(exp.summary().stripTrailing());
        log.accept(runsTotal + " training runs");

        WindowSet test = exp.part(Part.TEST);
        int horizon = experiment.label().horizon();
        List<ComparisonResult.Row> models = new ArrayList<>();
        for (Architecture a : config.architectures()) {
            List<Metrics> runs = new ArrayList<>();
            Trained first = null;
            for (int seed : config.seeds()) {
                Trained t = train(a, exp, seed, a.label() + " seed " + seed);
                runs.add(Metrics.of(t.test(), test.labels(), t.threshold()));
                first = first == null ? t : first;
            }
            models.add(row(a.label(), first.test(), first.test(), test.labels(), first.threshold(), horizon,
                    ComparisonResult.SeedSpread.of(runs), null));
        }

        List<ComparisonResult.Row> indicators = new ArrayList<>();
        for (Indicators.Scores s : Indicators.all(exp.data(), exp.split().get(Part.TRAIN), test.rows())) {
            // Always-negative is a forecast (probability 0); the other indicators give no probability, no Brier.
            indicators.add(row(s.name(), s.score(), s.name().startsWith("always") ? s.alerts() : nan(s.score().length),
                    test.labels(), s.threshold(), horizon, null, null));
        }
        if (indicators.size() == 2) {
            indicators.add(new ComparisonResult.Row("turbulence / absorption ratio", null, null, null,
                    "not available: " + exp.data().kind() + " input has no member series", null, null));
        }

        List<ComparisonResult.Row> ablations = ablations(experiment);
        List<ComparisonResult.Row> pooled = new ArrayList<>();
        List<ComparisonResult.Row> walk = walkForward(experiment, exp, pooled);
        String[] setup = new String[1];
        List<ComparisonResult.Row> cross = config.crossMarket() ? crossMarket(experiment, setup) : List.of();
        double seconds = (System.nanoTime() - started) / 1e9;
        log.accept(String.format("comparison done in %.1f min", seconds / 60));
        return new ComparisonResult(experiment.name(), test.endDates().get(0) + ".." + test.endDates().get(test.size() - 1),
                test.size(), test.positives(), models, indicators, ablations, walk, pooled, cross, setup[0], seconds,
                config.mode());
    }

    private List<ComparisonResult.Row> ablations(ExperimentConfig experiment) {
        List<ComparisonResult.Row> rows = new ArrayList<>();
        int seed = config.seeds().get(0);
        for (int w : config.windows()) {
            PreparedExperiment e = PreparedExperiment.prepare(experiment.withWindow(w));
            rows.add(referenceRow("window " + w, e, seed));
        }
        for (double[] hx : config.labels()) {
            LabelDefinition l = new LabelDefinition.FutureDrawdown((int) hx[0], hx[1]);
            PreparedExperiment e = PreparedExperiment.prepare(experiment.withLabel(l));
            ComparisonResult.Row r = referenceRow(String.format("label H=%d, X=%.0f%%", (int) hx[0], 100 * hx[1]), e, seed);
            Indicators.Scores p = Indicators.persistence(e.data(), e.split().get(Part.TRAIN), e.part(Part.TEST).rows());
            rows.add(r);
            rows.add(new ComparisonResult.Row("  persistence, same label", p.metrics(e.part(Part.TEST).labels()), null,
                    null, null, null, null));
        }
        return rows;
    }

    private ComparisonResult.Row referenceRow(String name, PreparedExperiment e, int seed) {
        WindowSet test = e.part(Part.TEST);
        Trained t = train(Architecture.CNN_BILSTM_ATTENTION, e, seed, name);
        return new ComparisonResult.Row(name, Metrics.of(t.test(), test.labels(), t.threshold()), null, null,
                String.format("test base rate %.3f", test.baseRate()), null, null);
    }

    private List<ComparisonResult.Row> walkForward(ExperimentConfig experiment, PreparedExperiment full,
                                                   List<ComparisonResult.Row> pooledOut) {
        List<ComparisonResult.Row> rows = new ArrayList<>();
        if (config.walkForwardFrom() == 0) {
            return rows;
        }
        int seed = config.seeds().get(0);
        int h = experiment.label().horizon();
        int lastYear = full.data().dates().get(full.data().size() - 1).getYear();
        List<double[]> margins = new ArrayList<>();
        List<double[]> probs = new ArrayList<>();
        List<double[]> persistence = new ArrayList<>();
        List<int[]> labels = new ArrayList<>();
        for (int year = firstFold(full); year <= lastYear; year++) {
            // Three validation years, not one: a single calm year can hold no event, and early stopping and the
            // threshold then have nothing to go on.
            ChronologicalSplit split = new ChronologicalSplit(LocalDate.of(year - VALIDATION_YEARS, 1, 1),
                    LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), experiment.label().lookahead());
            PreparedExperiment e;
            try {
                e = PreparedExperiment.prepare(experiment.withSplit(split), full.data());
            } catch (IllegalArgumentException ex) {
                rows.add(new ComparisonResult.Row("test " + year, null, null, null, "skipped: " + ex.getMessage(), null,
                        null));
                runsDone++;
                continue;
            }
            WindowSet test = e.part(Part.TEST);
            Trained t = train(Architecture.CNN_BILSTM_ATTENTION, e, seed, "walk-forward " + year);
            Indicators.Scores p = Indicators.persistence(e.data(), e.split().get(Part.TRAIN), e.part(Part.TEST).rows());
            Metrics m = Metrics.of(t.test(), test.labels(), t.threshold());
            Metrics pm = p.metrics(test.labels());
            rows.add(new ComparisonResult.Row("test " + year, m, null, null, String.format(
                    "train to %s, %d events of %d; persistence F1 %.3f, PR-AUC %.3f",
                    e.part(Part.TRAIN).endDates().get(e.part(Part.TRAIN).size() - 1), test.positives(), test.size(),
                    pm.f1(), pm.prAuc()), null, null));
            double[] margin = new double[t.test().length];
            for (int i = 0; i < margin.length; i++) {
                margin[i] = t.test()[i] - t.threshold();
            }
            margins.add(margin);
            probs.add(t.test());
            persistence.add(p.alerts());
            labels.add(test.labels());
        }
        if (!labels.isEmpty()) {
            int[] y = concat(labels);
            double[] margin = concatD(margins);
            double[] p = concatD(probs);
            double[] pa = concatD(persistence);
            pooledOut.add(row("cnn-bilstm-attention, all folds", margin, p, y, 0.0, h, null,
                    "ranking by probability minus each fold's threshold"));
            pooledOut.add(row("persistence, all folds", pa, nan(pa.length), y, 0.5, h, null, "0/1 alerts"));
        }
        return rows;
    }

    /** The first walk-forward test year: the configured one, but never before four years of data. */
    private int firstFold(PreparedExperiment exp) {
        return Math.max(config.walkForwardFrom(), exp.data().dates().get(0).getYear() + 2 + VALIDATION_YEARS);
    }

    /**
     * Train on the experiment's market with close-only features (the ones every market has), then score a market
     * never seen in training over all its labelled days (the Swiss SPI index; the S&P 500 when the experiment is
     * Swiss), normalized with the source's statistics and alerting at the source's validation threshold.
     */
    private List<ComparisonResult.Row> crossMarket(ExperimentConfig experiment, String[] setup) {
        List<String> closeOnly = List.of(Feature.RET_1D.id(), Feature.VOL_20D.id(), Feature.VOL_120D.id(),
                Feature.DRAWDOWN_250D.id());
        ExperimentConfig source = new ExperimentConfig(experiment.name() + "-close-only", experiment.data(), closeOnly,
                experiment.label(), experiment.window(), experiment.split(), experiment.clip());
        PreparedExperiment src = PreparedExperiment.prepare(source);
        EmbeddedDataset targetSet = experiment.data().dataset() == EmbeddedDataset.SPI_SECTORS
                || experiment.data().dataset() == EmbeddedDataset.SWX ? EmbeddedDataset.SP500 : EmbeddedDataset.SPI_SECTORS;
        MarketData target = targetSet.load();
        FeatureMatrix m = FeaturePipeline.compute(target, FeatureSet.ofIds(closeOnly));
        int[] y = Labeler.label(target, experiment.label());
        int from = m.firstValid() + experiment.window() - 1;
        int to = y.length - 1;
        while (y[to] == Labeler.UNKNOWN) {
            to--;
        }
        WindowSet windows = WindowSet.of(m, y, new SplitIndices.Range(from, to), experiment.window(), src.normalization());
        Trained t;
        try (ModelTrainer.Result r = ModelTrainer.train(Architecture.CNN_BILSTM_ATTENTION.build(ModelConfig.reference()),
                src.part(Part.TRAIN), src.part(Part.VALIDATION), trainConfig(config.seeds().get(0)), s -> { });
             Predictor<WindowBatch, List<WindowScore>> p = r.newPredictor()) {
            t = new Trained(WindowScore.probabilities(DjlScoring.score(p, windows)), r.threshold(), Double.NaN);
        }
        progress("cross-market");
        // The persistence threshold comes from the source's training part too: nothing is fitted on the target.
        Indicators.Scores srcPersistence = Indicators.persistence(src.data(), src.split().get(Part.TRAIN),
                new int[0]);
        double[] volScores = Indicators.slice(Indicators.volatility(target), windows.rows());
        int h = experiment.label().horizon();
        setup[0] = String.format("trained on %s %s..%s (features %s), tested on the index of %s %s..%s "
                        + "(%d windows, %d events, base rate %.3f)", experiment.data().name(),
                src.part(Part.TRAIN).endDates().get(0), src.part(Part.VALIDATION).endDates().get(src.part(Part.VALIDATION).size() - 1),
                String.join(", ", closeOnly), targetSet.fileName(), windows.endDates().get(0), windows.endDates().get(windows.size() - 1),
                windows.size(), windows.positives(), windows.baseRate());
        List<ComparisonResult.Row> rows = new ArrayList<>();
        rows.add(row("cnn-bilstm-attention (source model)", t.test(), t.test(), windows.labels(), t.threshold(), h, null,
                null));
        rows.add(row("persistence (source threshold)", volScores, nan(volScores.length), windows.labels(), srcPersistence.threshold(),
                h, null, null));
        rows.add(row("always-negative", new double[windows.size()], new double[windows.size()], windows.labels(), 0.5, h,
                null, null));
        return rows;
    }

    /** A table row with circular-block-bootstrap intervals (blocks of at least 60 days, or the horizon if longer). */
    private ComparisonResult.Row row(String name, double[] score, double[] probability, int[] y, double threshold,
                                     int horizon, ComparisonResult.SeedSpread seeds, String note) {
        Metrics m = Metrics.of(score, y, threshold, probability);
        BlockBootstrap.Intervals ci = BlockBootstrap.of(score, probability, y, threshold,
                Math.max(BlockBootstrap.MIN_BLOCK, horizon), config.samples(), 17);
        return new ComparisonResult.Row(name, m, ci, seeds, note, score, y);
    }

    private Trained train(Architecture a, PreparedExperiment e, int seed, String what) {
        try (ModelTrainer.Result r = ModelTrainer.train(a.build(ModelConfig.reference()), e.part(Part.TRAIN),
                e.part(Part.VALIDATION), trainConfig(seed), s -> { });
             Predictor<WindowBatch, List<WindowScore>> p = r.newPredictor()) {
            double[] test = WindowScore.probabilities(DjlScoring.score(p, e.part(Part.TEST)));
            Trained t = new Trained(test, r.threshold(), r.history().get(r.bestEpoch() - 1).validationPrAuc());
            Metrics m = Metrics.of(test, e.part(Part.TEST).labels(), r.threshold());
            progress(String.format("%s: best epoch %d, validation PR-AUC %.3f", what, r.bestEpoch(),
                    t.validationPrAuc()) + String.format(" | test F1 %.3f, PR-AUC %.3f", m.f1(), m.prAuc()));
            return t;
        }
    }

    private TrainConfig trainConfig(int seed) {
        return TrainConfig.defaults().withSeed(seed).withMaxEpochs(config.maxEpochs()).withPatience(config.patience());
    }

    private void progress(String what) {
        runsDone++;
        double elapsed = (System.nanoTime() - started) / 1e9;
        double eta = elapsed / runsDone * (runsTotal - runsDone);
        log.accept(String.format("[%d/%d] %s (%.0f s elapsed, ETA %.1f min)", runsDone, runsTotal, what, elapsed,
                eta / 60));
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    private static int[] concat(List<int[]> parts) {
        return parts.stream().flatMapToInt(java.util.Arrays::stream).toArray();
    }

    private static double[] concatD(List<double[]> parts) {
        return parts.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
