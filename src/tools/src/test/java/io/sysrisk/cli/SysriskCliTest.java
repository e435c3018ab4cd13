package io.sysrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sysrisk.data.MarketData;
import io.sysrisk.data.Markets;

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

    private static String stdout(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, SysriskCli.run(args), String.join(" ", args));
            return buffer.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(out);
        }
    }

    /** {@code score --csv} gives the Java engine's numbers by default; DJL's agree within 1e-5 (as printed). */
    @Test
    void scoringACsvUsesTheJavaEngineAndDjlAgrees(@TempDir Path dir) throws IOException {
        MarketData djia = Markets.byName(Markets.embedded(), "djia").data();
        double[] close = djia.column("close");
        StringBuilder csv = new StringBuilder("date,close\n");
        for (int i = djia.size() - 800; i < djia.size(); i++) {
            csv.append(djia.dates().get(i)).append(',').append(close[i]).append('\n');
        }
        Path file = Files.writeString(dir.resolve("closes.csv"), csv);
        String[] args = {"score", "--csv", file.toString(), "--from", djia.dates().get(djia.size() - 300).toString()};
        String byDefault = stdout(args);
        assertEquals(stdout(concat(args, "--engine", "java")), byDefault);
        List<String> java = byDefault.lines().skip(1).toList();
        List<String> djl = stdout(concat(args, "--engine", "djl")).lines().skip(1).toList();
        assertEquals(300, java.size());
        assertEquals(java.size(), djl.size());
        for (int i = 0; i < java.size(); i++) {
            String[] a = java.get(i).split(",", -1);
            String[] b = djl.get(i).split(",", -1);
            assertEquals(a[0], b[0]);
            // Printed with 5 decimals: 1e-5 apart at most, plus one unit of the last printed digit.
            assertEquals(Double.parseDouble(a[1]), Double.parseDouble(b[1]), 2.01e-5, java.get(i) + " / " + djl.get(i));
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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
