package io.sysrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sysrisk.model.EngineCheck;

/**
 * The remedy path, end to end through the CLI in a child JVM as a user runs it. This CPU's oneDNN may be right, so
 * an affected CPU is simulated ({@link EngineCheck#FAULT_VARIABLE}); on an affected CPU the real fault takes the
 * same path.
 */
class EngineGuardTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run cli(Map<String, String> env, boolean uncapped, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), SysriskCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        if (uncapped) {
            // As a user's shell has it: no cap from the build's engine check.
            pb.environment().keySet().removeAll(List.of(EngineCheck.ISA_VARIABLE, "ONEDNN_MAX_CPU_ISA",
                    EngineGuard.REMEDY_VARIABLE));
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err);
    }

    @Test
    void aFailingCheckRunsTheJobAgainUnderTheRemedy(@TempDir Path dir) throws Exception {
        Path props = dir.resolve("engine.properties");
        Run r = cli(Map.of(EngineCheck.FAULT_VARIABLE, "unless-capped"), true,
                "engine-check", "--properties", props.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("engine check: DJL disagrees with the Java forward pass"), r.err());
        assertTrue(r.err().contains("running the job again with oneDNN capped at SSE41"), r.err());
        assertTrue(r.err().contains("engine check: DJL agrees with the Java forward pass")
                && r.err().contains("oneDNN capped at SSE41 by sysrisk"), r.err());
        assertEquals("oneDNN instruction-set cap in effect: SSE41", r.out().strip(), "the job ran once, in the child");
        assertTrue(Files.readString(props).contains("sysrisk.onednn.isa=SSE41"));
    }

    @Test
    void whenNoRemedyHelpsTheJobStopsWithOneLine() throws Exception {
        Run r = cli(Map.of(EngineCheck.FAULT_VARIABLE, "always"), true, "engine-check");
        assertEquals(EngineGuard.ENGINE_ERROR, r.exitCode(), r.err());
        assertEquals("", r.out(), "the job did not run");
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).contains("even with oneDNN capped at SSE41")
                && errors.get(0).contains("--engine java"), errors.get(0));
        assertFalse(r.err().contains("Exception"), r.err());
    }

    /** Where the check passes nothing is applied: the job runs once, in its own JVM, with the cap it was given. */
    @Test
    void aPassingCheckAppliesNothing() throws Exception {
        Run r = cli(Map.of(), false, "engine-check");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.err().contains("running the job again"), r.err());
        // Two SLF4J providers on the class path (Spark's log4j, Quarkus's JBoss): the job names one, quietly.
        assertFalse(r.err().contains("SLF4J"), r.err());
        String cap = System.getenv(EngineCheck.ISA_VARIABLE);
        assertEquals("oneDNN instruction-set cap in effect: " + (cap == null ? "ALL" : cap), r.out().strip());
    }

    @Test
    void scoringUsesTheJavaEngineUnlessAskedForDjl() {
        assertFalse(parsed("score").usesDjl(), "score's default engine is the Java forward pass");
        assertTrue(parsed("score", "--engine", "djl").usesDjl());
    }

    private static Score parsed(String... args) {
        return (Score) new picocli.CommandLine(new SysriskCli()).parseArgs(args).subcommand().commandSpec()
                .userObject();
    }

    @Test
    void theChildKeepsHeapSettingsAndDropsMavensLauncher() {
        assertTrue(io.sysrisk.model.ChildJvm.keep("-Xmx4g"));
        assertTrue(io.sysrisk.model.ChildJvm.keep("-Dsysrisk.x=1"));
        assertFalse(io.sysrisk.model.ChildJvm.keep("-Dclassworlds.conf=/usr/share/maven/bin/m2.conf"));
        assertFalse(io.sysrisk.model.ChildJvm.keep("-agentlib:jdwp=transport=dt_socket,server=y,address=5005"));
    }
}
