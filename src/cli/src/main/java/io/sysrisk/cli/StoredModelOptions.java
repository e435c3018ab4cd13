package io.sysrisk.cli;

import java.nio.file.Path;

import ai.djl.Device;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.model.DjlModels;
import io.sysrisk.model.StoredModel;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;
import picocli.CommandLine.Option;

/** Which stored model a job reads. */
public class StoredModelOptions {

    @Option(names = "--store", defaultValue = io.sysrisk.store.ModelStore.DEFAULT_ROOT, description = "Model store folder (default ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--version", defaultValue = PooledConfig.DEFAULT_NAME,
            description = "Model version (default ${DEFAULT-VALUE}).")
    String version;

    StoredModel load() {
        return DjlModels.load(new ModelStore(store), version, Device.cpu());
    }

    ModelManifest manifest() {
        return new ModelStore(store).manifest(version);
    }

    io.sysrisk.inference.JavaModel javaModel() {
        return new ModelStore(store).javaModel(version);
    }

    /** The systemic state the version carries (null for a model of a market's own data). */
    io.sysrisk.features.SystemicState systemicState() {
        return new ModelStore(store).loaded(version).systemicState();
    }

    /** A scorer of the version's model, with the systemic state it carries. */
    io.sysrisk.scoring.MarketScorer scorer(ModelManifest m) {
        return new io.sysrisk.scoring.MarketScorer(m, systemicState());
    }

    Path folder() {
        return store.resolve(version);
    }
}
