package io.sysrisk.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import io.sysrisk.data.CsvMarketLoader;
import io.sysrisk.data.MarketData;
import io.sysrisk.scoring.DatedScore;
import io.sysrisk.scoring.MarketScorer;
import io.sysrisk.store.ModelStore;

/**
 * Many markets' full histories scored as Spark tasks with the pure-Java forward pass (no libtorch on the executors):
 * one task per CSV file of a folder, every date each can score, written as one CSV table
 * {@code market,date,probability,alarm} ordered by file name and date. The model version's files travel once per
 * executor (a broadcast), each file's bytes with its task, so executors need no shared storage. The Java forward pass
 * draws no random numbers, so tasks may share a JVM: {@code local[N]} is fine here, unlike for training
 * ({@link SparkStudyEngine}). A file that cannot be scored (too short, wrong columns) is named with its reason; the
 * others are written.
 */
public final class SparkScoring {

    /** The table's header. */
    public static final String HEADER = "market,date,probability,alarm";

    private SparkScoring() {
    }

    /** What one file gave: its rows (as the table's lines), or why it gave none. */
    record FileScores(String market, List<String> lines, String error) implements Serializable {
    }

    /** One file's name (its market) and bytes, as its task gets them. */
    record Input(String market, byte[] csv) implements Serializable {
    }

    /** The table written, and the files that could not be scored (file name: reason). */
    public record Outcome(Path table, int files, long rows, Map<String, String> failed) {
    }

    /** A context for {@code master} ({@code local[N]}, or {@code spark://host:port}), web UI off, Spark's INFO off. */
    public static JavaSparkContext context(String master) {
        SparkConf conf = new SparkConf().setAppName("sysrisk scoring").setMaster(master)
                .set("spark.ui.enabled", "false")
                .set("spark.log.level", "WARN");
        if (master.startsWith("local")) {
            conf.set("spark.driver.host", LoopbackCluster.HOST).set("spark.driver.bindAddress", LoopbackCluster.HOST);
        } else {
            StringBuilder options = new StringBuilder(SparkStudyEngine.LOGGING);
            SparkStudyEngine.OPENS.forEach(p -> options.append(" --add-opens=java.base/").append(p)
                    .append("=ALL-UNNAMED"));
            conf.set("spark.executor.extraJavaOptions", options.toString())
                    .setJars(ClassPathJars.shipped().toArray(String[]::new));
        }
        return new JavaSparkContext(conf);
    }

    /** {@link #run(JavaSparkContext, Path, String, Path, Path, Consumer)} on a context of its own for {@code master}. */
    public static Outcome run(String master, Path store, String version, Path folder, Path out, Consumer<String> log)
            throws IOException {
        try (JavaSparkContext context = context(master)) {
            return run(context, store, version, folder, out, log);
        }
    }

    /**
     * Scores every {@code *.csv} of {@code folder} (each a market, named by its file) with version {@code version}
     * of the store at {@code store}, and writes the table to {@code out} (atomically: a reader never sees half).
     */
    public static Outcome run(JavaSparkContext context, Path store, String version, Path folder, Path out,
                              Consumer<String> log) throws IOException {
        new ModelStore(store).javaModel(version); // a broken version stops here, before any task
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted().toList();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("no folder " + folder, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(folder + " holds no .csv file");
        }
        Map<String, byte[]> model = versionFiles(store.resolve(version));
        Broadcast<Map<String, byte[]>> shipped = context.broadcast(model);
        List<Input> inputs = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            inputs.add(new Input(name.substring(0, name.length() - 4), Files.readAllBytes(f)));
        }
        log.accept(String.format(Locale.ROOT, "[spark] scoring %d file(s) of %s with %s on %s", files.size(), folder,
                version, context.master()));
        Iterator<FileScores> scored = context.parallelize(inputs, inputs.size())
                .map(in -> Executor.score(version, shipped.value(), in.market(), in.csv()))
                .toLocalIterator();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        Map<String, String> failed = new LinkedHashMap<>();
        long rows = 0;
        try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            while (scored.hasNext()) {
                FileScores s = scored.next();
                if (s.error() != null) {
                    failed.put(s.market() + ".csv", s.error());
                    continue;
                }
                for (String line : s.lines()) {
                    w.write(line);
                    w.write('\n');
                }
                rows += s.lines().size();
            }
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Outcome(out, files.size(), rows, failed);
    }

    /** A version folder's files (not its report), by name. */
    private static Map<String, byte[]> versionFiles(Path folder) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path f : (Iterable<Path>) list.filter(Files::isRegularFile).sorted()::iterator) {
                out.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }

    /** What runs in an executor: the version unpacked once per JVM into a store of its own, then each file. */
    static final class Executor {
        private static final Map<String, Path> STORES = new ConcurrentHashMap<>();

        private Executor() {
        }

        static FileScores score(String version, Map<String, byte[]> files, String market, byte[] csv) {
            Path store = STORES.computeIfAbsent(version + "@" + digest(files), k -> unpack(version, files));
            ModelStore.Loaded loaded = new ModelStore(store).loaded(version);
            try {
                MarketScorer scorer = new MarketScorer(loaded.manifest(), loaded.systemicState());
                MarketData data = CsvMarketLoader.load(new StringReader(new String(csv, StandardCharsets.UTF_8)),
                        market + ".csv", loaded.manifest().loadOptions());
                List<String> lines = new ArrayList<>();
                for (DatedScore s : scorer.score(data, null, null, loaded.model())) {
                    lines.add(String.format(Locale.ROOT, "%s,%s,%.6f,%d", market, s.asOf(), s.probability(),
                            s.alert() ? 1 : 0));
                }
                return new FileScores(market, lines, null);
            } catch (RuntimeException e) {
                return new FileScores(market, List.of(), e.getMessage());
            }
        }

        private static String digest(Map<String, byte[]> files) {
            try {
                java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
                files.forEach((name, bytes) -> {
                    md.update(name.getBytes(StandardCharsets.UTF_8));
                    md.update(bytes);
                });
                return java.util.HexFormat.of().formatHex(md.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Path unpack(String version, Map<String, byte[]> files) {
            try {
                Path store = Files.createTempDirectory("sysrisk-store");
                Path folder = Files.createDirectories(store.resolve(version));
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    Files.write(folder.resolve(f.getKey()), f.getValue());
                }
                return store;
            } catch (IOException e) {
                throw new UncheckedIOException("could not unpack model version " + version, e);
            }
        }
    }
}
