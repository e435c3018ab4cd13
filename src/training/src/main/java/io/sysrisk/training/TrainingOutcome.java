package io.sysrisk.training;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.sysrisk.evaluation.EvaluationReport;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.store.ModelManifest;

/** What a training job produced: where the version went and its manifest as the store reads it back. */
public record TrainingOutcome(Path folder, ModelManifest manifest) {

    /** The test-part table of a model with a test part (a single-market model); empty for a pooled one. */
    public Map<String, Metrics> testTable() {
        Map<String, Metrics> rows = new LinkedHashMap<>();
        EvaluationReport r = manifest.metrics();
        if (r == null || r.test() == null) {
            return rows;
        }
        rows.put(manifest.architecture(), r.test());
        rows.put("always-negative", r.alwaysNegative());
        rows.put("persistence (vol_20d > train p90)", r.persistence());
        return rows;
    }
}
