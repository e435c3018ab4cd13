package io.sysrisk.cli;

import static io.sysrisk.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;
import io.sysrisk.training.TrainingData;

/**
 * A user's short file joins the system (issue 38, item 6): the SPI and its sectors, 2000-2008 (nine years, the
 * length of file a user brings), is refused alone at the default decision floor; trained with the embedded panel's
 * eight indices it trains, and its walk-forward evidence at the default floor scores the SPI only, every market
 * (the panel's too) trained before each period. Few seeds and epochs: this checks the path, not the figures.
 */
class JoinedPanelTest {

    @Test
    void aShortFileTrainsWithThePanelAndIsJudgedOnItsOwnMarket(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("spi.csv");
        try (var in = JoinedPanelTest.class.getResourceAsStream("/datasets/ch_spi_sectors_2000_2008.csv")) {
            Files.write(csv, in.readAllBytes());
        }
        Path store = dir.resolve("store");
        String[] alone = run("train", "--csv", csv.toString(), "--kind", "panel", "--index-column", "SPI",
                "--seeds", "1", "--epochs", "1", "--store", store.toString(), "--version", "spi");
        assertEquals("2", alone[0], alone[1]);
        assertTrue(alone[2].contains("the validation part (windows ending 2006-10-10..2007-05-16) holds 1 distinct "
                + "events"), alone[2]);

        String[] joined = run("train", "--csv", csv.toString(), "--kind", "panel", "--index-column", "SPI",
                "--with-panel", "--seeds", "1", "--epochs", "1", "--store", store.toString(), "--version", "spi");
        assertEquals("0", joined[0], joined[2]);
        ModelManifest m = new ModelStore(store).manifest("spi");
        assertEquals(List.of("spi.csv#SPI", "world_indices_1950_2015.csv#SP500", "world_indices_1950_2015.csv#DJIA",
                "world_indices_1950_2015.csv#NASDAQ100", "world_indices_1950_2015.csv#FTSE100",
                "world_indices_1950_2015.csv#EUROSTOXX50", "world_indices_1950_2015.csv#CAC40",
                "world_indices_1950_2015.csv#DAX", "world_indices_1950_2015.csv#SMI"),
                m.data().stream().map(ModelManifest.DataFile::name).toList());
        assertTrue(TrainingData.isJoined(m.data()) && !m.isOneMarket());
        assertEquals(List.of("SPI"), TrainingData.ownColumns(m.data()));
        assertTrue(joined[1].contains("(walk-forward on SPI, trained with the panel before each period): ./mvnw -q "
                + "-Preport -Dsysrisk.args=\"--version spi --store " + store + " --csv <your spi.csv>\""), joined[1]);

        String[] report = run("report", "--version", "spi", "--store", store.toString(), "--quick", "--csv",
                csv.toString());
        assertEquals("0", report[0], report[2]);
        assertTrue(report[1].contains("only SPI scored (decision floor: 5 events, 30 positive windows)"), report[1]);
        Path folder = store.resolve("spi").resolve("report");
        JsonNode wf = ModelStore.json().readTree(folder.resolve("walk-forward.json").toFile());
        assertTrue(wf.get("folds").size() >= 1);
        for (JsonNode f : wf.get("folds")) {
            assertEquals("SPI", f.get("market").asText(), "only the user's market is scored");
            LocalDate start = LocalDate.parse(f.get("period").asText().substring(0, 10));
            // Every market, the panel's too, trained before the period only (its validation and calibration follow
            // its training part, and stop before the period by the purge and embargo PooledExperimentTest holds).
            String[] trained = f.get("trainedOn").asText().split("; ");
            assertEquals(9, trained.length, f.get("trainedOn").asText());
            for (String t : trained) {
                assertTrue(LocalDate.parse(t.substring(t.length() - 10)).isBefore(start), t + " vs " + start);
            }
        }
        String readme = Files.readString(folder.resolve("README.md"));
        assertTrue(readme.contains("**Trained with the embedded panel** (`train --with-panel`): every fold trained, "
                + "validated and calibrated on SPI and the panel's 8 indices (SP500, DJIA, NASDAQ100, FTSE100, "
                + "EUROSTOXX50, CAC40, DAX, SMI"), readme);
        assertTrue(readme.contains("spi.csv (SPI, with the embedded panel's 8 indices)"), readme);

        Path other = dir.resolve("other.csv");
        Files.writeString(other, Files.readString(csv).replaceFirst("1000,", "1001,"));
        String[] wrong = run("report", "--version", "spi", "--store", store.toString(), "--quick", "--csv",
                other.toString());
        assertEquals("2", wrong[0], wrong[2]);
        assertTrue(wrong[2].contains("is not the file spi was trained on"), wrong[2]);
        String[] noCsv = run("report", "--version", "spi", "--store", store.toString(), "--quick");
        assertEquals("2", noCsv[0], noCsv[2]);
        assertTrue(noCsv[2].contains("with the embedded panel: give it again with --csv"), noCsv[2]);
    }
}
