package io.sysrisk.cli;

import java.util.function.Consumer;

import io.sysrisk.comparison.StudyEngine;
import io.sysrisk.spark.SparkStudyEngine;

/** The engine a report's study runs its units on, from {@code --spark} and {@code --executors}. */
final class StudyEngines {

    private StudyEngines() {
    }

    /** An engine and what to close after it: nothing for the sequential one. */
    record Engine(StudyEngine engine, AutoCloseable resource) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (resource != null) {
                resource.close();
            }
        }
    }

    /**
     * No {@code master}: the units in this JVM, one after another. {@code local}: a loopback cluster of
     * {@code executors} one-task executors (default: cores over libtorch's threads). {@code spark://...}: that
     * cluster. {@code submit}: the cluster spark-submit started this driver on.
     */
    static Engine open(String master, Integer executors, Consumer<String> log) {
        if (master == null) {
            return new Engine(StudyEngine.SEQUENTIAL, null);
        }
        int threads = SysriskCli.threads();
        if (master.equals("submit")) {
            SparkStudyEngine e = SparkStudyEngine.submitted(threads, log);
            return new Engine(e, e);
        }
        if (master.equals("local")) {
            int n = executors != null ? executors : defaultExecutors(Runtime.getRuntime().availableProcessors(),
                    threads);
            int cores = Runtime.getRuntime().availableProcessors();
            if (n < 1) {
                throw new IllegalArgumentException("--executors must be at least 1, got " + n);
            }
            if (executors != null && n * threads > cores) {
                // Oversubscribed, every unit runs slower than alone and the whole no faster.
                throw new IllegalArgumentException("--executors " + n + " x " + threads + " libtorch thread(s) each "
                        + "is more than this machine's " + cores + " cores: at most " + defaultExecutors(cores,
                        threads) + " (SYSRISK_THREADS sets the threads)");
            }
            SparkStudyEngine e = SparkStudyEngine.local(n, threads, log);
            return new Engine(e, e);
        }
        SparkStudyEngine e = SparkStudyEngine.connect(master, threads, log);
        return new Engine(e, e);
    }

    /** As many one-task executors as the cores hold at {@code threads} libtorch threads each (at least one). */
    static int defaultExecutors(int cores, int threads) {
        return Math.max(1, cores / Math.max(1, threads));
    }
}
