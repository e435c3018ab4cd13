package io.sysrisk.evaluation;

import java.util.ArrayList;
import java.util.List;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.sysrisk.model.WindowBatch;
import io.sysrisk.model.WindowScore;
import io.sysrisk.windows.WindowSet;

/** Scores a whole {@link WindowSet} through a predictor, in batches. */
public final class Scoring {

    public static final int BATCH = 256;

    private Scoring() {
    }

    public static List<WindowScore> score(Predictor<WindowBatch, List<WindowScore>> predictor, WindowSet windows) {
        List<WindowScore> out = new ArrayList<>(windows.size());
        for (int from = 0; from < windows.size(); from += BATCH) {
            int to = Math.min(windows.size(), from + BATCH);
            try {
                out.addAll(predictor.predict(WindowBatch.slice(windows.data(), windows.window(), windows.features(),
                        from, to)));
            } catch (TranslateException e) {
                throw new IllegalStateException("scoring failed: " + e.getMessage(), e);
            }
        }
        return out;
    }

    public static double[] probabilities(List<WindowScore> scores) {
        return scores.stream().mapToDouble(WindowScore::probability).toArray();
    }
}
