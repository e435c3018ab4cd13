package io.sysrisk.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Spark standalone cluster on this machine: a master and {@code workers} workers, each a separate JVM started
 * from the jars on this JVM's class path (no Spark install: a folder with {@code jars/} linking them and an empty
 * {@code RELEASE} stands in for {@code SPARK_HOME}), everything bound to 127.0.0.1 and nothing else, the web UIs off.
 * Each worker offers {@code cores} cores and runs one executor JVM at a time. {@link #close} stops the processes
 * it started, by their own ids, and deletes the folder.
 */
public final class LoopbackCluster implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    private static final Duration START = Duration.ofSeconds(90);

    private final Path home;
    private final String master;
    private final List<Process> processes;

    private LoopbackCluster(Path home, String master, List<Process> processes) {
        this.home = home;
        this.master = master;
        this.processes = processes;
    }

    /** Starts a master and {@code workers} workers of {@code cores} cores each, and waits until all registered. */
    public static LoopbackCluster start(int workers, int cores, Consumer<String> log) {
        if (workers < 1 || cores < 1) {
            throw new IllegalArgumentException("a cluster needs at least one worker of one core, got " + workers
                    + " of " + cores);
        }
        List<Process> started = new ArrayList<>();
        Path home = null;
        try {
            home = Files.createTempDirectory("sysrisk-spark-home");
            Path jars = Files.createDirectories(home.resolve("jars"));
            int k = 0;
            for (Path jar : ClassPathJars.all()) {
                Files.createSymbolicLink(jars.resolve(String.format("%03d-%s", k++, jar.getFileName())), jar);
            }
            Files.createFile(home.resolve("RELEASE"));
            int port = freePort();
            String url = "spark://" + HOST + ":" + port;
            Path logs = Files.createDirectories(home.resolve("logs"));
            started.add(java(home, logs.resolve("master.log"), List.of("org.apache.spark.deploy.master.Master",
                    "--host", HOST, "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort()))));
            for (int w = 0; w < workers; w++) {
                Path work = Files.createDirectories(home.resolve("work-" + w));
                started.add(java(home, logs.resolve("worker-" + w + ".log"), List.of(
                        "org.apache.spark.deploy.worker.Worker", url, "--host", HOST, "--cores",
                        String.valueOf(cores), "--memory", "3g", "--webui-port", String.valueOf(freePort()),
                        "--work-dir", work.toString())));
            }
            LoopbackCluster cluster = new LoopbackCluster(home, url, started);
            // A JVM that ends without closing the cluster (killed, or System.exit on an error) stops it on its way.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(LoopbackCluster::stop),
                    "sysrisk-spark-cluster-stop"));
            cluster.awaitWorkers(workers, logs);
            log.accept(String.format("[spark] standalone cluster on %s: master and %d worker(s) of %d core(s), "
                    + "processes %s", url, workers, cores, started.stream().map(Process::pid).toList()));
            return cluster;
        } catch (IOException | RuntimeException e) {
            started.forEach(LoopbackCluster::stop);
            delete(home);
            throw e instanceof IOException io ? new UncheckedIOException("could not start a Spark cluster", io)
                    : (RuntimeException) e;
        }
    }

    /** The master's URL, {@code spark://127.0.0.1:port}. */
    public String master() {
        return master;
    }

    /** The ids of the processes this cluster started (master first), while it runs. */
    public List<Long> pids() {
        return processes.stream().map(Process::pid).toList();
    }

    @Override
    public void close() {
        processes.forEach(LoopbackCluster::stop);
        delete(home);
    }

    private void awaitWorkers(int workers, Path logs) throws IOException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a Spark process stopped at start (exit " + p.exitValue()
                            + "): " + tails(logs));
                }
            }
            String master = Files.readString(logs.resolve("master.log"));
            long registered = master.lines().filter(l -> l.contains("Registering worker")).count();
            if (registered >= workers) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted starting the cluster", e);
            }
        }
        throw new IllegalStateException("the Spark workers did not register within " + START.toSeconds()
                + " s: " + tails(logs));
    }

    /** The last lines of every log in {@code logs}: the folder goes when the start fails. */
    private static String tails(Path logs) throws IOException {
        StringBuilder out = new StringBuilder();
        try (var files = Files.list(logs)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                List<String> lines = Files.readAllLines(f);
                out.append("\n--- ").append(f.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            }
        }
        return out.toString();
    }

    private static Process java(Path home, Path log, List<String> main) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        SparkStudyEngine.OPENS.forEach(p -> command.add("--add-opens=java.base/" + p + "=ALL-UNNAMED"));
        command.add("-Xmx512m");
        command.add(SparkStudyEngine.LOGGING);
        command.add("-cp");
        command.add(home.resolve("jars") + "/*");
        command.addAll(main);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", HOST);
        pb.environment().put("SPARK_LOCAL_HOSTNAME", "localhost");
        return pb.start();
    }

    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder: what remains is the system's to clear.
        }
    }
}
