package io.sysrisk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

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

    /** The project's model store folder, relative to the project root: the one default for every command. */
    public static final String DEFAULT_ROOT = "model-store";
    /** The version served and trained by default: the pooled any-index model. */
    public static final String DEFAULT_VERSION = io.sysrisk.experiment.PooledConfig.DEFAULT_NAME;
    public static final String MANIFEST = "model.json";
    /** The SHA-256 of every file a version is loaded from, the manifest included ({@code sha256sum -c} format). */
    public static final String CHECKSUMS = "SHA256SUMS";
    public static final String PARAMS_NAME = "sysrisk";
    /** A version's comparison report folder, kept when the version is retrained. */
    public static final String REPORT = "report";

    /**
     * The full mapper (dates as the manifest writes them, indented, unknown fields ignored), made on first use:
     * serving only reads a manifest, through the plain {@link #TREE} parser, and never pays for it.
     */
    private static final class Full {
        // Only the module the manifest needs (dates): findAndRegisterModules would also load every module on the
        // class path, Joda-Time's among them on the function's (about 100 classes).
        static final ObjectMapper JSON = new ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .enable(SerializationFeature.INDENT_OUTPUT)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** Parses JSON into a tree, nothing more. */
    private static final ObjectMapper TREE = new ObjectMapper();

    private final Path root;

    public ModelStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** A manifest from its bytes: parsed as a tree, its records built from it ({@link RecordTree}). */
    public static ModelManifest readManifest(byte[] bytes) throws IOException {
        return RecordTree.read(TREE.readTree(bytes), ModelManifest.class);
    }

    public static ObjectMapper json() {
        return Full.JSON;
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
     * version's report (committed work) is carried over, every file and folder is synced to disk, and the folder is
     * renamed into place. Takes the version's write lock for the write.
     */
    public Path save(ModelManifest manifest, ParameterWriter parameters) {
        try (WriteLock lock = lock(manifest.version())) {
            return save(manifest, parameters, lock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As {@link #save(ModelManifest, ParameterWriter)}, under a write lock the caller took before long work (the
     * training jobs): it must be this store's lock of this version, still held.
     *
     * <p>Durability: the files are fsynced, then the temporary folder, then the store folder after each rename, and
     * the old copy is deleted only after the new one is synced in place; a power loss at any moment leaves a complete
     * version, the old or the new ({@code StoreDurabilityTest} stops a write at every step).
     */
    public Path save(ModelManifest manifest, ParameterWriter parameters, WriteLock lock) {
        String version = manifest.version();
        checkVersionName(version);
        if (lock == null || !lock.holds(this, version)) {
            throw new IllegalStateException("writing model version " + version + " needs its write lock, held");
        }
        Path target = root.resolve(version);
        Path tmp = null;
        try {
            removeLeftovers(version);
            restoreInterruptedSwap(version);
            tmp = root.resolve("." + version + ".tmp-" + generation(nextGeneration(version)));
            Files.createDirectories(tmp);
            ModelManifest full = parameters.write(tmp, manifest);
            // Refused before anything replaces the old version: a manifest this store cannot read back must not
            // take a good model's place.
            ManifestConsistency.check(full);
            Full.JSON.writeValue(tmp.resolve(MANIFEST).toFile(), full);
            Checksums.write(tmp, full);
            keepReport(target, tmp);
            step("written");
            DurableFiles.syncTree(tmp);
            step("synced");
            replace(tmp, target, root.resolve("." + version + ".old-" + generation(nextGeneration(version))));
            return target;
        } catch (IOException e) {
            deleteTree(tmp);
            throw new UncheckedIOException("cannot write model version " + version + " under " + root, e);
        } catch (RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /**
     * The write lock of one version: a second writer of the same version (another training run, in this process or
     * another) is refused at once instead of racing this one to the rename. It belongs to whoever took it: writing
     * needs it in hand ({@link #save(ModelManifest, ParameterWriter, WriteLock)}); no other thread skips it.
     */
    public final class WriteLock implements AutoCloseable {
        private final String version;
        private final java.nio.channels.FileChannel channel;
        private final java.nio.channels.FileLock lock;

        private WriteLock(String version, java.nio.channels.FileChannel channel, java.nio.channels.FileLock lock) {
            this.version = version;
            this.channel = channel;
            this.lock = lock;
        }

        boolean holds(ModelStore store, String v) {
            return lock.isValid() && version.equals(v) && store.root.toAbsolutePath().normalize()
                    .equals(root.toAbsolutePath().normalize());
        }

        @Override
        public void close() throws IOException {
            lock.release();
            channel.close();
        }
    }

    /**
     * Takes the write lock of {@code version}; fails at once when another writer holds it (another process, or
     * another thread of this one). The lock file is never opened through a link.
     */
    public WriteLock lock(String version) {
        checkVersionName(version);
        Path file = lockFile(version);
        try {
            Files.createDirectories(root);
            if (Files.isSymbolicLink(file)) {
                throw new ModelStoreException("the lock file " + file + " is a symbolic link: a link is never followed; "
                        + "remove it");
            }
            java.nio.channels.FileChannel channel;
            try {
                channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw new ModelStoreException("cannot open the lock file " + file + " (a link is never followed): "
                        + e.getMessage(), e);
            }
            java.nio.channels.FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null; // held by another thread of this JVM
            }
            if (lock == null) {
                channel.close();
                throw new ModelStoreException("model version '" + version + "' is being written by another training "
                        + "run (lock " + file + "); wait for it or choose another --version");
            }
            return new WriteLock(version, channel, lock);
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
        return retryingOnce(version, () -> read(version, folder(version)).manifest());
    }

    /**
     * One consistent read of a version: its folder resolved once, {@link #CHECKSUMS} and the manifest each read once,
     * and the manifest parsed from the very bytes that were hashed, so a replace running meanwhile cannot mix two
     * versions into one load.
     */
    private record Read(Path folder, ModelManifest manifest, Map<String, String> sums) {
    }

    private Read read(String version, Path folder) throws IOException {
        Path file = folder.resolve(MANIFEST);
        if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new ModelStoreException("model version '" + version + "' not found: no folder "
                    + folder.toAbsolutePath() + available());
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelStoreException("model version '" + version + "' is incomplete: " + file + " is missing");
        }
        Map<String, String> sums = Checksums.read(version, folder);
        byte[] bytes = Files.readAllBytes(file);
        Checksums.check(version, MANIFEST, bytes, sums);
        ModelManifest m;
        try {
            m = readManifest(bytes);
        } catch (IOException | IllegalArgumentException e) {
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
        ManifestConsistency.check(m);
        return new Read(folder, m, sums);
    }

    private interface Load<T> {
        T get() throws IOException;
    }

    /**
     * A load whose folder was renamed away under it (a replace swapped versions meanwhile) is tried once more, from
     * the folder found then; never a mix of the two.
     */
    private <T> T retryingOnce(String version, Load<T> load) {
        for (int attempt = 1; ; attempt++) {
            try {
                return load.get();
            } catch (java.nio.file.NoSuchFileException e) {
                if (attempt == 2) {
                    throw new ModelStoreException("model version '" + version + "' is incomplete: " + e.getFile()
                            + " is missing", e);
                }
            } catch (IOException e) {
                throw new ModelStoreException("model version '" + version + "': cannot read it: " + e.getMessage(), e);
            }
        }
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
     * A version for the pure-Java forward pass: its manifest and the portable parameter file, each read once and
     * parsed from the bytes checked against {@link #CHECKSUMS} and the manifest's SHA-256; the DJL parameter file is
     * checked too (a version is served whole or not at all); no DJL engine is started.
     */
    public JavaModel javaModel(String version) {
        return loaded(version).model();
    }

    /** A loaded Java model and the SHA-256 of the parameter bytes it was built from (the model's digest). */
    /**
     * A loaded Java model and the SHA-256 of the parameter bytes it was built from (the model's digest), with what a
     * systemic version carries: its state, and the markets a request may name ({@code carriedMarkets}; empty for
     * any other version).
     */
    public record Loaded(JavaModel model, ModelManifest manifest, String parametersSha256,
                         io.sysrisk.features.SystemicState systemicState,
                         List<io.sysrisk.data.Market> carriedMarkets) {
        public Loaded {
            carriedMarkets = carriedMarkets == null ? List.of() : List.copyOf(carriedMarkets);
        }

        public Loaded(JavaModel model, ModelManifest manifest, String parametersSha256,
                      io.sysrisk.features.SystemicState systemicState) {
            this(model, manifest, parametersSha256, systemicState, List.of());
        }
    }

    public Loaded loaded(String version) {
        checkVersionName(version);
        return retryingOnce(version, () -> {
            Read r = read(version, folder(version));
            ModelManifest m = r.manifest();
            ModelManifest.ParameterFile pf = m.portableParameters();
            if (pf == null) {
                throw new ModelStoreException("model version '" + version + "' has no portable parameter file "
                        + "(written before it existed); retrain it to score it without DJL");
            }
            checkFile(version, r.sums(), m.parameters(),
                    Files.readAllBytes(r.folder().resolve(m.parameters().file())));
            byte[] portable = Files.readAllBytes(r.folder().resolve(pf.file()));
            String sha = checkFile(version, r.sums(), pf, portable);
            io.sysrisk.features.SystemicState state = SystemicFiles.state(version, r.folder(), r.manifest(), r.sums());
            List<io.sysrisk.data.Market> carried = SystemicFiles.markets(version, r.folder(), r.manifest(),
                    r.sums());
            try {
                return new Loaded(JavaModel.of(m.model(), m.ensemble() == null ? null : m.ensemble().config(),
                        m.input().channels().size(), PortableParameters.read(new java.io.ByteArrayInputStream(portable),
                                r.folder().resolve(pf.file()).toString())), m, sha, state, carried);
            } catch (IllegalArgumentException e) {
                throw new ModelStoreException("model version '" + version + "': " + e.getMessage(), e);
            } catch (IOException e) {
                throw new ModelStoreException("model version '" + version + "': cannot read " + pf.file() + ": "
                        + e.getMessage(), e);
            }
        });
    }

    /** Fails unless the file exists with the size and SHA-256 the manifest records. */
    public void verify(String version, ModelManifest.ParameterFile pf) throws IOException {
        Path folder = folder(version);
        checkFile(version, Checksums.read(version, folder), pf, Files.readAllBytes(folder.resolve(pf.file())));
    }

    /** Holds {@code bytes} of a parameter file to SHA256SUMS and to the manifest's record; returns the digest. */
    static String checkFile(String version, Map<String, String> sums, ModelManifest.ParameterFile pf,
                                    byte[] bytes) {
        String actual = Checksums.check(version, pf.file(), bytes, sums);
        if (!actual.equals(pf.sha256())) {
            throw new ModelStoreException("model version '" + version + "' is corrupt: " + pf.file()
                    + " has SHA-256 " + actual + ", the manifest records " + pf.sha256());
        }
        return actual;
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
        // The newest moved-aside copy: generation numbers are fixed-width, so their text order is their order.
        return leftovers(version, ".old-").stream().filter(p -> Files.isRegularFile(p.resolve(MANIFEST)))
                .max(Comparator.comparing(p -> p.getFileName().toString())).orElse(target);
    }

    /** This version's hidden {@code .VERSION.KIND-NNNNNNNNN} folders. */
    private List<Path> leftovers(String version, String kind) {
        java.util.regex.Pattern name = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote("." + version
                + kind) + "\\d{" + GENERATION_DIGITS + "}");
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> name.matcher(p.getFileName().toString()).matches()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static final int GENERATION_DIGITS = 9;

    private static String generation(long n) {
        return String.format("%0" + GENERATION_DIGITS + "d", n);
    }

    /** One more than any generation this version's leftovers carry (under the write lock: no one else numbers). */
    private long nextGeneration(String version) {
        long max = 0;
        for (String kind : List.of(".old-", ".tmp-")) {
            for (Path p : leftovers(version, kind)) {
                String n = p.getFileName().toString();
                max = Math.max(max, Long.parseLong(n.substring(n.length() - GENERATION_DIGITS)));
            }
        }
        return max + 1;
    }

    /** After a writer was killed between its two renames: the moved-aside version goes back in place. */
    private void restoreInterruptedSwap(String version) throws IOException {
        Path target = root.resolve(version);
        Path aside = folder(version);
        if (!aside.equals(target) && !Files.exists(target)) {
            DurableFiles.move(aside, target);
        }
    }

    /** Whether the store holds {@code version}, by the same lookup loading uses (the moved-aside copy mid-replace). */
    public boolean has(String version) {
        checkVersionName(version);
        return Files.isRegularFile(folder(version).resolve(MANIFEST));
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
     * This version's temporary folders: under its write lock no other writer of it is alive (in this container or
     * another sharing the store), so every one is a killed writer's leftover. Other versions' are not touched: their
     * writers may be running.
     */
    private void removeLeftovers(String version) {
        for (Path p : leftovers(version, ".tmp-")) {
            deleteTree(p);
        }
        // Moved-aside copies are needed only while the version itself is missing (restoreInterruptedSwap).
        if (Files.isRegularFile(root.resolve(version).resolve(MANIFEST))) {
            for (Path p : leftovers(version, ".old-")) {
                deleteTree(p);
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
                if (Files.isSymbolicLink(from)) {
                    // A link could carry any file (a credentials file, say) into a folder that gets committed.
                    throw new ModelStoreException(from + " is a symbolic link: a report holds plain files only, and "
                            + "no link is followed; remove it and train again");
                }
                Path to = tmp.resolve(REPORT).resolve(report.relativize(from).toString());
                if (Files.isDirectory(from, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    /**
     * Renames {@code tmp} to {@code target}; an existing target is moved aside ({@code old}) first and deleted only
     * after the new one is in place and synced. Readers find the moved-aside copy in between ({@link #folder}), and a
     * writer killed in between leaves it to be put back by the next write.
     */
    private void replace(Path tmp, Path target, Path old) throws IOException {
        boolean hadOld = Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (hadOld) {
            DurableFiles.move(target, old);
            DurableFiles.sync(root);
            step("aside");
        }
        try {
            DurableFiles.move(tmp, target);
        } catch (IOException e) {
            if (hadOld) {
                DurableFiles.move(old, target); // put the previous version back
            }
            throw e;
        }
        DurableFiles.sync(root);
        step("swapped");
        if (hadOld) {
            deleteTree(old);
            DurableFiles.sync(root);
        }
        step("done");
    }

    /**
     * Fault injection for the durability tests ({@code StoreDurabilityTest}, {@code StoreIntegrityTest}'s kill):
     * called with each step of a write ("written", "synced", "aside", "swapped", "done"); a test may throw or stop
     * there. Null in every real run.
     */
    static volatile java.util.function.Consumer<String> STEP;

    private static void step(String name) {
        java.util.function.Consumer<String> s = STEP;
        if (s != null) {
            s.accept(name);
        }
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    /** The SHA-256 of a stream's bytes, in lower-case hex: every file digest of a manifest and its provenance. */
    public static String sha256(InputStream in) throws IOException {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int k; (k = in.read(buf)) > 0; ) {
                md.update(buf, 0, k);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return sha256(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // bytes in memory
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
