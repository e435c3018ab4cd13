package io.sysrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sysrisk.comparison.LeaveOneMarketOut;
import io.sysrisk.comparison.PaperRows;
import io.sysrisk.research.data.Markets;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.evidence.Interval;
import io.sysrisk.research.evidence.ProbabilityEvidence;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;
import io.sysrisk.training.Recipe;

/** The any-index report's whole pipeline in quick mode: two folds, tables, paired differences, events, charts. */
class QuickLomoReportTest {

    @Test
    void quickLeaveOneMarketOutWritesACompleteReport(@TempDir Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        ModelManifest m = new ModelStore(Path.of("model-store")).manifest("any-index");
        Evidence.Result r = new LeaveOneMarketOut(LeaveOneMarketOut.Settings.quick(), s -> { })
                .run(m.pooled(), m.model(), m.training().config(), Markets.embedded());
        assertEquals(2, r.folds().size());
        assertEquals(r.folds().stream().mapToInt(Evidence.FoldResult::windows).sum(), r.pooledWindows());
        for (Evidence.FoldResult f : r.folds()) {
            assertEquals(5 + PaperRows.ALL.size() + 5, f.scores().size(),
                    "selected, volatility, logistic, plain, anchored, the paper's comparison's rows, the four fitted "
                    + "references and the one selected among them");
            for (PaperRows.Row row : PaperRows.ALL) {
                Evidence.ScoreResult rowScore = f.scores().stream().filter(s -> s.name().equals(row.name()))
                        .findFirst().orElseThrow();
                assertTrue(rowScore.score() == null && rowScore.metrics().n() == f.windows(),
                        "its figures, not its value on every window: " + row.name());
                assertTrue(f.events().stream().allMatch(t -> t.rows().stream()
                        .anyMatch(x -> x.name().equals(row.name()))), "its alarm in every event table: " + row);
                assertEquals(2, f.bestEpochs().get(row.name()).size(), "a member per seed: " + row);
            }
            // Every row is scored on the days the longest window can score: the first is 119 days into the data.
            io.sysrisk.data.Market held = Markets.byName(Markets.embedded(), f.market());
            int firstRow = f.rows()[0];
            io.sysrisk.research.experiment.PooledExperiment.MarketPart part = io.sysrisk.research.experiment
                    .PooledExperiment.prepare(m.pooled().withHeldOut(new io.sysrisk.experiment.PooledConfig.HeldOut(
                            held.name(), held.first(), held.last())), Markets.embedded()).heldOut();
            int firstValid = part.matrix().firstValid();
            assertTrue(firstRow >= firstValid + 119, f.fold() + ": the 120-day window's first day, row " + firstRow);
            assertTrue(java.util.Arrays.stream(part.testRows()).anyMatch(t -> t < firstValid + 119),
                    f.fold() + ": 60-day windows alone would have scored earlier days");
            Recipe.byName(f.selection().chosen());
            assertEquals(2, f.selection().innerFolds().size());
            for (java.util.Map<String, Double> inner : f.selection().perFold()) {
                assertEquals(Recipe.CANDIDATES.size(), inner.size(), "every candidate trained in every inner fold");
            }
            assertEquals(2 * Recipe.CANDIDATES.size(), f.selection().trained(), "counted: 2 inner folds x 1 seed");
            assertTrue(!f.selection().innerFolds().contains(f.market()), "the outer market is no inner fold");
            assertEquals(f.windows(), f.scores().get(0).metrics().n());
            assertEquals(Evidence.PREFERENCES.length, f.events().size());
            for (Evidence.EventTable t : f.events()) {
                assertTrue(t.rows().get(0).events().onsets() > 0, f.fold());
                assertTrue(t.rows().stream().anyMatch(x -> x.name().equals(Evidence.ALWAYS_ON)
                        && x.events().alarmShare() == 1.0));
                assertEquals(200, t.matchedRandom().draws(), "the matched random alarm is computed");
                assertTrue(t.matchedRandom().warned5() <= t.matchedRandom().warnedMean()
                        && t.matchedRandom().warnedMean() <= t.matchedRandom().warned95());
            }
        }
        assertEquals(List.of("dow30-ew", "spi"), r.folds().stream().map(Evidence.FoldResult::market).toList());
        assertTrue(r.served().innerFolds().containsAll(List.of("sp500-1928", "djia")), "the served recipe's "
                + "selection holds out every market in turn (quick: the first two)");
        assertEquals(r.folds().stream().mapToInt(f -> f.selection().trained()).sum() + r.served().trained(),
                r.configurations());
        for (Evidence.EventTable t : r.pooledEvents()) {
            java.util.List<String> names = t.rows().stream().map(Evidence.EventRow::name).toList();
            assertTrue(names.containsAll(List.of(Evidence.ALWAYS_ON, Evidence.EVENLY_SPACED,
                    Evidence.CALENDAR)), names.toString());
            Evidence.EventRow always = t.rows().stream()
                    .filter(x -> x.name().equals(Evidence.ALWAYS_ON)).findFirst().orElseThrow();
            assertEquals(0.0, always.events().skill(), 1e-12, "always on has no per-day skill");
            Evidence.EventRow model = t.rows().get(0);
            Evidence.EventRow evenly = t.rows().stream()
                    .filter(x -> x.name().equals(Evidence.EVENLY_SPACED)).findFirst().orElseThrow();
            assertEquals(model.events().alarmDays(), evenly.events().alarmDays(), "the same alarm days");
            assertTrue(t.shifts().shifts() > 100, "the circular shifts are computed");
            assertTrue(model.calmOnsets() > 0 && model.calmOnsets() < model.events().onsets(), "calm onsets counted");
        }
        assertTrue(r.pooledCalm().calmOnsets() > 0 && r.pooledCalm().calmOnsets() < r.pooledCalm().onsets());
        assertEquals(5 + PaperRows.ALL.size(), r.pooledCalm().ranking().size(), "every score on the calm stratum");
        // The paper's comparison: every row, paired against the paper's network (the plain one) and volatility.
        Evidence.PaperComparison paper = r.paperComparison();
        assertEquals(Evidence.PAPER_NETWORK, paper.network());
        assertEquals(PaperRows.ALL.stream().map(PaperRows.Row::name).toList(),
                paper.rows().stream().map(Evidence.PaperRow::name).toList());
        assertEquals(List.of(60, 60, 60, 60, 60, 30, 120), paper.rows().stream().map(Evidence.PaperRow::window)
                .toList());
        for (Evidence.PaperRow row : paper.rows()) {
            assertTrue(row.prVsPaper().interval().low() <= row.prVsPaper().estimate()
                    && row.prVsPaper().estimate() <= row.prVsPaper().interval().high(), row.toString());
            assertTrue(!row.inWords().isEmpty());
        }
        LomoReportWriter.write(m, r, dir, "test");
        String md = Files.readString(dir.resolve("README.md"));
        assertTrue(md.contains("## Paired differences") && md.contains("## Early warning") && md.contains("**pooled**")
                && md.contains("## Against the goal") && md.contains("## Headline: per-day skill")
                && md.contains("## Onsets out of calm") && md.contains("circularly shifted")
                && md.contains("**In words:**"), md);
        for (Evidence.FoldResult f : r.folds()) {
            String png = LomoReportWriter.chartName(f);
            BufferedImage img = ImageIO.read(dir.resolve(png).toFile());
            assertTrue(img.getWidth() >= 800, png);
            assertTrue(md.contains("(" + png + ")"), png + " is linked");
        }
        // Every test window can be re-analysed: date, label and each score's value.
        com.fasterxml.jackson.databind.JsonNode json = ModelStore.json().readTree(dir.resolve("lomo.json").toFile());
        com.fasterxml.jackson.databind.JsonNode fold = json.get("folds").get(0);
        assertEquals(r.folds().get(0).windows(), fold.get("dates").size());
        assertEquals(r.folds().get(0).windows(), fold.get("labels").size());
        assertEquals(r.folds().get(0).windows(), fold.get("scores").get(0).get("score").size());
        assertEquals(5 + PaperRows.ALL.size() + 5, json.get("stratified").size());
        // Each fold's pick of a probability among the references, made without its market, is a score of the fold.
        assertEquals(r.folds().size(), r.probabilityChoices().size());
        for (int i = 0; i < r.folds().size(); i++) {
            Evidence.ProbabilityChoice c = r.probabilityChoices().get(i);
            assertEquals(r.folds().get(i).fold(), c.fold());
            assertTrue(r.fittedReferences().stream().anyMatch(x -> x.name().equals(c.chosen())), c.toString());
            assertTrue(!c.innerMarkets().contains(r.folds().get(i).market()), "the held-out market is no inner one");
            org.junit.jupiter.api.Assertions.assertArrayEquals(
                    scoreValues(r.folds().get(i), c.chosen()),
                    scoreValues(r.folds().get(i), Evidence.SELECTED_PROBABILITY));
        }
        assertTrue(md.contains("Which one a fold would serve as its probability"), md);
        assertEquals(List.of(Evidence.ML_LOGISTIC, Evidence.LOG_VOLATILITY, Evidence.TRAILING_RETURN,
                Evidence.HAWKES), r.fittedReferences().stream()
                .map(Evidence.FittedReference::name).toList());
        assertTrue(md.contains("## References fitted by maximum likelihood"), md);
        // Every family's error diagram, pooled, with its shifted copies' null.
        assertEquals(List.of(Evidence.MODEL, Evidence.VOLATILITY, Evidence.ML_LOGISTIC, Evidence.LOG_VOLATILITY,
                Evidence.TRAILING_RETURN, Evidence.HAWKES, Evidence.DRAWDOWN_MEMORY, Evidence.WORST_DRAWDOWN),
                r.errorDiagrams().stream()
                .map(io.sysrisk.research.evaluation.ErrorDiagram::name).toList());
        for (io.sysrisk.research.evaluation.ErrorDiagram d : r.errorDiagrams()) {
            assertEquals(1.0, d.missRate()[0], 0.0);
            assertEquals(0.0, d.missRate()[d.missRate().length - 1], 0.0);
            assertTrue(d.onsets() > 0 && d.shiftSkill()[0] <= d.shiftSkill()[2], d.name());
        }
        assertTrue(md.contains("## Alarms at every budget: error diagrams (Molchan)")
                && md.contains("(" + ErrorDiagramSection.CHART + ")"), md);
        assertTrue(ImageIO.read(dir.resolve(ErrorDiagramSection.CHART).toFile()).getWidth() >= 800);
        // The alarm at each preference: every family's and the served recipe's, chosen per fold without its market.
        assertEquals(Evidence.PREFERENCES.length, r.preferenceAlarms().size());
        for (int k = 0; k < Evidence.PREFERENCES.length; k++) {
            Evidence.PreferenceAlarms p = r.preferenceAlarms().get(k);
            assertEquals(Evidence.PREFERENCES[k], p.preference());
            assertEquals(List.of("model", "volatility", "drawdown-memory", "worst-drawdown", "trailing-return"),
                    p.families().stream().map(Evidence.FamilyAlarm::family).toList());
            assertEquals(r.pooledFolds().size(), p.chosen().size());
            assertTrue(p.selectedMinusBestSimple().low() <= p.selectedMinusBestSimple().high(), p.toString());
            for (Evidence.FoldResult f : r.folds()) {
                assertEquals(Evidence.PREFERENCES[k], f.alarms().get(k).preference());
            }
        }
        assertTrue(md.contains("## Alarms at your preference"), md);
        assertEquals(PaperRows.ALL.size(), json.get("paperComparison").get("rows").size());
        assertTrue(md.contains("## The paper's comparison (arXiv 2502.06847)") && md.contains("| transformer | "), md);
        assertEquals(r.pooledCalm().calmOnsets(), json.get("pooledCalm").get("calmOnsets").asInt());
        assertTrue(json.get("pooledEvents").get(0).get("shifts").get("skill").size() == 3);
        assertTrue(json.get("served").get("perFoldEpochs").size() == 2, "each inner fold's restored epochs");
        assertEquals(Recipe.CANDIDATES.size(), json.get("candidates").size());
        assertEquals(r.served().chosen(), json.get("served").get("chosen").asText());
        // The evidence contract: what the study wrote reads back as the same records, and writes the same bytes.
        byte[] written = Files.readAllBytes(dir.resolve("lomo.json"));
        Evidence.Result read = io.sysrisk.research.evidence.EvidenceJson.read(
                new java.io.ByteArrayInputStream(written), "lomo.json");
        assertEquals(new String(written, java.nio.charset.StandardCharsets.UTF_8), new String(
                io.sysrisk.research.evidence.EvidenceJson.write(read), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(Evidence.SCHEMA, read.schema());
        assertTrue(md.contains("**served model** (every market)") && md.contains(Recipe.ANCHORED_SPI_SECTORS.name()), md);
        properScores(r, md, dir);
        reanalysis(m, r, written, dir);
    }

    /** Every probability score's proper scores against its fold's training base rate, per fold and pooled, first. */
    private static void properScores(Evidence.Result r, String md, Path dir) throws IOException {
        List<String> judged = List.of(Evidence.MODEL, Evidence.LOGISTIC, Evidence.PLAIN, Evidence.ANCHORED,
                Evidence.ML_LOGISTIC, Evidence.LOG_VOLATILITY, Evidence.TRAILING_RETURN, Evidence.HAWKES,
                Evidence.SELECTED_PROBABILITY);
        for (Evidence.FoldResult f : r.folds()) {
            assertTrue(f.trainingRate() > 0 && f.trainingRate() < 1, f.fold() + ": " + f.trainingRate());
            assertEquals(judged, f.probabilities().stream().map(ProbabilityEvidence.Probabilities::name).toList(),
                    "volatility is a level and the paper's rows compare rankings: neither is scored as a probability");
            for (ProbabilityEvidence.Probabilities p : f.probabilities()) {
                assertEquals(f.windows(), p.windows());
                assertEquals(f.trainingRate(), p.referenceRate(), 1e-12);
                assertEquals(f.windows(), p.reliability().stream().mapToInt(b -> b.windows()).sum());
                double[] score = f.scores().stream().filter(s -> s.name().equals(p.name())).findFirst().orElseThrow()
                        .score();
                assertEquals(io.sysrisk.research.evaluation.ProperScores.brier(score, f.labels()), p.brier(), 1e-12);
                Interval iv = p.brierSkill().interval();
                assertTrue(iv.low() <= p.brierSkill().estimate() && p.brierSkill().estimate() <= iv.high(),
                        p.name() + " " + p.brierSkill());
            }
        }
        assertEquals(judged, r.probabilities().stream().map(ProbabilityEvidence.Probabilities::name).toList());
        assertEquals(r.pooledWindows(), r.probabilities(Evidence.MODEL).windows());
        ProbabilityEvidence.Verdict v = r.probabilityVerdict();
        assertEquals(List.of("dow30-ew", "spi"), List.copyOf(v.ratios().keySet()));
        assertTrue(md.indexOf("## Probabilities: are the numbers right?") < md.indexOf("## Ranking"), md);
        assertTrue(md.contains(v.inWords()) && md.contains("(" + ProbabilitySection.CHART + ")"), md);
        assertTrue(ImageIO.read(dir.resolve(ProbabilitySection.CHART).toFile()).getWidth() >= 800);
        // Each held-out market recalibrated on its own past: fitted on the earlier half, scored on the later.
        ProbabilityEvidence.OwnPast own = r.ownPast();
        assertEquals(List.of("dow30-ew", "spi"), own.folds().stream().map(ProbabilityEvidence.OwnPastFold::fold)
                .toList());
        for (int i = 0; i < own.folds().size(); i++) {
            ProbabilityEvidence.OwnPastFold f = own.folds().get(i);
            Evidence.FoldResult fold = r.folds().get(i);
            assertEquals(fold.windows() - fold.windows() / 2, f.later().get(0).windows());
            assertTrue(java.time.LocalDate.parse(f.pastTo()).isBefore(java.time.LocalDate.parse(f.laterFrom())));
            assertEquals(4, f.later().size());
        }
        assertTrue(md.contains("### Recalibrated on the market's own past"), md);
    }

    /**
     * A report of the schema before (no proper scores) re-analysed: each fold prepared again and checked day by day,
     * its proper scores derived from the windows it kept: the same figures the study computes itself. A report whose
     * days are not the plan's is refused.
     */
    /** The values of the score called {@code name} in fold {@code f}. */
    private static double[] scoreValues(Evidence.FoldResult f, String name) {
        return f.scores().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow().score();
    }

    private static void reanalysis(ModelManifest m, Evidence.Result r, byte[] written, Path dir) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode old = (com.fasterxml.jackson.databind.node.ObjectNode)
                ModelStore.json().readTree(written);
        old.put("schema", Evidence.SCHEMA - 1);
        old.remove("probabilities");
        old.remove("probabilityVerdict");
        old.remove("fittedReferences");
        old.remove("errorDiagrams");
        old.remove("preferenceAlarms");
        old.remove("probabilityChoices");
        old.remove("ownPast");
        java.util.function.Predicate<com.fasterxml.jackson.databind.JsonNode> fitted = x -> List.of(
                Evidence.ML_LOGISTIC, Evidence.LOG_VOLATILITY, Evidence.TRAILING_RETURN, Evidence.HAWKES,
                Evidence.SELECTED_PROBABILITY).contains(x.get("name").asText());
        for (String list : List.of("pooled", "stratified")) {
            java.util.Iterator<com.fasterxml.jackson.databind.JsonNode> it = old.get(list).elements();
            while (it.hasNext()) {
                if (fitted.test(it.next())) {
                    it.remove();
                }
            }
        }
        old.get("folds").forEach(f -> {
            // The folds' alarms stay: they hold the network's transfer, which needs its calibration days (below).
            ((com.fasterxml.jackson.databind.node.ObjectNode) f).remove(List.of("probabilities", "trainingRate"));
            java.util.Iterator<com.fasterxml.jackson.databind.JsonNode> it = f.get("scores").elements();
            while (it.hasNext()) {
                if (fitted.test(it.next())) {
                    it.remove();
                }
            }
        });
        Evidence.Result before = io.sysrisk.research.evidence.EvidenceJson.readForUpgrade(
                new java.io.ByteArrayInputStream(ModelStore.json().writeValueAsBytes(old)), "old lomo.json");
        assertEquals(null, before.probabilities());
        Evidence.Result after = new LeaveOneMarketOut(LeaveOneMarketOut.Settings.quick(), s -> { })
                .reanalyse(before, m.pooled(), Markets.embedded());
        assertEquals(Evidence.SCHEMA, after.schema());
        assertEquals(r.probabilities(), after.probabilities(), "the re-analysis derives the study's own figures");
        assertEquals(r.fittedReferences(), after.fittedReferences());
        assertEquals(r.preferenceAlarms(), after.preferenceAlarms());
        assertEquals(r.probabilityChoices(), after.probabilityChoices());
        assertEquals(r.ownPast(), after.ownPast(), "the recalibration on each market's own past, as the study's");
        assertEquals(r.errorDiagrams().size(), after.errorDiagrams().size());
        for (int i = 0; i < r.errorDiagrams().size(); i++) {
            io.sysrisk.research.evaluation.ErrorDiagram a = r.errorDiagrams().get(i);
            io.sysrisk.research.evaluation.ErrorDiagram b = after.errorDiagrams().get(i);
            assertEquals(a.name(), b.name());
            assertEquals(a.areaSkill(), b.areaSkill(), 0.0, a.name());
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.missRate(), b.missRate(), a.name());
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.shiftSkill(), b.shiftSkill(), a.name());
        }
        assertEquals(r.pooled(), after.pooled());
        assertEquals(r.stratified(), after.stratified());
        for (int i = 0; i < r.folds().size(); i++) {
            assertEquals(r.folds().get(i).trainingRate(), after.folds().get(i).trainingRate());
            assertEquals(r.folds().get(i).probabilities(), after.folds().get(i).probabilities());
            assertEquals(r.folds().get(i).alarms(), after.folds().get(i).alarms());
        }
        // A report made before transfer was measured: the network gets none and is not offered; the rules' stay.
        old.get("folds").forEach(f -> ((com.fasterxml.jackson.databind.node.ObjectNode) f).remove("alarms"));
        Evidence.Result older = new LeaveOneMarketOut(LeaveOneMarketOut.Settings.quick(), s -> { }).reanalyse(
                io.sysrisk.research.evidence.EvidenceJson.readForUpgrade(new java.io.ByteArrayInputStream(
                        ModelStore.json().writeValueAsBytes(old)), "older lomo.json"), m.pooled(), Markets.embedded());
        for (int i = 0; i < r.folds().size(); i++) {
            for (int k = 0; k < Evidence.PREFERENCES.length; k++) {
                java.util.Map<String, Double> study = new java.util.LinkedHashMap<>(
                        r.folds().get(i).alarms().get(k).transfer());
                assertTrue(study.containsKey("model"), "a study measures the network's transfer: " + study);
                study.remove("model");
                assertEquals(study, older.folds().get(i).alarms().get(k).transfer());
            }
        }
        // Its README keeps the run's line and says what was derived, and when.
        Path again = Files.createDirectories(dir.resolve("again"));
        Files.copy(dir.resolve("README.md"), again.resolve("README.md"));
        String made = Files.readAllLines(again.resolve("README.md")).stream().filter(l -> l.startsWith("Made by "))
                .findFirst().orElseThrow();
        LomoReportWriter.writeReanalysed(m, after, again, "reanalyse-test");
        String md = Files.readString(again.resolve("README.md"));
        assertTrue(md.contains(made + " Its proper scores") && md.contains("`reanalyse-test`"), md);
        // Again: the later note replaces the earlier, the run's line keeps one.
        LomoReportWriter.writeReanalysed(m, after, again, "reanalyse-test-2");
        String line = Files.readAllLines(again.resolve("README.md")).stream().filter(l -> l.startsWith("Made by "))
                .findFirst().orElseThrow();
        assertEquals(1, line.split("Its proper scores", -1).length - 1, line);
        assertTrue(line.startsWith(made) && line.contains("`reanalyse-test-2`"), line);
        // A report whose first fold scored other days than the plan's is refused, not re-analysed.
        ((com.fasterxml.jackson.databind.node.ArrayNode) old.get("folds").get(0).get("dates")).remove(0);
        Evidence.Result shifted = io.sysrisk.research.evidence.EvidenceJson.readForUpgrade(
                new java.io.ByteArrayInputStream(ModelStore.json().writeValueAsBytes(old)), "old lomo.json");
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new LeaveOneMarketOut(LeaveOneMarketOut.Settings.quick(), s -> { })
                        .reanalyse(shifted, m.pooled(), Markets.embedded()));
        assertTrue(e.getMessage().contains("does not match the plan"), e.getMessage());
    }
}
