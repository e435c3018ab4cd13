package io.sysrisk.research.experiment;

import java.util.List;

import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.windows.ChronologicalSplit;

/**
 * Everything that defines the data a model sees: market data, features (null: every feature the input supports),
 * label, window length in days, chronological split and the normalization clip.
 */
public record ExperimentConfig(String name, DataSpec data, List<String> featureIds, LabelDefinition label,
                               int window, ChronologicalSplit split, double clip) {

    public static final int DEFAULT_WINDOW = 60;

    public ExperimentConfig {
        featureIds = featureIds == null ? null : List.copyOf(featureIds);
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1 day, got " + window);
        }
    }

    public ExperimentConfig withWindow(int w) {
        return new ExperimentConfig(name, data, featureIds, label, w, split, clip);
    }

    public ExperimentConfig withLabel(LabelDefinition l) {
        ChronologicalSplit s = new ChronologicalSplit(split.validationStart(), split.testStart(), split.testEnd(),
                Math.max(split.embargo(), l.lookahead()));
        return new ExperimentConfig(name, data, featureIds, l, window, s, clip);
    }

    /** Other data under a name of its own (model versions are named after their experiment). */
    public ExperimentConfig withData(String newName, DataSpec d) {
        return new ExperimentConfig(newName, d, featureIds, label, window, split, clip);
    }

    public ExperimentConfig withSplit(ChronologicalSplit s) {
        return new ExperimentConfig(name, data, featureIds, label, window, s, clip);
    }
}
