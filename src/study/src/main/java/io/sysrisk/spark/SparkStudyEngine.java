package io.sysrisk.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

import io.sysrisk.comparison.StudyEngine;
import io.sysrisk.comparison.StudySpec;
import io.sysrisk.comparison.StudyUnit;
import io.sysrisk.model.EngineCheck;

/**
 * A study's units as Spark tasks: one job of one task per unit, all submitted at once (FIFO: in the study's order),
 * each computed by an executor that rebuilds the study from its {@link StudySpec}; the driver judges each fold as
 * its outcome arrives ({@code LeaveOneMarketOut}).
 *
 * <p>One task per executor JVM, always ({@code spark.executor.cores = spark.task.cpus}): libtorch's random generator
 * is one per process and every training seeds it, so two trainings in one JVM at once would draw from each other's
 * sequence. In separate JVMs each training draws exactly what it draws in a sequential run, and the report is the
 * same byte for byte (a test). So there is no {@code local[*]} here: "local" is a {@link LoopbackCluster} of
 * one-task executors, started and stopped by the engine.
 *
 * <p>Each executor runs libtorch on {@code threads} intra-op threads (tasks x threads &lt;= cores on each worker),
 * checks DJL against the Java forward pass once before its first unit, and gets the driver's oneDNN cap when the
 * driver runs under the engine check's remedy.
 */
public final class SparkStudyEngine implements StudyEngine, AutoCloseable {

