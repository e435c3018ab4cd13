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
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sysrisk.model.QuietEngine;

/**
 * No libtorch warning line in a job's output: a panel training run as a user runs it (its own JVM, through
 * {@code main}) prints none, while the same job with the filter turned off shows that libtorch does print them here.
 */
class QuietEngineTest {

    /** Lines as libtorch 2.7.1 printed them on a Zen 5 machine (the deprecation one shortened after its first words). */
    private static final String NNPACK = "[W1203 19:18:02.036741836 NNPACK.cpp:61] Could not initialize NNPACK! "
            + "Reason: Unsupported hardware.";
    private static final String DEPRECATION = "[W1203 19:18:02.036741836 LegacyTypeDispatch.h:74] Warning: "
            + "AutoNonVariableTypeMode is deprecated and will be removed in 1.10 release. For kernel implementations "
            + "please use AutoDispatchBelowADInplaceOrView instead (function operator())";

    @Test
    void knownWarningsAreRecognizedAndNothingElse() {
        assertTrue(QuietEngine.known(NNPACK));
        assertTrue(QuietEngine.known(DEPRECATION));
        assertTrue(QuietEngine.ANY_ENGINE_WARNING.matcher(NNPACK).matches());
        for (String other : List.of(
                "[W1203 19:18:02.036741836 Context.cpp:12] Warning: some other libtorch warning",
                "error: the validation part holds 0 onsets",
                "Could not initialize NNPACK! Reason: Unsupported hardware. (a job's own words, not libtorch's line)",
                "engine check: DJL agrees with the Java forward pass")) {
            assertFalse(QuietEngine.known(other), other);
        }
    }

    @Test
    void aPanelTrainingPrintsNoEngineWarning(@TempDir Path store) throws Exception {
        // This test is about the engine's output, not the split: the floor is lowered for the SPI sectors, the
        // embedded panel whose training is quickest (its validation part holds 1 event, DecisionFloorTest).
        String[] train = {"train", "--dataset", "spi-sectors", "--epochs", "1", "--seeds", "1", "--min-events", "1",
                "--min-positives", "1", "--store", store.toString(), "--version", "quiet"};
        Run quiet = cli(Map.of(), train);
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertTrue(Files.exists(store.resolve("quiet").resolve("model.json")), "the job ran and wrote its model");
        List<String> warnings = engineWarnings(quiet);
        assertTrue(warnings.isEmpty(), warnings.size() + " libtorch warning lines, first: " + warnings);

        // The filter is what keeps them out: turned off, the same job shows libtorch's lines on this machine.
        String[] again = train.clone();
        again[again.length - 1] = "shown";
        Run shown = cli(Map.of(QuietEngine.SHOW_VARIABLE, "show"), again);
        assertEquals(0, shown.exitCode(), shown.err());
        assertTrue(engineWarnings(shown).stream().anyMatch(QuietEngine::known), shown.err());
    }

    private static List<String> engineWarnings(Run r) {
        List<String> lines = new ArrayList<>(r.out().lines().toList());
        lines.addAll(r.err().lines().toList());
        return lines.stream().filter(l -> QuietEngine.ANY_ENGINE_WARNING.matcher(l).matches()).toList();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run cli(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), SysriskCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove(QuietEngine.CHILD_VARIABLE);
        pb.environment().remove(QuietEngine.SHOW_VARIABLE);
        // As a user's shell has it: the filter alone keeps the lines out, whatever libtorch makes of its log level.
        pb.environment().remove("TORCH_CPP_LOG_LEVEL");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        return new Run(p.waitFor(), out, err.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
