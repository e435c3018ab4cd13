package io.sysrisk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A version's {@link ModelStore#CHECKSUMS} file: written after every other file of a version, read once per load, and
 * every file loaded held to its entry.
 */
final class Checksums {

    private Checksums() {
    }

    /** {@link ModelStore#CHECKSUMS}: every file of the version but the report (committed work that is never loaded). */
    static void write(Path folder, ModelManifest m) throws IOException {
        List<String> files = new ArrayList<>(List.of(ModelStore.MANIFEST, m.parameters().file()));
        if (m.input().systemicState() != null) {
            files.add(m.input().systemicState().file());
            if (m.input().systemicState().markets() != null) {
                files.add(m.input().systemicState().markets().file());
            }
        }
        if (m.portableParameters() != null) {
            files.add(m.portableParameters().file());
        }
        StringBuilder b = new StringBuilder();
        for (String f : files) {
            b.append(ModelStore.sha256(folder.resolve(f))).append("  ").append(f).append('\n');
        }
        Files.writeString(folder.resolve(ModelStore.CHECKSUMS), b.toString());
    }

    /** {@link ModelStore#CHECKSUMS}, read once: file name -> recorded SHA-256. */
    static Map<String, String> read(String version, Path folder) throws IOException {
        Path sums = folder.resolve(ModelStore.CHECKSUMS);
        if (!Files.isRegularFile(sums)) {
            throw new ModelStoreException("model version '" + version + "' has no " + ModelStore.CHECKSUMS + " file: it "
                    + "cannot be verified");
        }
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(sums)) {
            int sep = line.indexOf("  ");
            if (sep > 0) {
                out.put(line.substring(sep + 2), line.substring(0, sep));
            }
        }
        return out;
    }

    /** Holds {@code bytes} of {@code file} to its {@link ModelStore#CHECKSUMS} entry; returns their SHA-256. */
    static String check(String version, String file, byte[] bytes, Map<String, String> sums) {
        String recorded = sums.get(file);
        if (recorded == null) {
            throw new ModelStoreException("model version '" + version + "': " + ModelStore.CHECKSUMS + " has no entry for "
                    + file);
        }
        String actual = ModelStore.sha256(bytes);
        if (!actual.equals(recorded)) {
            throw new ModelStoreException("model version '" + version + "' is corrupt: " + file + " has SHA-256 "
                    + actual + ", " + ModelStore.CHECKSUMS + " records " + recorded);
        }
        return actual;
    }
}
