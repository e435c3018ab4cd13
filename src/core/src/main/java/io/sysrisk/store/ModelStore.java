package io.sysrisk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.sysrisk.data.EmbeddedDataset;
import io.sysrisk.inference.JavaModel;
import io.sysrisk.inference.PortableParameters;

/**
 * The model store: one folder per model version, holding the parameters (DJL's and the portable copy) and
 * {@code model.json}. Needs no DJL: the DJL side of saving and loading is {@code io.sysrisk.model.DjlModels}.
 *
 * <p>Writes are atomic: a version is assembled in a hidden temporary folder beside it and renamed into place, so an
 * interrupted run leaves either the old version or the new one, never half of one. Loads verify the format
 * version and the parameters' SHA-256 before handing the model out.
 */
public final class ModelStore {

    public static final String MANIFEST = "model.json";
    /** The SHA-256 of every file a version is loaded from, the manifest included ({@code sha256sum -c} format). */
    public static final String CHECKSUMS = "SHA256SUMS";
    public static final String PARAMS_NAME = "sysrisk";
    /** A version's comparison report folder, kept when the version is retrained. */
    public static final String REPORT = "report";

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path root;

    public ModelStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /**
     * Writes the parameter files of a version into the folder it is given and returns the manifest completed with
     * their names and checksums. The DJL writer lives with the DJL model ({@code io.sysrisk.model.DjlModels}), so
     * the store itself needs no DJL.
     */
    @FunctionalInterface
    public interface ParameterWriter {
        ModelManifest write(Path folder, ModelManifest manifest) throws IOException;
    }

