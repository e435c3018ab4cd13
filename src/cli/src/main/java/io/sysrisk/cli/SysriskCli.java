package io.sysrisk.cli;

import java.util.List;
import java.util.concurrent.Callable;

import io.sysrisk.model.QuietEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The plain-Java jobs: experiment summary, training, evaluation, benchmarks. Run through the Maven profiles. */
@Command(name = "sysrisk", mixinStandardHelpOptions = true,
        subcommands = {SysriskCli.Summary.class, EngineCheckCommand.class, Train.class, Choose.class, Score.class, ScoreAll.class, Bench.class, BenchColdStart.class, BenchServing.class, BenchFuzz.class, BenchRequest.class, BenchAmplification.class, BenchStudy.class, Report.class, CommandLine.HelpCommand.class},
        description = "Early warning of financial systemic risk (CNN-BiLSTM-attention).")
public class SysriskCli {

    public static void main(String[] args) {
        io.sysrisk.model.EngineDefaults.apply();
        namedLogProvider();
        // libtorch's thread pools are sized once, when the engine starts: set them before anything touches DJL.
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads()));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.exit(QuietEngine.wanted() && usesDjl(args) ? QuietEngine.runFiltered(SysriskCli.class, args, System.err)
                : run(args));
    }

    /** The SLF4J provider the jobs log through, unless the user named one. */
    static final String LOG_PROVIDER = "org.apache.logging.slf4j.SLF4JServiceProvider";
    /** Log4j's configuration in the jobs' JVM (a class path resource): errors only until Spark sets its level. */
    static final String LOG_CONFIGURATION = "io/sysrisk/cli/log4j2-jobs.properties";

    /**
     * Names the SLF4J provider and log4j's configuration, unless the user did. The class path holds two providers
     * (log4j's, which Spark's processes need, and the JBoss one Quarkus brings), and SLF4J otherwise opens every job
     * that logs with five lines about it. Log4j, as Spark's executors use: with the JBoss provider and log manager,
     * Spark's JUL bridge logged into itself. Its configuration keeps Spark's start-up INFO lines out of the output.
     */
    static void namedLogProvider() {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOG_CONFIGURATION);
        }
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", LOG_PROVIDER);
            // SLF4J says at INFO that it took the named provider; its warnings stay.
            System.setProperty("slf4j.internal.verbosity", System.getProperty("slf4j.internal.verbosity", "WARN"));
        }
    }

    /** Whether {@code args} name a job that computes with DJL (false for help, and for what does not parse). */
    static boolean usesDjl(String... args) {
        try {
            List<CommandLine> parsed = new CommandLine(new SysriskCli()).parseArgs(args).asCommandLineList();
            CommandLine last = parsed.get(parsed.size() - 1);
            return parsed.stream().noneMatch(c -> c.isUsageHelpRequested() || c.isVersionHelpRequested())
                    && last.getCommand() instanceof DjlJob job && job.usesDjl();
        } catch (CommandLine.ParameterException e) {
            return false; // run() says what is wrong, in this JVM
        }
    }

    /**
     * Runs one command; a user error prints one line on the error stream and gives exit code 2. A command that
     * computes with DJL runs after the engine check ({@link EngineGuard}): here, in a child JVM with the remedy
     * (its exit code is this one's), or not at all (one line, exit code {@value EngineGuard#ENGINE_ERROR}).
     */
    static int run(String... args) {
        return new CommandLine(new SysriskCli())
                .setExecutionStrategy(parsed -> {
                    CommandLine last = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
                    boolean help = parsed.asCommandLineList().stream()
                            .anyMatch(c -> c.isUsageHelpRequested() || c.isVersionHelpRequested());
                    if (!help && last.getCommand() instanceof DjlJob job && job.usesDjl()) {
                        EngineGuard.Outcome outcome = EngineGuard.check(args, last.getErr());
                        if (outcome instanceof EngineGuard.RanInChild child) {
                            return child.exitCode();
                        }
                        if (outcome instanceof EngineGuard.Stop stop) {
                            last.getErr().println("error: " + stop.message());
                            return EngineGuard.ENGINE_ERROR;
                        }
                    }
                    return new CommandLine.RunLast().execute(parsed);
                })
                .setExecutionExceptionHandler((e, cmd, parse) -> {
                    // Bad options, data, files or model versions are the user's to fix: one clear line, exit 2.
                    if (isUserError(e)) {
                        cmd.getErr().println("error: " + e.getMessage());
                        return 2;
                    }
                    throw e;
                })
                .execute(args);
    }

    static boolean isUserError(Exception e) {
        return e instanceof IllegalArgumentException || e instanceof io.sysrisk.data.DataValidationException
                || e instanceof io.sysrisk.store.ModelStoreException || e instanceof java.io.UncheckedIOException
                && e.getCause() instanceof java.nio.file.NoSuchFileException;
    }

    /** libtorch intra-op threads: SYSRISK_THREADS, else the machine's cores. */
    /**
     * libtorch's intra-op threads: {@code SYSRISK_THREADS}, else 1. The networks are small (16 filters and units),
     * so a second thread costs more in synchronisation than it computes: on 2 cores (AMD EPYC family 25,
     * 2026-12-07) the default training took 27 s on one thread against 40 s on two, with the same losses at every
     * epoch, and a report's other core goes to its bootstrap resamples ({@code BlockBootstrap}) instead.
     */
    static int threads() {
        String env = System.getenv("SYSRISK_THREADS");
        return env != null ? Integer.parseInt(env) : DEFAULT_THREADS;
    }

    static final int DEFAULT_THREADS = 1;

    @Command(name = "summary", mixinStandardHelpOptions = true,
            description = "Print an experiment's parts: date range, windows, positives, base rate.")
    static class Summary implements Callable<Integer> {
        @Mixin
        ExperimentOptions experiment;

        @Override
        public Integer call() {
            if (experiment.ownData()) {
                io.sysrisk.training.TrainingData data = experiment.ownTrainingData();
                System.out.print(io.sysrisk.research.experiment.PooledExperiment.prepareUnchecked(
                        experiment.ownPooledConfig(data), data.markets(), List.of(), data.trainingOnly(), null)
                        .summary());
                return 0;
            }
            System.out.print(io.sysrisk.research.experiment.PooledExperiment.prepare(experiment.toPooledConfig(),
                    io.sysrisk.research.data.Markets.embedded()).summary());
            return 0;
        }
    }
}
