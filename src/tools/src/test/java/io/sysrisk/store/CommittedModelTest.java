package io.sysrisk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import io.sysrisk.data.EmbeddedDataset;
import io.sysrisk.data.Markets;
import io.sysrisk.evaluation.EvaluationReport;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.experiment.DefaultExperiments;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.experiment.PooledExperiment;
import io.sysrisk.experiment.PreparedExperiment;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.model.DjlModels;
import io.sysrisk.model.DjlScoring;
import io.sysrisk.model.StoredModel;

/** The models committed in model-store/ load, match their provenance, and reproduce their recorded metrics. */
class CommittedModelTest {

    /** The served any-index ensemble: same features, normalization and validation figures as when it was trained. */
    @Test
    void anyIndexModelReproducesItsRecordedValidationMetrics() {
        ModelStore store = new ModelStore(Path.of("model-store"));
        try (StoredModel model = DjlModels.load(store, PooledConfig.DEFAULT_NAME, Device.cpu());
             Predictor<WindowBatch, List<WindowScore>> predictor = model.newPredictor()) {
            ModelManifest m = model.manifest();
            assertEquals(PooledConfig.defaults(), m.pooled(), "trained with today's default experiment");
            assertEquals(5, m.ensemble().config().members());
            assertEquals(List.of("close"), m.input().columns());
            PooledExperiment exp = PooledExperiment.prepare(m.pooled(), Markets.embedded());
            assertEquals(exp.features().ids(), m.input().features());
            for (int j = 0; j < m.normalization().mean().length; j++) {
                assertEquals(exp.normalization().mean()[j], m.normalization().mean()[j], 1e-12);
                assertEquals(exp.normalization().std()[j], m.normalization().std()[j], 1e-12);
            }
            for (ModelManifest.DataFile f : m.data()) {
                assertEquals(EmbeddedDataset.byFileName(f.name()).orElseThrow().sha256(), f.sha256(), f.name());
            }
            double[] p = WindowScore.probabilities(DjlScoring.score(predictor, exp.validation()));
            Metrics again = Metrics.of(p, exp.validation().labels(), m.threshold());
            Metrics recorded = m.metrics().validation();
            assertEquals(recorded.n(), again.n());
            assertEquals(recorded.tp(), again.tp());
            assertEquals(recorded.fp(), again.fp());
            assertEquals(recorded.rocAuc(), again.rocAuc(), 1e-6);
            assertEquals(recorded.prAuc(), again.prAuc(), 1e-6);
            assertEquals(recorded.brier(), again.brier(), 1e-6);
        }
    }

    @Test
    void defaultModelReproducesItsRecordedMetrics() {
        ModelStore store = new ModelStore(Path.of("model-store"));
        try (StoredModel model = DjlModels.load(store, DefaultExperiments.DEFAULT.cliName(), Device.cpu());
             Predictor<WindowBatch, List<WindowScore>> predictor = model.newPredictor()) {
            ModelManifest m = model.manifest();
            assertEquals(EmbeddedDataset.SP500.sha256(), m.data().get(0).sha256(), "trained on the embedded data");
            PreparedExperiment exp = PreparedExperiment.prepare(DefaultExperiments.DEFAULT.config());
            assertEquals(exp.features().features().ids(), m.input().features());
            assertEquals(exp.config().label(), m.label());
            assertEquals(exp.config().split(), m.split());
            for (int j = 0; j < m.normalization().mean().length; j++) {
                assertEquals(exp.normalization().mean()[j], m.normalization().mean()[j], 1e-12);
                assertEquals(exp.normalization().std()[j], m.normalization().std()[j], 1e-12);
            }
            EvaluationReport again = EvaluationReport.evaluate(exp, DjlScoring.scorer(predictor), m.threshold());
            assertEquals(m.metrics().test().n(), again.test().n());
            assertEquals(m.metrics().test().tp(), again.test().tp());
            assertEquals(m.metrics().test().fp(), again.test().fp());
            assertEquals(m.metrics().test().rocAuc(), again.test().rocAuc(), 1e-6);
            assertEquals(m.metrics().test().prAuc(), again.test().prAuc(), 1e-6);
            assertEquals(m.metrics().validation().f1(), again.validation().f1(), 1e-9);
            // Recorded before indicators stopped reporting a Brier score (a 0/1 alert is not a probability).
            assertEquals(m.metrics().persistence().rocAuc(), again.persistence().rocAuc(), 1e-12);
            assertEquals(m.metrics().persistence().prAuc(), again.persistence().prAuc(), 1e-12);
            assertEquals(m.metrics().persistence().tp(), again.persistence().tp());
            assertEquals(m.metrics().persistence().fp(), again.persistence().fp());
            assertTrue(m.training().bestEpoch() >= 1);
        }
    }
}
