package io.sysrisk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes test versions made of the old job's fixture files, without DJL; and the child process of the crash test. */
final class StoreWriter {

    static final Path COMMITTED = Path.of("model-store");
    /** Versions the retired single-market job wrote, kept as fixtures of the old manifest shape. */
    static final Path OLD_JOB = Path.of("src", "fixtures", "model-store");
    /** The one version there: the SPI and its sectors (a panel model). */
    static final String OLD_VERSION = "spi-sectors";

    private StoreWriter() {
    }

    /** The old job's manifest under another version name. */
    static ModelManifest manifest(String version) throws IOException {
        ObjectNode m = (ObjectNode) ModelStore.json().readTree(OLD_JOB.resolve(OLD_VERSION).resolve(ModelStore.MANIFEST).toFile());
        m.put("version", version);
        return ModelStore.json().treeToValue(m, ModelManifest.class);
    }

    /** Saves {@code version} into {@code root} with the old job's parameter files. */
    static Path save(ModelStore store, String version) throws IOException {
        try (ModelStore.WriteLock lock = store.lock(version)) {
            return save(store, version, lock);
        }
    }

    static Path save(ModelStore store, String version, ModelStore.WriteLock lock) throws IOException {
        return save(store, manifest(version), lock);
    }

    /** The old job's manifest under another version name, marked with its own creation time. */
    static ModelManifest manifest(String version, String createdAt) throws IOException {
        ObjectNode m = (ObjectNode) ModelStore.json().valueToTree(manifest(version));
        m.put("createdAt", createdAt);
        return ModelStore.json().treeToValue(m, ModelManifest.class);
    }

    static Path save(ModelStore store, ModelManifest m, ModelStore.WriteLock lock) throws IOException {
        return store.save(m, (folder, manifest) -> {
            Files.copy(OLD_JOB.resolve(OLD_VERSION).resolve(manifest.parameters().file()),
                    folder.resolve(manifest.parameters().file()));
            Files.copy(OLD_JOB.resolve(OLD_VERSION).resolve(manifest.portableParameters().file()),
                    folder.resolve(manifest.portableParameters().file()));
            return manifest;
        }, lock);
    }

    /** The crash test's child: saves a version and stops between the two renames, until it is killed. */
    public static void main(String[] args) throws Exception {
        ModelStore.STEP = step -> {
            if (!step.equals("aside")) {
                return;
            }
            System.out.println("SWAPPING");
            System.out.flush();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        save(new ModelStore(Path.of(args[0])), args[1]);
    }
}
