package io.sysrisk.inference;

import java.util.List;

import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;

/**
 * Scores normalized windows: the one inference interface of the CLI, the reports and the function, whichever engine
 * is behind it ({@link JavaModel}, or a DJL predictor through {@code DjlScoring.scorer}).
 */
@FunctionalInterface
public interface WindowScorer {

    /** Windows per call when scoring many. */
    int BATCH = 256;

    List<WindowScore> score(WindowBatch batch);

    /** Scores {@code count} windows laid out one after another in {@code data}, each (window, features), in batches. */
    static List<WindowScore> scoreAll(WindowScorer scorer, float[] data, int window, int features, int count) {
        List<WindowScore> out = new java.util.ArrayList<>(count);
        for (int from = 0; from < count; from += BATCH) {
            out.addAll(scorer.score(WindowBatch.slice(data, window, features, from, Math.min(count, from + BATCH))));
        }
        return out;
    }
}