    /** The Java 17 module openings Spark needs, on the driver (the build's) and on every executor (here). */
    static final List<String> OPENS = List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io",
            "java.net", "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "sun.nio.ch",
            "sun.nio.cs", "sun.security.action", "sun.util.calendar");

    /**
     * Spark's processes log through log4j: with the JBoss provider also on the class path (Quarkus's), SLF4J would
     * pick that one and their logs, "Registering worker" among them, would be lost.
     */
    static final String LOGGING = "-Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider";

    private final JavaSparkContext context;
    private final LoopbackCluster cluster;
    private final Consumer<String> log;
    private final int executors;
    /** The progress threads of the studies started, stopped (after a last look) when the engine closes. */
    private final List<Thread> watchers = new java.util.concurrent.CopyOnWriteArrayList<>();

    private SparkStudyEngine(JavaSparkContext context, LoopbackCluster cluster, int executors, Consumer<String> log) {
        this.context = context;
        this.cluster = cluster;
        this.executors = executors;
        this.log = log;
    }

    /**
     * A cluster of {@code executors} one-task executors on this machine ({@link LoopbackCluster}), each libtorch on
     * {@code threads} threads; stopped with the engine.
     */
    public static SparkStudyEngine local(int executors, int threads, Consumer<String> log) {
        return local(executors, threads, log, Map.of());
    }

    /** As above, with {@code extra} settings (the tests' simulated engine fault on the executors). */
    static SparkStudyEngine local(int executors, int threads, Consumer<String> log, Map<String, String> extra) {
        LoopbackCluster cluster = LoopbackCluster.start(executors, threads, log);
        boolean connected = false;
        try {
            SparkStudyEngine engine = new SparkStudyEngine(checked(cluster.master(), threads, true, extra, executors,
                    log), cluster, executors, log);
            connected = true;
            return engine;
        } finally {
            // Whatever stopped the driver's start (an Error too), the cluster's processes go with it.
            if (!connected) {
                cluster.close();
            }
        }
    }

    /**
     * An existing cluster at {@code master} ({@code spark://host:7077}); the driver ships its class path's jars
     * (its directories packed as jars) for the executors to fetch.
     */
    public static SparkStudyEngine connect(String master, int threads, Consumer<String> log) {
        if (!master.startsWith("spark://")) {
            throw new IllegalArgumentException("a Spark master is spark://host:port (or local for a cluster on this "
                    + "machine), got '" + master + "'");
        }
        return new SparkStudyEngine(checked(master, threads, false, Map.of(), 0, log), null, 0, log);
    }

    /**
     * The cluster {@code spark-submit} started this driver on (EMR Serverless, YARN, Kubernetes): its master, its
     * jars and its executors are the submitter's; the study still asks for one-task executors.
     */
    public static SparkStudyEngine submitted(int threads, Consumer<String> log) {
        return new SparkStudyEngine(checked(null, threads, false, Map.of(), 0, log), null, 0, log);
    }

    /**
     * A context whose executors compute right: the engine check runs on them first ({@code probes} tasks, or the
     * context's parallelism), and where libtorch disagrees with the Java forward pass there and no oneDNN cap was
     * set, the context starts again with every executor capped at the remedy's instruction set and checks again; a
     * disagreement under the cap stops the study with the figures.
     */
    private static JavaSparkContext checked(String master, int threads, boolean loopback, Map<String, String> extra,
                                            int probes, Consumer<String> log) {
        Map<String, String> settings = new java.util.LinkedHashMap<>(extra);
        JavaSparkContext context = context(master, threads, loopback, settings);
        List<String> wrong = probe(context, probes, log);
        if (wrong.isEmpty()) {
            return context;
        }
        boolean capped = isCap(context.getConf().get("spark.executorEnv." + EngineCheck.ISA_VARIABLE, ""));
        context.close();
        if (capped) {
            throw new IllegalStateException("libtorch computes wrong numbers on executors even with oneDNN capped: "
                    + wrong);
        }
        log.accept("[spark] the engine check failed on " + wrong + ": starting the executors again with oneDNN "
                + "capped at " + EngineCheck.REMEDY_ISA + " (the check's remedy)");
        EngineCheck.remedyEnvironment().forEach((k, v) -> settings.put("spark.executorEnv." + k, v));
        context = context(master, threads, loopback, settings);
        wrong = probe(context, probes, log);
        if (!wrong.isEmpty()) {
            context.close();
            throw new IllegalStateException("libtorch computes wrong numbers on executors even with oneDNN capped at "
                    + EngineCheck.REMEDY_ISA + ": " + wrong);
        }
        return context;
    }

    /** Whether {@code isa} caps oneDNN ({@code ALL}, as the build's check writes where none is needed, does not). */
    private static boolean isCap(String isa) {
        return isa != null && !isa.isEmpty() && !isa.equalsIgnoreCase("ALL");
    }

    /** The engine check on the executors, one task each (where they land); the ones that disagree, described. */
    private static List<String> probe(JavaSparkContext context, int probes, Consumer<String> log) {
        if (probes > 0) {
            // Every executor registered first, so that each one-slot executor takes one probe.
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (context.sc().getExecutorMemoryStatus().size() - 1 < probes && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        int n = probes > 0 ? probes : context.defaultParallelism();
        List<String> results = context.parallelize(java.util.stream.IntStream.range(0, n).boxed().toList(), n)
                .map(i -> Executor.probe()).collect();
        List<String> wrong = results.stream().filter(r -> r.startsWith("disagrees")).toList();
        log.accept("[spark] engine check on " + results.stream().map(r -> r.replaceFirst(".* on ", ""))
                .distinct().count() + " executor JVM(s): " + (wrong.isEmpty() ? "DJL agrees with the Java forward "
                + "pass on each" : wrong.size() + " of " + n + " disagree"));
        return wrong;
    }

    private static JavaSparkContext context(String master, int threads, boolean loopback,
                                            Map<String, String> extra) {
        StringBuilder options = new StringBuilder();
        OPENS.forEach(p -> options.append("--add-opens=java.base/").append(p).append("=ALL-UNNAMED "));
        options.append(LOGGING).append(" -Djava.awt.headless=true -DOPT_OUT_TRACKING=true")
                .append(" -Dai.djl.pytorch.num_threads=").append(threads)
                .append(" -Dai.djl.pytorch.num_interop_threads=1");
        SparkConf conf = new SparkConf().setAppName("sysrisk study")
                .set("spark.ui.enabled", "false")
                // The study's own lines are its progress; Spark's INFO lines would bury them.
                .set("spark.log.level", "WARN")
                .set("spark.executor.cores", String.valueOf(threads))
                .set("spark.task.cpus", String.valueOf(threads))
                .setIfMissing("spark.executor.memory", "2g")
                // A unit is minutes of training: never start it twice at once. A unit is deterministic, so a retry
                // (a lost executor) computes the same; one retry, not Spark's three, for a unit that fails by itself.
                .set("spark.speculation", "false")
                .set("spark.task.maxFailures", "2")
                .set("spark.executor.extraJavaOptions", (new SparkConf().get("spark.executor.extraJavaOptions", "")
                        + " " + options).trim());
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            throw new IllegalArgumentException("--spark submit is for a driver spark-submit started (it sets the "
                    + "master); run locally with --spark local or --spark spark://host:port");
        }
        String cap = System.getenv(EngineCheck.ISA_VARIABLE);
        if (isCap(cap)) {
            conf.set("spark.executorEnv." + EngineCheck.ISA_VARIABLE, cap);
            conf.set("spark.executorEnv.ONEDNN_MAX_CPU_ISA", cap);
        }
        extra.forEach(conf::set);
        if (loopback) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        } else if (master != null) {
            conf.setJars(ClassPathJars.shipped().toArray(String[]::new));
        }
        return new JavaSparkContext(conf);
    }

    /** The ids of the processes of the cluster this engine started (none: it connected to one). */
    public List<Long> clusterPids() {
        return cluster == null ? List.of() : cluster.pids();
    }

    /** The master this engine's driver is connected to. */
    public String master() {
        return context.master();
    }

    @Override
    public List<Supplier<StudyUnit.Outcome>> start(int count, StudyUnit.Units units) {
        StudySpec spec = units.spec();
        if (spec == null) {
            throw new IllegalArgumentException("this study reads data only the driver has: it runs without Spark");
        }
        long begun = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        log.accept(String.format(Locale.ROOT, "[spark] %d units on %s%s", count, context.master(),
                executors > 0 ? " (" + executors + " one-task executors on this machine)" : ""));
        List<JavaFutureAction<List<StudyUnit.Outcome>>> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            context.setJobDescription("sysrisk unit " + index + ": " + units.name(index));
            jobs.add(context.parallelize(List.of(index), 1).map(k -> Executor.run(spec, k)).collectAsync());
        }
        watch(jobs, units, begun);
        List<Supplier<StudyUnit.Outcome>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JavaFutureAction<List<StudyUnit.Outcome>> job = jobs.get(i);
            String name = units.name(i);
            out.add(() -> {
                try {
                    StudyUnit.Outcome o = job.get().get(0);
                    int n = done.incrementAndGet();
                    double elapsed = (System.nanoTime() - begun) / 60e9;
                    log.accept(String.format(Locale.ROOT, "[spark] unit %d (%s) computed in %.1f min on %s; "
                            + "%d/%d units collected, %.1f min elapsed", o.index(), name, o.seconds() / 60,
                            o.ranOn(), n, count, elapsed));
                    return o;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for unit " + name, e);
                } catch (ExecutionException e) {
                    jobs.forEach(j -> j.cancel(true));
                    throw new IllegalStateException("unit " + name + " failed on its executor: "
                            + e.getCause().getMessage(), e.getCause());
                }
            });
        }
        return out;
    }

    /**
     * Progress while the units run, whatever order they finish in: a line when each is done, with how many are and
     * a rough time left (the rate so far). The driver prints each unit's own lines when it judges its fold.
     */
    private void watch(List<JavaFutureAction<List<StudyUnit.Outcome>>> jobs, StudyUnit.Units units, long begun) {
        boolean[] seen = new boolean[jobs.size()];
        int[] done = {0};
        Runnable sweep = () -> {
            for (int i = 0; i < jobs.size(); i++) {
                if (!seen[i] && jobs.get(i).isDone()) {
                    seen[i] = true;
                    done[0]++;
                    double elapsed = (System.nanoTime() - begun) / 60e9;
                    log.accept(String.format(Locale.ROOT, "[spark] unit %d (%s) done: %d/%d, %.1f min elapsed, "
                            + "about %.0f min left", i, units.name(i), done[0], jobs.size(), elapsed,
                            elapsed / done[0] * (jobs.size() - done[0])));
                }
            }
        };
        Thread watcher = new Thread(() -> {
            while (done[0] < jobs.size()) {
                sweep.run();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    sweep.run(); // closing: what finished since the last look is still said
                    return;
                }
            }
        }, "sysrisk-spark-progress");
        watcher.setDaemon(true);
        watcher.start();
        watchers.add(watcher);
    }

    @Override
    public void close() {
        for (Thread w : watchers) {
            w.interrupt();
            try {
                w.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            context.close();
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    /** What runs in an executor JVM. */
    static final class Executor {
        private static volatile EngineCheck.Result checked;

        private Executor() {
        }

        static StudyUnit.Outcome run(StudySpec spec, int index) {
            check();
            return spec.run(index);
        }

        /** The engine check's outcome in this JVM (run once), as the driver's probe reads it. */
        static String probe() {
            EngineCheck.Result r = result();
            String cap = System.getenv(EngineCheck.ISA_VARIABLE);
            return (r.agrees() ? "agrees" : "disagrees") + " (" + r + (cap == null ? "" : ", oneDNN cap " + cap)
                    + ") on " + StudyUnit.here();
        }

        private static synchronized EngineCheck.Result result() {
            if (checked == null) {
                checked = EngineCheck.run();
            }
            return checked;
        }

        /** The engine check, once per executor JVM, before its first unit: a wrong engine fails the task. */
        private static void check() {
            EngineCheck.Result r = result();
            if (!r.agrees()) {
                // An executor that joined after the driver's probe, on a CPU the probe did not see.
                throw new IllegalStateException("DJL disagrees with the Java forward pass on executor "
                        + StudyUnit.here() + " (" + r + "): start the study with " + EngineCheck.ISA_VARIABLE + "="
                        + EngineCheck.REMEDY_ISA + " in the driver's environment (it is passed to every executor), "
                        + "or set spark.executorEnv." + EngineCheck.ISA_VARIABLE + " on the cluster");
            }
        }
    }
}
