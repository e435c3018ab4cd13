package io.sysrisk.cli;

import static io.sysrisk.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sysrisk.data.InputKind;
import io.sysrisk.features.Feature;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.research.data.EmbeddedDataset;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;

/**
 * A user's panel file trains in the default model's shape, not the old single-market job: onset label, anchored
 * members reading the index's four inputs and the panel's cross-member ones, a seed ensemble, separate validation and
 * calibration parts, an alarm rule with its volatility fallback; it scores through the CLI with the Java forward
 * pass and DJL within 1e-5; its walk-forward report asks for the file again, checks it is the same, and refuses in
 * one line when the file's folds cannot hold a decision.
 */
class OwnDataTrainingTest {

    @Test
    void aPanelCsvTrainsInTheDefaultsShape(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("swiss-sectors.csv");
        copySpiSectors(csv);
        Path store = dir.resolve("store");
        // This file's validation part (windows ending 2006-10..2007-05) holds one fall: below the decision floor,
        // which is lowered here to test the shape (DecisionFloorTest holds the floor itself).
        String[] out = run("train", "--csv", csv.toString(), "--kind", "panel", "--index-column", "SPI",
                "--seeds", "1,2", "--epochs", "2", "--patience", "1", "--min-events", "1", "--min-positives", "10",
                "--store", store.toString(), "--version", "mine");
        assertEquals("0", out[0], out[2]);
        assertTrue(out[1].contains("its out-of-sample evidence (walk-forward): ./mvnw -q -Preport "
                + "-Dsysrisk.args=\"--version mine --store " + store + " --csv <your swiss-sectors.csv>\""), out[1]);

        ModelManifest m = new ModelStore(store).manifest("mine");
        assertTrue(m.isOneMarket() && m.isPooled());
        assertEquals(2, m.ensemble().config().members());
        assertTrue(m.model().anchored(), "anchored on the volatility reference");
        assertEquals(Feature.VOL_20D.id(), m.input().features().get(m.model().anchorFeature()));
        assertTrue(m.label() instanceof LabelDefinition.Onset, m.label().describe());
        assertEquals(InputKind.PANEL, m.input().kind());
        assertEquals(10, m.input().columns().size());
        assertEquals("SPI", m.input().indexColumn());
        assertTrue(m.input().features().containsAll(List.of(Feature.AVG_CORR_60D.id(), Feature.TURBULENCE_250D.id(),
                Feature.ABSORPTION_250D.id())), "reads the members: " + m.input().features());
        assertNotNull(m.alarm(), "an alarm rule, the model's threshold or the volatility fallback");
        assertTrue(m.parts().keySet().stream().anyMatch(k -> k.endsWith("calibration"))
                && m.parts().keySet().stream().anyMatch(k -> k.endsWith("validation")), m.parts().keySet().toString());
        assertEquals("swiss-sectors.csv", m.data().get(0).name());

        // Scored as a user would: the Java forward pass and DJL agree (printed with 5 decimals).
        String[] score = {"score", "--csv", csv.toString(), "--store", store.toString(), "--version", "mine",
                "--from", "2008-01-02"};
        List<String> java = run(score)[1].lines().skip(1).toList();
        String[] djlArgs = Arrays.copyOf(score, score.length + 2);
        djlArgs[score.length] = "--engine";
        djlArgs[score.length + 1] = "djl";
        List<String> djl = run(djlArgs)[1].lines().filter(l -> l.matches("\\d{4}-.*")).toList();
        assertTrue(java.size() > 150, java.size() + " dates scored");
        CliRun.assertPrintedScoresAgree(java, djl);

        String[] report = run("report", "--store", store.toString(), "--version", "mine");
        assertEquals("2", report[0]);
        assertTrue(report[2].contains("error: model mine was trained on your file swiss-sectors.csv: give it again "
                + "with --csv"), report[2]);
        Path other = dir.resolve("other.csv");
        Files.writeString(other, Files.readString(csv).replace("1000,1000", "1000,1001"));
        report = run("report", "--store", store.toString(), "--version", "mine", "--csv", other.toString());
        assertEquals("2", report[0]);
        assertTrue(report[2].contains("error: other.csv is not the file mine was trained on"), report[2]);
        // Nine years of one market: no fold's validation part holds the floor's five falls.
        report = run("report", "--store", store.toString(), "--version", "mine", "--csv", csv.toString());
        assertEquals("2", report[0], report[1]);
        assertTrue(report[2].contains("\nerror: walk-forward of swiss-sectors with 1 fold: the fold swiss-sectors "
                + "1/1 validation part"), report[2]);
        assertFalse(Files.exists(store.resolve("mine").resolve("report")), "nothing written");
    }

    @Test
    void optionsOfTheOldSplitAreRefusedWithWhatToGiveInstead(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("p.csv");
        copySpiSectors(csv);
        String[] r = run("train", "--csv", csv.toString(), "--kind", "panel", "--index-column", "SPI",
                "--validation-start", "2006-01-02", "--store", dir.resolve("s").toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("--validation-share"), r[2]);
        assertFalse(Files.exists(dir.resolve("s").resolve("p")));
    }

    /** help train and help summary list only options they take: no old split date. */
    @Test
    void trainsHelpListsNoOptionItRefuses() {
        String[] train = CliRun.run("help", "train");
        assertEquals("0", train[0], train[2]);
        assertTrue(train[1].contains("--validation-share"), train[1]);
        for (String refused : List.of("--validation-start", "--test-start", "--test-end")) {
            assertFalse(train[1].contains(refused), refused + " is listed by help train:\n" + train[1]);
        }
        String[] summary = CliRun.run("help", "summary");
        assertEquals("0", summary[0], summary[2]);
        assertTrue(summary[1].contains("--experiment") && !summary[1].contains("--test-start"), summary[1]);
    }

    /**
     * The old single-market job is gone: a named experiment answers, before anything is loaded or trained, with the
     * --dataset command that trains its data in the default's shape.
     */
    @Test
    void aNamedSingleMarketExperimentSaysWhichDatasetToTrain(@TempDir Path dir) {
        for (String[] named : new String[][] {{"sp500", "sp500"}, {"spi-sectors", "spi-sectors"}, {"dow30", "dow30"},
                {"djia", "djia"}}) {
            String[] r = run("train", "--experiment", named[0], "--store", dir.toString());
            assertEquals("2", r[0], r[2]);
            assertTrue(r[2].contains("error: --experiment " + named[0] + " named the old single-network job, retired")
                    && r[2].contains("--dataset " + named[1] + " "), r[2]);
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing written");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A file named like a committed version does not overwrite it: the default and named models stay. */
    @Test
    void aFileNamedLikeACommittedVersionDoesNotReplaceIt(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("any-index.csv");
        copySpiSectors(csv);
        String[] r = run("train", "--csv", csv.toString(), "--kind", "panel", "--index-column", "SPI");
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("error: version any-index in model-store is not a model of one market"), r[2]);
    }

    /** The embedded SPI and its 9 sectors, as a user's file: the raw CSV, uncleaned. */
    private static void copySpiSectors(Path to) throws IOException {
        try (InputStream in = EmbeddedDataset.class.getResourceAsStream("/datasets/"
                + EmbeddedDataset.SPI_SECTORS.fileName())) {
            Files.copy(in, to);
        }
    }
}
