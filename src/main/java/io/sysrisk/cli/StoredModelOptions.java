package io.sysrisk.cli;

import java.nio.file.Path;

import ai.djl.Device;
import io.sysrisk.store.ModelStore;
import io.sysrisk.store.StoredModel;
import picocli.CommandLine.Option;

/** Which stored model a job reads. */
public class StoredModelOptions {

    @Option(names = "--store", defaultValue = "model-store", description = "Model store folder (default ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--version", defaultValue = "sp500", description = "Model version (default ${DEFAULT-VALUE}).")
    String version;

    StoredModel load() {
        return new ModelStore(store).load(version, Device.cpu());
    }
}
