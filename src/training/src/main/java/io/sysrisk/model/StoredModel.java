package io.sysrisk.model;

import java.nio.file.Path;
import java.util.List;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.model.WindowTranslator;
import io.sysrisk.store.ModelManifest;

/** A verified model version, loaded and ready to score. Close it to free its native memory. */
public record StoredModel(Path folder, ModelManifest manifest, Model model) implements AutoCloseable {

    /** Predictors are not thread-safe: one per thread, or a pool. */
    public Predictor<WindowBatch, List<WindowScore>> newPredictor() {
        return model.newPredictor(WindowTranslator.of(model.getBlock()));
    }

    @Override
    public void close() {
        model.close();
    }
}
