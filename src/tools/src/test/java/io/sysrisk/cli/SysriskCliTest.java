package io.sysrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * A user's mistake gives one line and exit code 2, never a stack trace (a job that computes with DJL says first, in
 * one line of its own, how the engine check went).
 */
class SysriskCliTest {

    private static String[] run(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int code = SysriskCli.run(args);
            return new String[] {String.valueOf(code), buffer.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void userErrorsAreOneLine() {
        for (String[] args : new String[][] {
                {"train", "--csv", "/nonexistent/file.csv", "--kind", "panel"},
                {"summary", "--experiment", "nikkei"},
                {"report", "--version", "no-such-version", "--store", "/nonexistent/store"}}) {
            String[] r = run(args);
            assertEquals("2", r[0], String.join(" ", args));
            String out = r[1].lines().filter(l -> !l.startsWith("engine check: ")).reduce("", (a, b) -> a + b + "\n")
                    .strip();
            assertTrue(out.startsWith("error: ") && !out.contains("\n") && !out.contains("Exception"), out);
        }
        assertTrue(run("summary", "--experiment", "nikkei")[1].contains("any-index (the default)"));
    }
}
