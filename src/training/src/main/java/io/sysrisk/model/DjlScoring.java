package io.sysrisk.model;

import java.util.List;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.inference.WindowScorer;
import io.sysrisk.windows.WindowSet;

/** A DJL predictor as a {@link WindowScorer}, and over many windows through {@link WindowScorer#scoreAll}. */
public final class DjlScoring {

    public static final int BATCH = WindowScorer.BATCH;

    private DjlScoring() {
    }

    public static List<WindowScore> score(Predictor<WindowBatch, List<WindowScore>> predictor, WindowSet windows) {
        return WindowScorer.scoreAll(scorer(predictor), windows.data(), windows.window(), windows.features(), windows.size());
    }

    public static List<WindowScore> score(Predictor<WindowBatch, List<WindowScore>> predictor, float[] data, int window,
                                          int features, int count) {
        return WindowScorer.scoreAll(scorer(predictor), data, window, features, count);
    }

    /** A DJL predictor as a {@link WindowScorer} (the predictor stays the caller's, not thread-safe). */
    public static WindowScorer scorer(Predictor<WindowBatch, List<WindowScore>> predictor) {
        return batch -> predict(predictor, batch);
    }

    public static List<WindowScore> predict(Predictor<WindowBatch, List<WindowScore>> predictor, WindowBatch batch) {
        Autograd.offOnThisThread(); // the thread's own switch: a prediction must not depend on the thread
        try {
            return predictor.predict(batch);
        } catch (TranslateException e) {
            throw new IllegalStateException("inference failed: " + e.getMessage(), e);
        }
    }
}
