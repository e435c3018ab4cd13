package io.sysrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sysrisk.data.MarketData;
import io.sysrisk.research.data.Markets;

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
        CliRun.assertPrintedScoresAgree(java, djl);
    }

    /** A term-structure version's CLI scores: one column per horizon, non-decreasing, Java and DJL agreeing. */
    @Test
    void scoringWithATermStructurePrintsEveryHorizon() {
        String[] args = {"score", "--version", "any-index-horizons", "--market", "sp500", "--from", "2008-09-01",
                "--to", "2008-12-31"};
        List<String> java = stdout(args).lines().toList();
        List<String> djl = stdout(concat(args, "--engine", "djl")).lines().filter(l -> l.startsWith("date")
                || l.matches("\\d{4}-.*")).toList();
        assertEquals("date,probability,alert,label,within_5d,within_20d,within_60d", java.get(0));
        assertEquals(java.size(), djl.size());
        assertTrue(java.size() > 80, java.size() + " lines");
        for (int i = 1; i < java.size(); i++) {
            String[] a = java.get(i).split(",", -1);
            String[] b = djl.get(i).split(",", -1);
            assertEquals(a[1], a[5], "probability is the 20-day one: " + java.get(i));
            assertTrue(Double.parseDouble(a[4]) <= Double.parseDouble(a[5])
                    && Double.parseDouble(a[5]) <= Double.parseDouble(a[6]), java.get(i));
            for (int k = 4; k < 7; k++) {
                assertEquals(Double.parseDouble(a[k]), Double.parseDouble(b[k]), 2.01e-5, java.get(i) + " / " + djl.get(i));
            }
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
                {"report", "--version", "no-such-version", "--store", "/nonexistent/store"},
                {"report", "--version", "spi-sectors", "--store", "src/fixtures/model-store"}}) {
            String[] r = run(args);
            assertEquals("2", r[0], String.join(" ", args));
            String out = r[1].lines().filter(l -> !l.startsWith("engine check: ")).reduce("", (a, b) -> a + b + "\n")
                    .strip();
            assertTrue(out.startsWith("error: ") && !out.contains("\n") && !out.contains("Exception"), out);
        }
        assertTrue(run("summary", "--experiment", "nikkei")[1].contains("any-index (the default)"));
        // The store reads a version of the retired single-market job (the fixture); its old report is not made.
        assertTrue(run("report", "--version", "spi-sectors", "--store", "src/fixtures/model-store")[1]
                .contains("was made by the retired single-market job"));
    }

    /**
     * A term structure's mistakes stop before anything trains, in one line: horizons without the label's own window
     * (the served probability is that horizon's), not ascending, or for a user's file (its evidence would be none).
     */
    @Test
    void termStructureMistakesAreOneLine(@TempDir Path dir) throws IOException {
        Path store = dir.resolve("store");
        String[][] cases = {
                {"--horizons", "5,60"},
                {"--horizons", "60,20,5"},
                {"--horizons", "5,20,60", "--dataset", "sp500"}};
        String[] expected = {"its own window among the horizons", "strictly ascending", "not supported yet"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = concat(new String[] {"train", "--store", store.toString(), "--version", "ts"}, cases[i]);
            String[] r = run(args);
            assertEquals("2", r[0], String.join(" ", args));
            String out = r[1].lines().filter(l -> !l.startsWith("engine check: ")
                    && !l.startsWith("oneDNN")).reduce("", (a, b) -> a + b + "\n").strip();
            assertTrue(out.startsWith("error: ") && !out.contains("\n") && out.contains(expected[i]), out);
        }
        assertTrue(!Files.exists(store.resolve("ts")), "nothing written");
    }

    /**
     * A user's file whose validation and calibration parts (its latest fifth of windows) hold no fall: exit 2, one
     * line that names the part, and nothing in the store, not even the version's folder.
     */
    @Test
    void aCsvWithoutEventsInValidationStopsBeforeTraining(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("calm-late.csv");
        Files.writeString(csv, calmLate());
        Path store = dir.resolve("store");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = SysriskCli.run("train", "--csv", csv.toString(), "--kind", "panel",
                    "--index-column", "close", "--store", store.toString(), "--version", "calm");
        } finally {
            System.setErr(saved);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        List<String> errors = text.lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(2, code, text);
        assertEquals(1, errors.size(), text);
        assertTrue(errors.get(0).startsWith("error: the validation part (windows ending ")
                && errors.get(0).contains("holds 0 distinct events and 0 positive windows"), errors.get(0));
        assertFalse(text.contains("Exception"), text);
        assertFalse(Files.exists(store.resolve("calm")), "nothing written");
        assertTrue(!Files.exists(store) || Files.list(store).noneMatch(f -> !f.getFileName().toString()
                .startsWith(".")), "nothing written");
    }

    /**
     * Ten years of business days: a quiet upward walk with a fall of about 12% over ten days every 150 days until
     * day 1,500 (eight of them after the first window's look-back, in the training part), and none after.
     */
    private static String calmLate() {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("date,close\n");
        LocalDate d = LocalDate.of(2005, 1, 3);
        double price = 100;
        for (int day = 0; day < 2600; day++) {
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            boolean falling = day < 1500 && day % 150 >= 100 && day % 150 < 110;
            price *= Math.exp(falling ? -0.013 : 0.0003 + 0.004 * random.nextGaussian());
            csv.append(d).append(',').append(String.format(Locale.ROOT, "%.4f", price)).append('\n');
            d = d.plusDays(1);
        }
        return csv.toString();
    }
}
