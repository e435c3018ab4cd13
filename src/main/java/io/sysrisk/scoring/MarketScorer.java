package io.sysrisk.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.sysrisk.data.DataValidationException;
import io.sysrisk.data.MarketData;
import io.sysrisk.features.FeatureMatrix;
import io.sysrisk.features.FeaturePipeline;
import io.sysrisk.features.FeatureSet;
import io.sysrisk.model.WindowBatch;
import io.sysrisk.model.WindowScore;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.windows.WindowSet;

/**
 * Scores market data with a stored model: the training code's feature pipeline and the stored normalization, so
 * serving computes exactly what training saw. Stateless apart from the manifest; the caller brings the predictor
 * (predictors are not thread-safe).
 */
public final class MarketScorer {

    /** Windows per forward pass when scoring a range of dates. */
    public static final int BATCH = 256;

    private final ModelManifest manifest;
    private final FeatureSet features;

    public MarketScorer(ModelManifest manifest) {
        this.manifest = manifest;
        this.features = FeatureSet.ofIds(manifest.input().features());
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** Fails with a message naming what is wrong when {@code data} is not what the model was trained on. */
    public void checkCompatible(MarketData data) {
        ModelManifest.InputSpec in = manifest.input();
        if (data.kind() != in.kind()) {
            throw new DataValidationException("the model expects " + in.kind() + " input, got " + data.kind());
        }
        if (!data.columns().equals(in.columns())) {
            throw new DataValidationException("the model expects columns " + in.columns() + " in that order, got "
                    + data.columns());
        }
        if (data.size() < in.requiredDays()) {
            throw new DataValidationException("at least " + in.requiredDays() + " daily rows are needed (window "
                    + in.window() + " + feature look-back " + in.lookbackDays() + "), got " + data.size());
        }
    }

    /** Every window ending on a date in {@code from..to} (inclusive; null = open) that has a full look-back. */
    public List<DatedScore> score(MarketData data, LocalDate from, LocalDate to,
                                  Predictor<WindowBatch, List<WindowScore>> predictor) {
        checkCompatible(data);
        MarketData aligned = new MarketData(data.source(), data.kind(), data.dates(), data.columns(), data.series(),
                manifest.input().indexColumn(), data.report());
        FeatureMatrix matrix = FeaturePipeline.compute(aligned, features);
        int window = manifest.input().window();
        int first = matrix.firstValid() + window - 1;
        int start = Math.max(first, from == null ? first : data.indexOnOrAfter(from));
        int end = to == null ? data.size() - 1 : data.indexOnOrAfter(to.plusDays(1)) - 1;
        if (start > end) {
            throw new DataValidationException("no date in the requested range has a full window: the first scorable "
                    + "date is " + data.dates().get(Math.min(first, data.size() - 1)));
        }
        int f = features.size();
        int size = window * f;
        List<DatedScore> out = new ArrayList<>(end - start + 1);
        for (int batchStart = start; batchStart <= end; batchStart += BATCH) {
            int n = Math.min(BATCH, end - batchStart + 1);
            float[] x = new float[n * size];
            for (int i = 0; i < n; i++) {
                WindowSet.fill(matrix, batchStart + i, window, manifest.normalization(), x, i * size);
            }
            List<WindowScore> scores;
            try {
                scores = predictor.predict(new WindowBatch(n, window, f, x));
            } catch (TranslateException e) {
                throw new IllegalStateException("inference failed: " + e.getMessage(), e);
            }
            for (int i = 0; i < n; i++) {
                int t = batchStart + i;
                WindowScore s = scores.get(i);
                List<LocalDate> dates = data.dates().subList(t - window + 1, t + 1);
                out.add(new DatedScore(data.dates().get(t), s.probability(), s.probability() >= manifest.threshold(),
                        List.copyOf(dates), perDate(s.attention(), window)));
            }
        }
        return out;
    }

    /**
     * The model attends over pooled steps (each covering {@code pool} consecutive days); each day of a step gets an
     * equal share of its weight, so the per-date weights still sum to 1. Days the pooling dropped (a window not
     * divisible by the pool) get 0.
     */
    static double[] perDate(float[] stepWeights, int window) {
        double[] w = new double[window];
        int pool = window / stepWeights.length;
        for (int s = 0; s < stepWeights.length; s++) {
            for (int k = 0; k < pool; k++) {
                w[s * pool + k] = stepWeights[s] / (double) pool;
            }
        }
        return w;
    }
}
