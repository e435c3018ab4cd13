package io.sysrisk.serving;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;
import io.sysrisk.store.ModelStoreException;

/**
 * Finds the model store to serve from: the configured folder when it holds the version (local work, quarkus dev),
 * else the copy packaged in the jar under {@code model-store/} (the Lambda package), extracted once to a
 * temporary folder because DJL loads parameters from files.
 */
final class ModelLocator {

    private static final String PACKAGED = "model-store/";

    private ModelLocator() {
    }

    /** Where the store is; {@code extracted} when it is a temporary copy the caller should delete at shutdown. */
    record Location(Path root, boolean extracted) {
    }

    static Path storeRoot(String configured, String version) {
        return locate(configured, version).root();
    }

    static Location locate(String configured, String version) {
        Path root = Path.of(configured);
        if (Files.isRegularFile(root.resolve(version).resolve(ModelStore.MANIFEST))) {
            return new Location(root, false);
        }
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        String manifestResource = PACKAGED + version + "/" + ModelStore.MANIFEST;
        if (cl.getResource(manifestResource) == null) {
            throw new ModelStoreException("model version '" + version + "' is neither in " + root.toAbsolutePath()
                    + " nor packaged in the application (" + manifestResource + "); set sysrisk.model.store / "
                    + "sysrisk.model.version, or train one with ./mvnw -Ptrain");
        }
        try {
            Path tmp = Files.createTempDirectory("sysrisk-model-store-");
            Path dir = Files.createDirectories(tmp.resolve(version));
            copy(cl, manifestResource, dir.resolve(ModelStore.MANIFEST));
            ModelManifest m = ModelStore.json().readValue(dir.resolve(ModelStore.MANIFEST).toFile(), ModelManifest.class);
            if (m.parameters() == null) {
                throw new ModelStoreException("packaged model version '" + version + "' has no parameter entry");
            }
            copy(cl, PACKAGED + version + "/" + m.parameters().file(), dir.resolve(m.parameters().file()));
            return new Location(tmp, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the packaged model version '" + version + "'", e);
        }
    }

    private static void copy(ClassLoader cl, String resource, Path target) throws IOException {
        try (InputStream in = cl.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelStoreException("packaged model is incomplete: " + resource + " is missing");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
