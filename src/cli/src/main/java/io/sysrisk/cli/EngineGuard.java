package io.sysrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

import io.sysrisk.model.ChildJvm;
import io.sysrisk.model.EngineCheck;

/**
 * Runs {@link EngineCheck} before a job's first DJL work and keeps a job from computing wrong numbers.
 *
 * <p>The remedy: oneDNN reads its instruction-set cap from the environment once, when libtorch loads, and a JVM
 * cannot change its own environment; so a job whose check fails runs again in a child JVM (same class path, JVM
 * options and arguments) with oneDNN capped at {@value #REMEDY_ISA}, which checks again. Where the check passes,
 * nothing is applied and the job goes on in this JVM.
 */
final class EngineGuard {

    /** Set in a child started with the remedy, so that a failing check there stops instead of starting another. */
    static final String REMEDY_VARIABLE = "SYSRISK_ENGINE_REMEDY";
    /** The cap that gave parity on every committed model on Zen 5 (AVX2 left the reference-size network off). */
    static final String REMEDY_ISA = EngineCheck.REMEDY_ISA;
    /** Exit code of a job stopped because the engine computes wrong numbers and no remedy helped. */
    static final int ENGINE_ERROR = EngineCheck.ENGINE_ERROR;

    /** What the guard decided: go on here, or the exit code of the child that ran the job instead. */
    sealed interface Outcome permits GoOn, RanInChild, Stop {
    }

    record GoOn(EngineCheck.Result result) implements Outcome {
    }

    record RanInChild(int exitCode) implements Outcome {
    }

    record Stop(String message) implements Outcome {
    }

    private EngineGuard() {
    }

    /**
     * @param args this job's command line, to run it again in a child
     * @param log  where the path taken is said (the error stream: a job's standard output may be its data)
     */
    static Outcome check(String[] args, PrintWriter log) {
        EngineCheck.Result result = EngineCheck.run();
        String remedy = System.getenv(REMEDY_VARIABLE);
        if (result.agrees()) {
            String cap = System.getenv(EngineCheck.ISA_VARIABLE);
            log.println("engine check: DJL agrees with the Java forward pass (" + result + "); "
                    + (remedy != null ? "oneDNN capped at " + remedy + " by sysrisk"
                    : cap == null || cap.isEmpty() || cap.equalsIgnoreCase("ALL") ? "libtorch runs as is"
                    : "oneDNN capped at " + cap + " by the environment"));
        log.flush();
            return new GoOn(result);
        }
        if (remedy != null) {
            return new Stop("libtorch computes wrong numbers on this CPU even with oneDNN capped at " + remedy + " ("
                    + result + "): score with --engine java, or run DJL jobs on another CPU");
        }
        log.println("engine check: DJL disagrees with the Java forward pass (" + result + "); running the job again "
                + "with oneDNN capped at " + REMEDY_ISA + " (" + EngineCheck.ISA_VARIABLE + "=" + REMEDY_ISA + ")");
        log.flush();
        return new RanInChild(runInChild(args));
    }

    /** The environment a remedied child gets on top of this one's. */
    static Map<String, String> remedyEnvironment() {
        // The newer name wins inside oneDNN when both are set: set both, so a user's own cap cannot undo the remedy.
        Map<String, String> env = new java.util.HashMap<>(EngineCheck.remedyEnvironment());
        env.put(REMEDY_VARIABLE, REMEDY_ISA);
        return env;
    }

    private static int runInChild(String[] args) {
        ProcessBuilder child = new ProcessBuilder(childCommand(args)).inheritIO();
        child.environment().putAll(remedyEnvironment());
        try {
            Process p = child.start();
            try {
                return p.waitFor();
            } catch (InterruptedException e) {
                p.destroy();
                Thread.currentThread().interrupt();
                return ENGINE_ERROR;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot start the remedied job: " + e.getMessage(), e);
        }
    }

    /** The command that runs this job ({@code args}) again in a child JVM with this one's class path and options. */
    static List<String> childCommand(String[] args) {
        return ChildJvm.command(SysriskCli.class, List.of(args));
    }
}
