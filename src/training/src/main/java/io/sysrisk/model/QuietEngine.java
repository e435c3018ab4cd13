package io.sysrisk.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps libtorch's known, harmless C++ warnings out of a job's (and the build's engine check's) output on every
 * CPU.
 *
 * <p>libtorch writes them straight to file descriptor 2 from native code, and the log level that would silence them
 * ({@code TORCH_CPP_LOG_LEVEL}) is not honoured by the libtorch DJL loads: on a Zen 5 machine with it set to ERROR, a
 * panel training still printed "Could not initialize NNPACK! Reason: Unsupported hardware" 28 times, and every DJL
 * job printed "AutoNonVariableTypeMode is deprecated" once per JVM (DJL's own calls). A JVM cannot redirect its own
 * descriptor 2 without native code, so a DJL job runs in a child JVM whose error stream this one reads line by line:
 * lines that match {@link #KNOWN} are dropped, every other line is passed on as it came. Any other libtorch warning
 * still shows (the panel-training test fails on one), so a new kind is seen before it is silenced.
 *
 * <p>{@value #SHOW_VARIABLE}{@code =show} turns the filter off (the job then runs in this JVM).
 */
public final class QuietEngine {

    /** Set in the child, so that it runs the job instead of starting another child. */
    public static final String CHILD_VARIABLE = "SYSRISK_ENGINE_QUIET";
    /** {@code show}: no filter, libtorch's warnings as it prints them. */
    public static final String SHOW_VARIABLE = "SYSRISK_ENGINE_WARNINGS";

    /**
     * libtorch's log line: {@code [W<mmdd> <time> <file>:<line>] <message>}; the warnings known to be harmless here
     * by their message. NNPACK is a convolution backend libtorch probes per call and skips where the CPU lacks it;
     * the deprecation is of an API DJL's native layer calls, not sysrisk's.
     */
    public static final List<Pattern> KNOWN = List.of(
            Pattern.compile("^\\[W\\d{4} [0-9:.]+ [^\\]]*] (Warning: )?Could not initialize NNPACK! Reason: "
                    + "Unsupported hardware.*"),
            Pattern.compile("^\\[W\\d{4} [0-9:.]+ [^\\]]*] (Warning: )?AutoNonVariableTypeMode is deprecated.*"));

    /** Any libtorch warning line, known or not: what the tests look for in a job's output. */
    public static final Pattern ANY_ENGINE_WARNING = Pattern.compile("^\\[W\\d{4} [0-9:.]+ [^\\]]*:\\d+] .*");

    private QuietEngine() {
    }

    /** Whether this JVM should hand the job to a filtered child: not already one, and the filter not turned off. */
    public static boolean wanted() {
        return System.getenv(CHILD_VARIABLE) == null && !"show".equalsIgnoreCase(System.getenv(SHOW_VARIABLE));
    }

    public static boolean known(String line) {
        for (Pattern p : KNOWN) {
            if (p.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code main} with {@code args} in a child JVM (same class path, JVM options and environment, plus {@link #CHILD_VARIABLE})
     * with standard input and output shared and the error stream filtered into {@code err}; returns its exit code.
     * The child is destroyed if this JVM is stopped first.
     */
    public static int runFiltered(Class<?> main, String[] args, PrintStream err) {
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(main, java.util.List.of(args)))
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put(CHILD_VARIABLE, "child");
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot start the job's JVM: " + e.getMessage(), e);
        }
        Thread stop = new Thread(() -> {
            child.descendants().forEach(ProcessHandle::destroy);
            child.destroy();
        });
        Runtime.getRuntime().addShutdownHook(stop);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (!known(line)) {
                    err.println(line);
                }
            }
        } catch (IOException e) {
            err.println("warning: lost the job's error stream: " + e.getMessage());
        }
        try {
            int code = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            return EngineCheck.ENGINE_ERROR;
        }
    }
}
