package io.sysrisk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's engine check ({@link EngineCheck#main}), on a CPU that computes right, with the mismatch simulated:
 * where only the cap makes DJL agree it checks again under it and writes SSE41; where nothing helps it stops the
 * build with one line and exit code 3, writing nothing.
 */
class EngineCheckBuildTest {

    private record Run(int exitCode, String output) {
    }

    private static Run check(String fault, Path file) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(EngineCheck.class, List.of(file.toString())))
                .redirectErrorStream(true);
        pb.environment().put(EngineCheck.FAULT_VARIABLE, fault);
        pb.environment().remove(EngineCheck.ISA_VARIABLE);
        pb.environment().remove("ONEDNN_MAX_CPU_ISA");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        return new Run(p.exitValue(), out);
    }

    @Test
    void whereOnlyTheCapHelpsTheTestsGetIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("engine-check.properties");
        Run r = check("unless-capped", file);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("checking again with oneDNN capped at SSE41"), r.output());
        assertTrue(Files.readString(file).contains("sysrisk.onednn.isa=SSE41"), Files.readString(file));
    }

    @Test
    void whereNothingHelpsTheBuildStops(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("engine-check.properties");
        Run r = check("always", file);
        assertEquals(EngineCheck.ENGINE_ERROR, r.exitCode(), r.output());
        assertTrue(r.output().contains("error: libtorch computes wrong numbers on this CPU even with oneDNN capped at "
                + "SSE41"), r.output());
        assertFalse(Files.exists(file));
    }
}
