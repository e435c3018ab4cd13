package io.sysrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark options refuse, in one line and before any cluster starts, what they cannot do: a study whose data only
 * the driver has, a re-analysis (nothing to train), a cluster size for a cluster not started here, more executors
 * than cores, an upload without a Spark run; and score-all names a missing folder.
 */
class SparkOptionsTest {

    private static void refused(String expected, String... args) {
        String[] r = CliRun.run(args);
        assertEquals("2", r[0], String.join(" ", args) + ": " + r[2]);
        assertTrue(r[2].contains("error: ") && r[2].contains(expected), r[2]);
        assertTrue(!r[2].contains("\tat "), "no stack trace: " + r[2]);
    }

    @Test
    void whatSparkCannotDoIsRefusedByName(@TempDir Path dir) {
        refused("--spark is for the any-index report", "report", "--version", "three-indices", "--spark", "--csv",
                "src/examples/three-indices.csv");
        refused("--reanalyse trains nothing", "report", "--reanalyse", "--spark");
        refused("--executors sizes the cluster --spark local starts", "report", "--spark", "spark://127.0.0.1:7077",
                "--executors", "2");
        refused("--upload copies the report a --spark run writes", "report", "--upload", dir.toUri().toString());
        refused("is more than this machine's", "report", "--quick", "--spark", "--executors", "1000");
        refused("--executors must be at least 1", "report", "--quick", "--spark", "--executors", "0");
        refused("a Spark master is spark://host:port", "report", "--quick", "--spark", "yarn");
    }

    @Test
    void scoreAllNamesAMissingFolderAndAnEmptyOne(@TempDir Path dir) throws Exception {
        refused("no folder", "score-all", "--folder", dir.resolve("nope").toString(), "--out",
                dir.resolve("t.csv").toString(), "--spark", "local[1]");
        Files.createDirectories(dir.resolve("empty"));
        refused("holds no .csv file", "score-all", "--folder", dir.resolve("empty").toString(), "--out",
                dir.resolve("t.csv").toString(), "--spark", "local[1]");
    }
}
