package io.sysrisk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.sysrisk.model.EnsembleNet;
import io.sysrisk.model.SystemicRiskNet;

/** Loads a stored version into DJL: the part of the store that needs DJL and libtorch. */
final class DjlLoader {

    private DjlLoader() {
    }

    static StoredModel load(ModelStore store, String version, Device device) {
        ModelManifest m = store.manifest(version);
        Path folder = store.root().resolve(version);
        Path params = folder.resolve(m.parameters().file());
        if (!Files.isRegularFile(params)) {
            throw new ModelStoreException("model version '" + version + "' is incomplete: parameter file " + params
                    + " is missing");
        }
        String actual;
        try {
            actual = ModelStore.sha256(params);
        } catch (IOException e) {
            throw new ModelStoreException("model version '" + version + "': cannot read " + params, e);
        }
        if (!actual.equals(m.parameters().sha256())) {
            throw new ModelStoreException("model version '" + version + "' is corrupt: " + params.getFileName()
                    + " has SHA-256 " + actual + ", the manifest records " + m.parameters().sha256());
        }
        Block net = m.ensemble() != null ? new EnsembleNet(m.ensemble().config()) : new SystemicRiskNet(m.model());
        Model model = Model.newInstance(ModelStore.PARAMS_NAME, device, "PyTorch");
        try {
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32,
                    new Shape(1, m.input().window(), m.input().features().size()));
            Map<String, Shape> expected = new LinkedHashMap<>();
            net.getParameters().forEach(p -> expected.put(p.getKey(), p.getValue().getArray().getShape()));
            // DJL would load the highest-numbered NAME-NNNN.params it finds: load exactly the file the manifest
            // names (and checksums) instead.
            model.load(folder, ModelStore.PARAMS_NAME, Map.of("epoch", ModelStore.epochOf(m.parameters().file())));
            // DJL takes whatever arrays the file holds; a file from another architecture must not slip through.
            net.getParameters().forEach(p -> {
                Shape actualShape = p.getValue().getArray().getShape();
                if (!actualShape.equals(expected.get(p.getKey()))) {
                    throw new ModelStoreException("parameter " + p.getKey() + " has shape " + actualShape
                            + ", the recorded architecture needs " + expected.get(p.getKey()));
                }
            });
            return new StoredModel(folder, m, model);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelStoreException("model version '" + version + "': parameters do not fit the recorded "
                    + "architecture: " + e.getMessage(), e);
        }
    }

}
