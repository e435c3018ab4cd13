package io.sysrisk.research.experiment;

import io.sysrisk.research.data.EmbeddedDataset;
import io.sysrisk.store.ModelManifest;

/** Experiments rebuilt from a model's manifest. */
public final class ManifestExperiments {

    private ManifestExperiments() {
    }

    /** The experiment {@code m} was trained on (embedded datasets only). */
    public static ExperimentConfig of(ModelManifest m) {
        String file = m.data().get(0).name();
        EmbeddedDataset dataset = EmbeddedDataset.byFileName(file)
                .orElseThrow(() -> new IllegalArgumentException("model " + m.version() + " was trained on " + file
                        + ", not on an embedded dataset"));
        return new ExperimentConfig(m.experiment(), new DataSpec(dataset, null, m.loadOptions()),
                m.input().features(), m.label(), m.input().window(), m.split(), m.normalization().clip());
    }
}
