package io.sysrisk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import io.sysrisk.data.EmbeddedDataset;
import io.sysrisk.evaluation.EvaluationReport;
import io.sysrisk.experiment.DefaultExperiments;
import io.sysrisk.experiment.PreparedExperiment;
import io.sysrisk.model.WindowBatch;
import io.sysrisk.model.WindowScore;

/** The default model committed in model-store/ loads, matches its provenance, and reproduces its recorded metrics. */
class CommittedModelTest {

    @Test
    void defaultModelReproducesItsRecordedMetrics() {
        ModelStore store = new ModelStore(Path.of("model-store"));
        try (StoredModel model = store.load(DefaultExperiments.DEFAULT.cliName(), Device.cpu());
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
            EvaluationReport again = EvaluationReport.evaluate(exp, predictor, m.threshold());
            assertEquals(m.metrics().test().n(), again.test().n());
            assertEquals(m.metrics().test().tp(), again.test().tp());
            assertEquals(m.metrics().test().fp(), again.test().fp());
            assertEquals(m.metrics().test().rocAuc(), again.test().rocAuc(), 1e-6);
            assertEquals(m.metrics().test().prAuc(), again.test().prAuc(), 1e-6);
            assertEquals(m.metrics().validation().f1(), again.validation().f1(), 1e-9);
            assertEquals(m.metrics().persistence(), again.persistence());
            assertTrue(m.training().bestEpoch() >= 1);
        }
    }
}