    /**
     * Writes a version: {@code parameters} fills a hidden temporary folder, the manifest goes beside the files, the
     * version's report (committed work) is carried over, and the folder is renamed into place.
     */
    public Path save(ModelManifest manifest, ParameterWriter parameters) {
        String version = manifest.version();
        checkVersionName(version);
        Path target = root.resolve(version);
        Path tmp = root.resolve("." + version + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try (WriteLock lock = HELD.contains(lockFile(version)) ? null : lock(version)) {
            removeStaleTemporaries();
            restoreInterruptedSwap(version);
            Files.createDirectories(tmp);
            ModelManifest full = parameters.write(tmp, manifest);
            JSON.writeValue(tmp.resolve(MANIFEST).toFile(), full);
            writeChecksums(tmp, full);
            keepReport(target, tmp);
            replace(tmp, target);
            return target;
        } catch (IOException e) {
            deleteTree(tmp);
            throw new UncheckedIOException("cannot write model version " + version + " under " + root, e);
        } catch (RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /** Paths of the write locks this process holds. */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The write lock of one version: a second writer of the same version (another training run, in this process or
     * another) is refused at once instead of racing this one to the rename. Take it before long work, as the
     * training jobs do; {@link #save} takes it itself when the caller has not.
     */
    public final class WriteLock implements AutoCloseable {
        private final Path file;
        private final java.nio.channels.FileChannel channel;
        private final java.nio.channels.FileLock lock;

        private WriteLock(Path file, java.nio.channels.FileChannel channel, java.nio.channels.FileLock lock) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            HELD.remove(file);
            lock.release();
            channel.close();
        }
    }

    /** Takes the write lock of {@code version}; fails at once when another writer holds it. */
    public WriteLock lock(String version) {
        checkVersionName(version);
        Path file = lockFile(version);
        try {
            Files.createDirectories(root);
            java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            java.nio.channels.FileLock lock = null;
            if (HELD.add(file)) {
                try {
                    lock = channel.tryLock();
                } catch (java.nio.channels.OverlappingFileLockException e) {
                    lock = null;
                } finally {
                    if (lock == null) {
                        HELD.remove(file);
                    }
                }
            }
            if (lock == null) {
                channel.close();
                throw new ModelStoreException("model version '" + version + "' is being written by another training "
                        + "run (lock " + file + "); wait for it or choose another --version");
            }
            return new WriteLock(file, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock model version " + version + " under " + root, e);
        }
    }

    private Path lockFile(String version) {
        return root.resolve("." + version + ".lock").toAbsolutePath().normalize();
    }

    /** A written parameter file's entry for the manifest: its name, SHA-256 and size. */
    public static ModelManifest.ParameterFile describe(Path file) throws IOException {
        return new ModelManifest.ParameterFile(file.getFileName().toString(), sha256(file), Files.size(file));
    }

    /** Reads and checks a version's manifest without loading the parameters. */
    public ModelManifest manifest(String version) {
        checkVersionName(version);
        Path folder = folder(version);
        Path file = folder.resolve(MANIFEST);
        if (!Files.isDirectory(folder)) {
            throw new ModelStoreException("model version '" + version + "' not found: no folder " + folder.toAbsolutePath()
                    + available());
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelStoreException("model version '" + version + "' is incomplete: " + file + " is missing");
        }
        checkSum(version, folder, MANIFEST);
        ModelManifest m;
        try {
            m = JSON.readValue(file.toFile(), ModelManifest.class);
        } catch (IOException e) {
            throw new ModelStoreException("model version '" + version + "': " + file + " is not a valid manifest: "
                    + e.getMessage(), e);
        }
        if (m.formatVersion() != ModelManifest.FORMAT_VERSION) {
            throw new ModelStoreException("model version '" + version + "' has manifest format " + m.formatVersion()
                    + "; this build reads format " + ModelManifest.FORMAT_VERSION);
        }
        if (m.architecture() == null || m.model() == null || m.input() == null || m.normalization() == null
                || m.parameters() == null) {
            throw new ModelStoreException("model version '" + version + "': manifest lacks the architecture, model, "
                    + "input, normalization or parameter entries");
        }
        if (!ModelManifest.architectureOf(m.model()).equals(m.architecture())) {
            throw new ModelStoreException("model version '" + version + "': manifest names architecture '"
                    + m.architecture() + "', but its model settings describe '" + ModelManifest.architectureOf(m.model())
                    + "' (known: " + ModelManifest.ARCHITECTURE + ", " + ModelManifest.ARCHITECTURE_NO_ATTENTION + ")");
        }
        if (!version.equals(m.version())) {
            throw new ModelStoreException("folder '" + version + "' holds a manifest for version '" + m.version() + "'");
        }
        checkConsistent(m);
        return m;
    }

    /** The epoch number of a DJL parameter file name, {@code sysrisk-0000.params} -> "0". */
    public static String epochOf(String file) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(PARAMS_NAME)
                + "-(\\d{4})\\.params").matcher(file);
        if (!m.matches()) {
            throw new ModelStoreException("the manifest names parameter file '" + file + "', not " + PARAMS_NAME
                    + "-NNNN.params");
        }
        return String.valueOf(Integer.parseInt(m.group(1)));
    }

    /**
     * The manifest's parts must fit together before anything is served from it: features, normalization and input
     * sizes, a threshold that is a probability, an ensemble whose seeds match its members.
     */
    static void checkConsistent(ModelManifest m) {
        List<String> problems = new java.util.ArrayList<>();
        ModelManifest.InputSpec in = m.input();
        if (in.features() == null || in.features().isEmpty()) {
            problems.add("no features");
        } else {
            if (!in.features().equals(m.normalization().features())) {
                problems.add("normalization is for features " + m.normalization().features() + ", the input reads "
                        + in.features());
            }
            for (int j = 0; j < m.normalization().std().length; j++) {
                double sd = m.normalization().std()[j];
                double mean = m.normalization().mean()[j];
                if (!(sd > 0) || !Double.isFinite(sd) || !Double.isFinite(mean)) {
                    problems.add("normalization of " + in.features().get(j) + " is not usable (mean " + mean
                            + ", sd " + sd + ")");
                }
            }
        }
        if (in.window() < 1 || in.requiredDays() != in.window() + in.lookbackDays()) {
            problems.add("input window " + in.window() + " + look-back " + in.lookbackDays() + " != required days "
                    + in.requiredDays());
        }
        if (in.columns() == null || in.columns().isEmpty()) {
            problems.add("no input columns");
        }
        if (!(m.threshold() >= 0 && m.threshold() <= 1)) {
            problems.add("threshold " + m.threshold() + " is not a probability");
        }
        if (m.ensemble() != null && m.ensemble().members() != null
                && m.ensemble().members().size() != m.ensemble().config().members()) {
            problems.add(m.ensemble().config().members() + " ensemble seeds but " + m.ensemble().members().size()
                    + " member runs recorded");
        }
        if (!problems.isEmpty()) {
            throw new ModelStoreException("model version '" + m.version() + "' has an inconsistent manifest: "
                    + String.join("; ", problems));
        }
    }

    /**
     * A version for the pure-Java forward pass: its manifest and the portable parameter file, checked against the
     * manifest's SHA-256; no DJL engine is started.
     */
    public JavaModel javaModel(String version) {
        ModelManifest m = manifest(version);
        ModelManifest.ParameterFile pf = m.portableParameters();
        if (pf == null) {
            throw new ModelStoreException("model version '" + version + "' has no portable parameter file (written "
                    + "before it existed); retrain it to score it without DJL");
        }
        Path file = folder(version).resolve(pf.file());
        try {
            // Both parameter files, though only the portable one is read: a version is served whole or not at all.
            verify(version, m.parameters());
            verify(version, pf);
            return JavaModel.of(m.model(), m.ensemble() == null ? null : m.ensemble().config(),
                    m.input().features().size(), PortableParameters.read(file));
        } catch (IOException e) {
            throw new ModelStoreException("model version '" + version + "': cannot read " + file + ": "
                    + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ModelStoreException("model version '" + version + "': " + e.getMessage(), e);
        }
    }

    /** Fails unless the file exists with the size and SHA-256 the manifest records. */
    public void verify(String version, ModelManifest.ParameterFile pf) throws IOException {
        Path folder = folder(version);
        // Hashed once: the same digest is held to SHA256SUMS and to the manifest's record.
        String actual = checkSum(version, folder, pf.file());
        if (!actual.equals(pf.sha256())) {
            throw new ModelStoreException("model version '" + version + "' is corrupt: " + pf.file()
                    + " has SHA-256 " + actual + ", the manifest records " + pf.sha256());
        }
    }

    /**
     * The folder a version is read from: {@code root/VERSION}; while a writer swaps a new copy in (the old one moved
     * aside, the new one not yet renamed), or after a writer was killed in between, the moved-aside copy. So there is
     * no moment without a loadable version.
     */
    public Path folder(String version) {
        Path target = root.resolve(version);
        if (Files.isRegularFile(target.resolve(MANIFEST))) {
            return target;
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith("." + version + ".old-"))
                    .filter(p -> Files.isRegularFile(p.resolve(MANIFEST)))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElse(target);
        } catch (IOException e) {
            return target;
        }
    }

    /** After a writer was killed between its two renames: the moved-aside version goes back in place. */
    private void restoreInterruptedSwap(String version) throws IOException {
        Path target = root.resolve(version);
        Path aside = folder(version);
        if (!aside.equals(target) && !Files.exists(target)) {
            move(aside, target);
        }
    }

    /** {@link #CHECKSUMS}: every file of the version but the report (committed work that is never loaded). */
    private static void writeChecksums(Path folder, ModelManifest m) throws IOException {
        List<String> files = new java.util.ArrayList<>(List.of(MANIFEST, m.parameters().file()));
        if (m.portableParameters() != null) {
            files.add(m.portableParameters().file());
        }
        StringBuilder b = new StringBuilder();
        for (String f : files) {
            b.append(sha256(folder.resolve(f))).append("  ").append(f).append('\n');
        }
        Files.writeString(folder.resolve(CHECKSUMS), b.toString());
    }

    /** Holds {@code file} to its {@link #CHECKSUMS} line; returns its SHA-256. */
    private static String checkSum(String version, Path folder, String file) {
        Path sums = folder.resolve(CHECKSUMS);
        try {
            if (!Files.isRegularFile(sums)) {
                throw new ModelStoreException("model version '" + version + "' has no " + CHECKSUMS + " file: it "
                        + "cannot be verified");
            }
            String recorded = null;
            for (String line : Files.readAllLines(sums)) {
                int sep = line.indexOf("  ");
                if (sep > 0 && line.substring(sep + 2).equals(file)) {
                    recorded = line.substring(0, sep);
                }
            }
            if (recorded == null) {
                throw new ModelStoreException("model version '" + version + "': " + CHECKSUMS + " has no entry for "
                        + file);
            }
            String actual = sha256(folder.resolve(file));
            if (!actual.equals(recorded)) {
                throw new ModelStoreException("model version '" + version + "' is corrupt: " + file + " has SHA-256 "
                        + actual + ", " + CHECKSUMS + " records " + recorded);
            }
            return actual;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ModelStoreException("model version '" + version + "' is incomplete: " + file + " is missing", e);
        } catch (IOException e) {
            throw new ModelStoreException("model version '" + version + "': cannot read " + file + ": "
                    + e.getMessage(), e);
        }
    }

    public List<String> versions() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(MANIFEST))).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String available() {
        List<String> v = versions();
        return v.isEmpty() ? " (the store holds no versions)" : " (available: " + String.join(", ", v) + ")";
    }

