package io.sysrisk.cli;

import static io.sysrisk.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.sysrisk.comparison.LeadingMemberPanel;
import io.sysrisk.store.ModelStore;

/**
 * A user's panel, trained and then judged walk-forward through the CLI as a user would: the training job prints the
 * report command, the report (quick mode, two folds) writes README.md, walk-forward.json with every test window's
 * date, label and scores, and a chart per fold; a fold count whose parts cannot hold the decision floor exits 2 with
 * one line and writes nothing.
 */
class WalkForwardReportTest {

    @Test
    void aPanelModelGetsItsWalkForwardReport(@TempDir Path dir) throws IOException {
        Path csv = LeadingMemberPanel.write(dir.resolve("lead.csv"), 5000, 7, false);
        Path store = dir.resolve("store");
        String[] train = run("train", "--csv", csv.toString(), "--kind", "panel", "--index-column", "IDX",
                "--validation-share", "0.4", "--seeds", "1,2", "--epochs", "2", "--patience", "1", "--store",
                store.toString(), "--version", "lead");
        assertEquals("0", train[0], train[2]);
        assertTrue(train[1].contains("-Dsysrisk.args=\"--version lead --store " + store + " --csv <your lead.csv>\""),
                train[1]);

        String[] tooMany = run("report", "--store", store.toString(), "--version", "lead", "--csv", csv.toString(),
                "--quick", "--folds", "20");
        assertEquals("2", tooMany[0], tooMany[1]);
        assertTrue(tooMany[2].contains("\nerror: walk-forward of lead with 20 folds: the fold lead ")
                && tooMany[2].contains("or fewer --folds; nothing was written"), tooMany[2]);
        assertEquals(1, tooMany[2].lines().filter(l -> l.startsWith("error:")).count(), tooMany[2]);
        assertEquals(2, tooMany[2].strip().lines().count(), "the engine check's line and the error: " + tooMany[2]);
        Path folder = store.resolve("lead").resolve("report");
        assertFalse(Files.exists(folder));

        String[] report = run("report", "--store", store.toString(), "--version", "lead", "--csv", csv.toString(),
                "--quick", "--folds", "2");
        assertEquals("0", report[0], report[2]);
        assertTrue(report[1].contains("walk-forward of lead: 2 folds"), report[1]);
        String readme = Files.readString(folder.resolve("README.md"));
        assertTrue(readme.startsWith("# Walk-forward report: lead"), readme);
        assertTrue(readme.contains("lead.csv") && readme.contains("No recipe is selected"), readme);
        JsonNode json = ModelStore.json().readTree(folder.resolve("walk-forward.json").toFile());
        assertEquals("walk-forward", json.get("design").asText());
        assertEquals(2, json.get("folds").size());
        int windows = 0;
        for (JsonNode f : json.get("folds")) {
            int n = f.get("windows").asInt();
            assertEquals(n, f.get("dates").size());
            assertEquals(n, f.get("labels").size());
            for (JsonNode s : f.get("scores")) {
                assertEquals(n, s.get("score").size(), s.get("name").asText());
            }
            assertTrue(Files.exists(folder.resolve("alarms-" + f.get("fold").asText().replaceAll("[^A-Za-z0-9.-]+",
                    "-") + ".png")));
            windows += n;
        }
        assertEquals(windows, json.get("pooledWindows").asInt());
    }
}
