package io.sysrisk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The lean function (./mvnw package -Plean-function) ships without DJL and libtorch. This checks the scoring core it
 * relies on in exactly that condition: a JVM whose class path has no DJL jar reads the committed model's manifest,
 * verifies and loads its portable parameters and scores the sample request with the pure-Java forward pass, giving
 * the same probability as this JVM does.
 */
class NoDjlScoringTest {

    @Test
    void theCommittedModelScoresWithoutDjlOnTheClassPath() throws Exception {
        String classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(e -> !e.contains("/ai/djl/") && !e.contains("ai.djl"))
                .collect(Collectors.joining(File.pathSeparator));
        String[] args = {"model-store", "any-index", Path.of("infra", "sample-request.json").toString()};
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, NoDjlProbe.class.getName(), args[0], args[1], args[2]).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("djl=absent"), "DJL was on the child's class path: " + out);

        java.io.ByteArrayOutputStream here = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(here, true));
        try {
            NoDjlProbe.main(args);
        } finally {
            System.setOut(old);
        }
        String expected = here.toString().lines().filter(l -> l.startsWith("probability=")).findFirst().orElseThrow();
        assertTrue(out.contains(expected), "child " + out + " vs this JVM " + expected);
    }
}
