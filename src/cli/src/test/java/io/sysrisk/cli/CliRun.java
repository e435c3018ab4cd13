package io.sysrisk.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One CLI run in this JVM, as the tests that read a job's whole output need it. */
final class CliRun {

    private CliRun() {
    }

    /** {exit code, standard output, standard error} of {@code sysrisk args...}. */
    static String[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = SysriskCli.run(args);
            return new String[] {String.valueOf(code), o.toString(StandardCharsets.UTF_8),
                    e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /**
     * Two engines' printed scores ("date,probability,..." lines) agree: the same dates, probabilities within 1e-5
     * (printed with 5 decimals: plus one unit of the last printed digit).
     */
    static void assertPrintedScoresAgree(java.util.List<String> java, java.util.List<String> djl) {
        org.junit.jupiter.api.Assertions.assertEquals(java.size(), djl.size());
        for (int i = 0; i < java.size(); i++) {
            String[] a = java.get(i).split(",", -1);
            String[] b = djl.get(i).split(",", -1);
            org.junit.jupiter.api.Assertions.assertEquals(a[0], b[0]);
            org.junit.jupiter.api.Assertions.assertEquals(Double.parseDouble(a[1]), Double.parseDouble(b[1]), 2.01e-5,
                    java.get(i) + " / " + djl.get(i));
        }
    }
}
