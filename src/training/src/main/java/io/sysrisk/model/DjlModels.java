package io.sysrisk.model;

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
import io.sysrisk.inference.PortableParameters;
import io.sysrisk.inference.Tensor;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;
import io.sysrisk.store.ModelStoreException;

/** The DJL side of the model store: saves a trained block as a version, loads a version into DJL. */
public final class DjlModels {

    private DjlModels() {
    }

    /** Writes {@code model}'s parameters (DJL's file and the portable copy) and the manifest as a version. */
    public static Path save(ModelStore store, ModelManifest manifest, Model model) {
        try (ModelStore.WriteLock lock = store.lock(manifest.version())) {
            return save(store, manifest, model, lock);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** As {@link #save(ModelStore, ModelManifest, Model)}, under the version's write lock the caller holds. */
    public static Path save(ModelStore store, ModelManifest manifest, Model model, ModelStore.WriteLock lock) {
        return save(store, manifest, model, lock, (folder, m) -> m);
    }

    /**
     * As {@link #save(ModelStore, ModelManifest, Model, ModelStore.WriteLock)}, with {@code more} files written into
     * the version beside the parameters (a systemic model's state), recorded in the manifest it returns.
     */
    public static Path save(ModelStore store, ModelManifest manifest, Model model, ModelStore.WriteLock lock,
                            ModelStore.ParameterWriter more) {
        return store.save(manifest, (folder, m) -> {
            model.setProperty("Epoch", "0");
            model.save(folder, ModelStore.PARAMS_NAME);
            Path params;
            try (java.util.stream.Stream<Path> files = Files.list(folder)) {
                params = files.filter(p -> p.getFileName().toString().endsWith(".params")).findFirst()
                        .orElseThrow(() -> new ModelStoreException("DJL wrote no .params file in " + folder));
            }
            Path portable = folder.resolve(PortableParameters.FILE);
            PortableParameters.write(tensors(model.getBlock()), portable);
            return more.write(folder, m.withParameters(ModelStore.describe(params))
                    .withPortableParameters(ModelStore.describe(portable)));
        }, lock);
    }

    /** A DJL block's parameters as named float32 tensors (DJL's names and shapes). */
    public static Map<String, Tensor> tensors(Block block) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        block.getParameters().forEach(p -> {
            long[] shape = p.getValue().getArray().getShape().getShape();
            int[] dims = new int[shape.length];
            for (int i = 0; i < shape.length; i++) {
                dims[i] = Math.toIntExact(shape[i]);
            }
            out.put(p.getKey(), new Tensor(p.getKey(), dims, p.getValue().getArray().toFloatArray()));
        });
        return out;
    }

    /** Loads a version into DJL after the store's manifest checks and the parameters' checksum. */
    /** A PyTorch model named {@code name} on {@code device} holding {@code block}: every DJL model is made here. */
    public static Model newModel(String name, Device device, Block block) {
        Model model = Model.newInstance(name, device, "PyTorch");
        model.setBlock(block);
        return model;
    }

    public static StoredModel load(ModelStore store, String version, Device device) {
        ModelManifest m = store.manifest(version);
        Path folder = store.folder(version);
        Path params = folder.resolve(m.parameters().file());
        try {
            store.verify(version, m.parameters());
        } catch (IOException e) {
            throw new ModelStoreException("model version '" + version + "': cannot read " + params, e);
        }
        Block net = m.ensemble() != null ? new EnsembleNet(m.ensemble().config()) : Architecture.ofManifest(m.architecture()).build(m.model());
        Model model = newModel(ModelStore.PARAMS_NAME, device, net);
        try {
            net.initialize(model.getNDManager(), DataType.FLOAT32,
                    new Shape(1, m.input().window(), m.input().channels().size()));
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
