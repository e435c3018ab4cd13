package io.sysrisk.serving;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.jboss.logging.Logger;

import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;
import io.sysrisk.store.ModelStoreException;

/**
 * Finds the model store to serve from. {@code packaged} (the default) is the copy built into the application under
 * {@code model-store/}: the function serves the models it was built and tested with, extracted once to a temporary
 * folder. Any other value is a folder that must hold the version; if it does not, startup fails, unless
 * {@code sysrisk.model.fallback-to-packaged} is set, in which case the packaged copy is served with a warning.
 */
final class ModelLocator {

    /** The {@code sysrisk.model.store} value that names the copy inside the application. */
    static final String PACKAGED_STORE = "packaged";
    private static final String PACKAGED = "model-store/";
    private static final Logger LOG = Logger.getLogger(ModelLocator.class);

    private ModelLocator() {
    }

    /** Where the store is; {@code extracted} when it is a temporary copy the caller should delete at shutdown. */
    record Location(Path root, boolean extracted) {
    }

    static Path storeRoot(String configured, String version, boolean fallback) {
        return locate(configured, version, fallback).root();
    }

    static Location locate(String configured, String version, boolean fallback) {
        if (PACKAGED_STORE.equals(configured)) {
            return extractPackaged(version);
        }
        Path root = Path.of(configured);
        if (new ModelStore(root).has(version)) {
            return new Location(root, false);
        }
        if (!fallback) {
            throw new ModelStoreException("model version '" + version + "' is not in " + root.toAbsolutePath()
                    + "; set sysrisk.model.store (a folder, or 'packaged' for the copy built into the application) "
                    + "and sysrisk.model.version, or train one with ./mvnw -Ptrain");
        }
        LOG.warnf("model version '%s' is not in %s: serving the copy packaged in the application instead "
                + "(sysrisk.model.fallback-to-packaged=true)", version, root.toAbsolutePath());
        return extractPackaged(version);
    }

    private static Location extractPackaged(String version) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        String manifestResource = PACKAGED + version + "/" + ModelStore.MANIFEST;
        if (cl.getResource(manifestResource) == null) {
            throw new ModelStoreException("model version '" + version + "' is not packaged in the application ("
                    + manifestResource + "); set sysrisk.model.version, or sysrisk.model.store to a folder");
        }
        try {
            Path tmp = Files.createTempDirectory("sysrisk-model-store-");
            Path dir = Files.createDirectories(tmp.resolve(version));
            copy(cl, manifestResource, dir.resolve(ModelStore.MANIFEST));
            ModelManifest m = ModelStore.readManifest(Files.readAllBytes(dir.resolve(ModelStore.MANIFEST)));
            for (ModelManifest.ParameterFile pf : new ModelManifest.ParameterFile[] {m.parameters(), m.portableParameters()}) {
                if (pf == null) {
                    throw new ModelStoreException("packaged model version '" + version + "' lacks a parameter entry");
                }
                copy(cl, PACKAGED + version + "/" + pf.file(), dir.resolve(pf.file()));
            }
            if (m.input().systemicState() != null) {
                String file = m.input().systemicState().file();
                copy(cl, PACKAGED + version + "/" + file, dir.resolve(file));
                if (m.input().systemicState().markets() != null) {
                    String markets = m.input().systemicState().markets().file();
                    copy(cl, PACKAGED + version + "/" + markets, dir.resolve(markets));
                }
            }
            copy(cl, PACKAGED + version + "/" + ModelStore.CHECKSUMS, dir.resolve(ModelStore.CHECKSUMS));
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