    private static void checkVersionName(String version) {
        if (version == null || !version.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new ModelStoreException("invalid model version name '" + version
                    + "': use letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
    }

    /**
     * Hidden {@code .VERSION.tmp-PID-N} folders of a writer that is no longer running (killed mid-write) are deleted;
     * those of a live process are left alone, since it may still be writing.
     */
    void removeStaleTemporaries() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        java.util.regex.Pattern tmpName = java.util.regex.Pattern.compile("^\\..+\\.tmp-(\\d+)-\\d+$");
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.toList()) {
                java.util.regex.Matcher m = tmpName.matcher(p.getFileName().toString());
                if (m.matches() && Files.isDirectory(p)
                        && ProcessHandle.of(Long.parseLong(m.group(1))).map(h -> !h.isAlive()).orElse(true)) {
                    deleteTree(p);
                }
            }
        }
    }

    /**
     * A version's {@code report/} folder is committed work that retraining must not destroy: it moves into the new
     * version as it was. The report says which model it was made with (its parameter checksum), so a report older
     * than the model is visible; {@code -Preport} rebuilds it.
     */
    private static void keepReport(Path target, Path tmp) throws IOException {
        Path report = target.resolve(REPORT);
        if (!Files.isDirectory(report)) {
            return;
        }
        try (Stream<Path> files = Files.walk(report)) {
            for (Path from : files.toList()) {
                Path to = tmp.resolve(REPORT).resolve(report.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
    }

    /**
     * Renames {@code tmp} to {@code target}; an existing target is moved aside first and deleted after. Readers find
     * the moved-aside copy in between ({@link #folder}), and a writer killed in between leaves it to be put back by
     * the next write.
     */
    private static void replace(Path tmp, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            move(target, old);
        }
        if (BEFORE_SWAP != null) {
            BEFORE_SWAP.run();
        }
        try {
            move(tmp, target);
        } catch (IOException e) {
            if (old != null) {
                move(old, target); // put the previous version back
            }
            throw e;
        }
        deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * Fault injection for the kill-mid-write test ({@code ModelStoreCrashTest}): runs between moving the old version
     * aside and renaming the new one in. Null in every real run.
     */
    static volatile Runnable BEFORE_SWAP;

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return EmbeddedDataset.sha256(in);
        }
    }

    /** Deletes a folder and everything in it; nothing happens when it does not exist. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
