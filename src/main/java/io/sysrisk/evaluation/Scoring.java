package io.sysrisk.evaluation;

import java.util.List;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.sysrisk.inference.WindowScorer;
import io.sysrisk.model.WindowBatch;
import io.sysrisk.model.WindowScore;
import io.sysrisk.windows.WindowSet;

/** Runs a predictor over many windows, in batches; the one loop used by evaluation and serving. */
public final class Scoring {

    public static final int BATCH = WindowScorer.BATCH;

    private Scoring() {
    }

    public static List<WindowScore> score(Predictor<WindowBatch, List<WindowScore>> predictor, WindowSet windows) {
        return score(scorer(predictor), windows.data(), windows.window(), windows.features(), windows.size());
    }

    public static List<WindowScore> score(Predictor<WindowBatch, List<WindowScore>> predictor, float[] data, int window,
                                          int features, int count) {
        return score(scorer(predictor), data, window, features, count);
    }

    /** Scores {@code count} windows laid out one after another in {@code data}, each (window, features). */
    public static List<WindowScore> score(WindowScorer scorer, float[] data, int window, int features, int count) {
        return WindowScorer.scoreAll(scorer, data, window, features, count);
    }

    /** A DJL predictor as a {@link WindowScorer} (the predictor stays the caller's, not thread-safe). */
    public static WindowScorer scorer(Predictor<WindowBatch, List<WindowScore>> predictor) {
        return batch -> predict(predictor, batch);
    }

    public static List<WindowScore> predict(Predictor<WindowBatch, List<WindowScore>> predictor, WindowBatch batch) {
        try {
            return predictor.predict(batch);
        } catch (TranslateException e) {
            throw new IllegalStateException("inference failed: " + e.getMessage(), e);
        }
    }

    public static double[] probabilities(List<WindowScore> scores) {
        return scores.stream().mapToDouble(WindowScore::probability).toArray();
    }
}
