package io.sysrisk.inference;

import java.util.List;

import io.sysrisk.model.WindowBatch;
import io.sysrisk.model.WindowScore;

/**
 * Scores normalized windows: the one inference interface of the CLI, the reports and the function, whichever engine
 * is behind it ({@link JavaModel}, or a DJL predictor through {@code Scoring.scorer}).
 */
@FunctionalInterface
public interface WindowScorer {
    List<WindowScore> score(WindowBatch batch);
}
