package io.sysrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.sysrisk.store.ModelStore;

/**
 * What the README says of the committed evidence, held to the committed report: the served alarm's per-day skill
 * above every uninformative alarm's, the calm stratum at chance and said so in words, the positive control found
 * and its shuffled copy not.
 */
class CommittedEvidenceTest {

    private static final Path REPORT = Path.of("model-store", "any-index", "report");

    @Test
    void noUninformativeAlarmReachesTheServedAlarmsSkill() throws IOException {
        JsonNode v = ModelStore.json().readTree(REPORT.resolve("lomo.json").toFile()).get("headlineVerdict");
        double skill = v.get("skill").asDouble();
        for (String nullAlarm : new String[] {"alwaysOn", "evenlySpaced", "calendar", "shift95"}) {
            assertTrue(skill > v.get(nullAlarm).asDouble(), nullAlarm + ": " + v);
        }
        assertTrue(v.get("skillInterval").get("low").asDouble() > 0, v.toString());
    }

    @Test
    void itSaysItDoesNotWarnOfFallsOutOfCalm() throws IOException {
        JsonNode lomo = ModelStore.json().readTree(REPORT.resolve("lomo.json").toFile());
        JsonNode model = lomo.get("pooledCalm").get("ranking").get(0);
        assertTrue(model.get("rocAucInterval").get("low").asDouble() <= 0.5, "not above chance: " + model);
        String words = lomo.get("calmInWords").asText();
        assertTrue(words.startsWith("It does not warn of falls that start in calm markets"), words);
        assertTrue(Files.readString(Path.of("README.md")).contains("it does not warn of falls that start in calm "
                + "markets"), "the README says it");
        assertTrue(Files.readString(REPORT.resolve("README.md")).contains(words), "the report says it");
    }

    @Test
    void thePositiveControlFoundThePlantedInputAndNotItsShuffledCopy() throws IOException {
        JsonNode c = ModelStore.json().readTree(REPORT.resolve("positive-control.json").toFile());
        JsonNode headline = null;
        for (JsonNode g : c.get("grades")) {
            headline = g.get("noise").asDouble() == io.sysrisk.comparison.PositiveControl.NOISE ? g : headline;
        }
        JsonNode planted = headline.get("planted");
        JsonNode shuffled = headline.get("shuffled");
        assertTrue(planted.get("prVsVolatility").get("interval").get("low").asDouble() > 0, planted.toString());
        planted.get("foldChoices").forEach(x -> assertEquals(planted.get("recipe").asText(), x.asText()));
        assertEquals(planted.get("recipe").asText(), planted.get("servedChoice").asText());
        planted.get("bestEpochs").forEach(f -> f.forEach(e -> assertTrue(e.asInt() > 0, "left the reference")));
        assertFalse(shuffled.get("prVsVolatility").get("interval").get("low").asDouble() > 0, shuffled.toString());
        shuffled.get("foldChoices").forEach(x -> assertFalse(shuffled.get("recipe").asText().equals(x.asText())));
        assertFalse(shuffled.get("recipe").asText().equals(shuffled.get("servedChoice").asText()));
    }
    /**
     * The README's richer-data row for the S&P 500 OHLCV, held to its committed walk-forward report: no interval
     * above 0 against volatility (the moonshot not met), the figures quoted, the anchored members' epochs.
     */
    @Test
    void theReadmesRicherDataRowIsTheCommittedWalkForward() throws IOException {
        Path report = Path.of("model-store", "sp500-ohlcv", "report");
        JsonNode wf = ModelStore.json().readTree(report.resolve("walk-forward.json").toFile());
        assertEquals("walk-forward", wf.get("design").asText());
        JsonNode pr = wf.get("pooledComparisons").get("prVsVolatility");
        assertFalse(pr.get("interval").get("low").asDouble() > 0, "moonshot said not met: " + pr);
        String readme = Files.readString(Path.of("docs", "evidence.md"));
        String row = readme.lines().filter(l -> l.startsWith("| S&P 500 OHLCV 2000-2020 (`sp500-ohlcv`")).findFirst()
                .orElseThrow();
        JsonNode model = wf.get("pooled").get(0);
        JsonNode vol = wf.get("pooled").get(1);
        assertEquals("volatility (vol_20d)", vol.get("name").asText());
        assertTrue(row.contains(String.format(java.util.Locale.ROOT, "PR-AUC %.3f [%.2f, %.2f] against %.3f",
                model.get("metrics").get("prAuc").asDouble(), model.get("prAuc").get("low").asDouble(),
                model.get("prAuc").get("high").asDouble(), vol.get("metrics").get("prAuc").asDouble())), row);
        assertTrue(row.contains(String.format(java.util.Locale.ROOT, "paired difference %+.3f [%.3f, %.3f]",
                pr.get("estimate").asDouble(), pr.get("interval").get("low").asDouble(),
                pr.get("interval").get("high").asDouble())), row);
        long kept = 0;
        for (JsonNode e : wf.get("folds").get(0).get("bestEpochs").get("anchored")) {
            kept += e.asInt() == 0 ? 1 : 0;
        }
        assertTrue(row.contains("kept its reference (epoch 0) in " + kept + " of 5 members"), row);
        JsonNode v = wf.get("headlineVerdict");
        assertTrue(row.contains(String.format(java.util.Locale.ROOT, "per-day skill %.3f [%.3f, %.3f]",
                v.get("skill").asDouble(), v.get("skillInterval").get("low").asDouble(),
                v.get("skillInterval").get("high").asDouble())), row);
        assertTrue(readme.contains("is **not met**"), "docs/evidence.md says the moonshot is not met");
    }

    /**
     * "Its numbers are not calibrated probabilities on a market never seen": the committed report's verdict, the
     * README's figures, and every fold's proper scores recomputed from the test windows the report keeps.
     */
    @Test
    void itSaysItsNumbersAreNotProbabilitiesAndAnyoneCanRecomputeWhy() throws IOException {
        io.sysrisk.research.evidence.Evidence.Result r = committed();
        io.sysrisk.research.evidence.ProbabilityEvidence.Verdict v = r.probabilityVerdict();
        assertFalse(v.calibrated(), v.inWords());
        assertTrue(v.inWords().startsWith("Read the number as a ranking of days"), v.inWords());
        String readme = Files.readString(Path.of("README.md"));
        String skill = String.format(java.util.Locale.ROOT, "%+.3f [%+.3f, %+.3f]", v.brierSkill().estimate(),
                v.brierSkill().interval().low(), v.brierSkill().interval().high());
        assertTrue(readme.contains("Brier skill against the training base rate is " + skill), skill);
        double low = v.ratios().values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double high = v.ratios().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertTrue(readme.contains(String.format(java.util.Locale.ROOT, "from %.2fx (DJIA) to %.2fx (Dow 30)", low,
                high)), low + ".." + high);
        assertTrue(Files.readString(REPORT.resolve("README.md")).contains(v.inWords()), "the report says it");
        for (io.sysrisk.research.evidence.Evidence.FoldResult f : r.folds()) {
            double[] model = f.scores().get(0).score();
            double[] rate = new double[f.windows()];
            java.util.Arrays.fill(rate, f.trainingRate());
            io.sysrisk.research.evidence.ProbabilityEvidence.Probabilities p = f.probabilities(
                    io.sysrisk.research.evidence.Evidence.MODEL);
            assertEquals(io.sysrisk.research.evaluation.ProperScores.brierSkill(model, rate, f.labels()),
                    p.brierSkill().estimate(), 1e-12, f.fold());
            assertEquals(io.sysrisk.research.evaluation.ProperScores.calibrationRatio(model, f.labels()),
                    p.calibrationRatio().estimate(), 1e-12, f.fold());
        }
    }

    /** The term structure's report keeps every test window, and its proper scores recompute from them. */
    @Test
    void theTermStructuresProperScoresRecomputeFromItsWindows() throws IOException {
        io.sysrisk.research.evidence.TermStructureEvidence.Result r;
        try (java.io.InputStream in = Files.newInputStream(Path.of("model-store", "any-index-horizons", "report",
                "term-structure.json"))) {
            r = io.sysrisk.research.evidence.EvidenceJson.readTermStructure(in, "term-structure.json");
        }
        for (io.sysrisk.research.evidence.TermStructureEvidence.Fold f : r.folds()) {
            for (int h = 0; h < r.horizons().size(); h++) {
                io.sysrisk.research.evidence.TermStructureEvidence.Horizon x = f.horizons().get(h);
                assertEquals(x.windows(), f.dates().size());
                double[] rate = new double[x.windows()];
                java.util.Arrays.fill(rate, x.trainingRate());
                assertEquals(io.sysrisk.research.evaluation.ProperScores.brierSkill(f.probability()[h], rate,
                        f.labels()[h]), x.probabilities().brierSkill().estimate(), 1e-12, f.market() + " " + x.days());
                assertEquals(x.positives(), java.util.Arrays.stream(f.labels()[h]).sum());
            }
        }
    }

    /**
     * "Which alarm is best depends on the budget of alarm time: below about 10% a memory of recent drawdowns misses
     * fewest onsets, above it volatility": the committed error diagrams.
     */
    @Test
    void theBestAlarmFamilyDependsOnTheBudget() throws IOException {
        io.sysrisk.research.evidence.Evidence.Result r = committed();
        java.util.Map<String, io.sysrisk.research.evaluation.ErrorDiagram> d = new java.util.HashMap<>();
        r.errorDiagrams().forEach(x -> d.put(x.name(), x));
        io.sysrisk.research.evaluation.ErrorDiagram memory = d.get(io.sysrisk.research.evidence.Evidence.DRAWDOWN_MEMORY);
        io.sysrisk.research.evaluation.ErrorDiagram vol = d.get(io.sysrisk.research.evidence.Evidence.VOLATILITY);
        for (double tau : new double[] {0.02, 0.04, 0.06, 0.08}) {
            assertTrue(memory.missAt(tau) < vol.missAt(tau), "at " + tau);
            for (io.sysrisk.research.evaluation.ErrorDiagram x : r.errorDiagrams()) {
                assertTrue(memory.missAt(tau) <= x.missAt(tau), x.name() + " at " + tau);
            }
        }
        for (double tau : new double[] {0.16, 0.2, 0.3, 0.4}) {
            assertTrue(vol.missAt(tau) < memory.missAt(tau), "at " + tau);
        }
        // Every family is above its shifted copies' 95th percentile but the trailing return's logistic (the
        // evidence says so).
        r.errorDiagrams().forEach(x -> assertEquals(!x.name().equals(
                io.sysrisk.research.evidence.Evidence.TRAILING_RETURN), x.areaSkill() > x.shiftSkill()[2], x.name()));
        assertTrue(Files.readString(Path.of("README.md")).replaceAll("\\s+", " ").contains("below about 10% a "
                + "memory of recent drawdowns misses fewest onsets, above it volatility"), "the README says it");
    }

    /**
     * The README's figures for the graded positive control (the smallest detected single-day gain, its held-out
     * difference) and for the log-volatility logistic (Brier skill, held-out range), from the committed report.
     */
    @Test
    void theReadmesDetectionLimitAndFittedReferenceAreTheReports() throws IOException {
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        io.sysrisk.comparison.PositiveControl.Result c = PositiveControlSection.read(REPORT.resolve(
                "positive-control.json"));
        io.sysrisk.comparison.PositiveControl.DetectionLimit limit = c.detectionLimit();
        io.sysrisk.comparison.PositiveControl.Grade weakest = c.grades().stream()
                .filter(g -> g.noise() == limit.detectedNoise()).findFirst().orElseThrow();
        io.sysrisk.research.evidence.Difference held = weakest.planted().prVsVolatility();
        assertTrue(readme.contains(String.format(java.util.Locale.ROOT, "detected down to a single-day gain of "
                + "%+.3f PR-AUC over volatility (held out %+.3f [%.3f, %.3f]", limit.smallestDetected(),
                held.estimate(), held.interval().low(), held.interval().high())), limit.toString());
        io.sysrisk.research.evidence.Evidence.Result r = committed();
        io.sysrisk.research.evidence.ProbabilityEvidence.Probabilities p = r.probabilities(
                io.sysrisk.research.evidence.Evidence.LOG_VOLATILITY);
        double[] range = ratioRange(r, p.name());
        double low = range[0];
        double high = range[1];
        assertTrue(readme.contains(skillAndBand(p, low, high)), p.brierSkill() + " " + low + " " + high);
    }

    /**
     * The README's alarms at each preference, held to the committed report and the served manifest: the served
     * recipe's held-out usefulness at 0.5 and 0.7, the best simple rule's at 0.7, the former alarm's usefulness at
     * 0.5 no better than never alarming, and the served model's rule at each preference.
     */
    @Test
    void theReadmesAlarmsAtEachPreferenceAreTheReports() throws IOException {
        io.sysrisk.research.evidence.Evidence.Result r = committed();
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        for (io.sysrisk.research.evidence.Evidence.PreferenceAlarms p : r.preferenceAlarms()) {
            if (p.preference() == 0.3) {
                continue;
            }
            io.sysrisk.research.evidence.Evidence.FamilyAlarm s = p.selected();
            String figure = String.format(java.util.Locale.ROOT, "%+.3f [%+.3f, %+.3f] at %s", s.usefulness(),
                    s.usefulnessInterval().low(), s.usefulnessInterval().high(), p.preference());
            assertTrue(readme.contains(figure), figure);
        }
        io.sysrisk.research.evidence.Evidence.PreferenceAlarms at07 = r.preferenceAlarms().get(2);
        io.sysrisk.research.evidence.Evidence.FamilyAlarm best = at07.family(at07.bestSimple());
        assertEquals("worst-drawdown", best.family());
        assertTrue(at07.selectedMinusBestSimple().high() < 0, "below it beyond noise: " + at07);
        assertTrue(readme.contains(String.format(java.util.Locale.ROOT, "below the worst 120-day drawdown's %+.3f "
                + "[%+.3f, %+.3f] beyond noise", best.usefulness(), best.usefulnessInterval().low(),
                best.usefulnessInterval().high())), best.toString());
        // The alarm served before: the network's row at 0.5 (volatility where its threshold was not adopted).
        io.sysrisk.research.evidence.Evidence.EventRow before = r.pooledEvents().get(
                io.sysrisk.research.evidence.Evidence.served()).rows().get(0);
        assertTrue(before.intervals().usefulness().low() < 0 && before.intervals().usefulness().high() > 0,
                "no more useful than never alarming: " + before.intervals().usefulness());
        io.sysrisk.store.ModelManifest m = new ModelStore(Path.of("model-store")).manifest("any-index");
        assertEquals("none", m.alarmAt(0.3).by());
        assertEquals("none", m.alarmAt(0.5).by());
        assertEquals("worst-drawdown", m.alarmAt(0.7).by());
        assertTrue(readme.contains(String.format(java.util.Locale.ROOT, "alarms at 0.7 (the worst 120-day drawdown "
                + "at %.1f%% or more) and says \"no alarm\" at 0.3 and 0.5", 100 * m.alarmAt(0.7).threshold())), readme);
    }

    /** The README's Hawkes reference: its pooled Brier skill and every held-out market within the goal's band. */
    @Test
    void theReadmesHawkesReferenceIsTheReports() throws IOException {
        io.sysrisk.research.evidence.Evidence.Result r = committed();
        io.sysrisk.research.evidence.ProbabilityEvidence.Probabilities p = r.probabilities(
                io.sysrisk.research.evidence.Evidence.HAWKES);
        double[] range = ratioRange(r, p.name());
        double low = range[0];
        double high = range[1];
        assertTrue(p.brierSkill().interval().low() > 0 && low >= 0.7 && high <= 1.4, p.brierSkill() + " " + low
                + " " + high);
        // Chosen without the held-out market: how often it is the pick, and the pick's pooled skill.
        long hawkes = r.probabilityChoices().stream().filter(c -> c.chosen().equals(p.name())).count();
        io.sysrisk.research.evidence.ProbabilityEvidence.Probabilities s = r.probabilities(
                io.sysrisk.research.evidence.Evidence.SELECTED_PROBABILITY);
        String picked = String.format(java.util.Locale.ROOT, "picks it in %d folds of %d), the pick scores Brier "
                + "skill %+.3f [%+.3f, %+.3f] with every market in the band", hawkes, r.probabilityChoices().size(),
                s.brierSkill().estimate(), s.brierSkill().interval().low(), s.brierSkill().interval().high());
        assertTrue(r.pooledFolds().stream().allMatch(f -> f.probabilities(s.name()).withinBand()), "in the band");
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        assertTrue(readme.contains(skillAndBand(p, low, high)), p.brierSkill() + " " + low + " " + high);
        assertTrue(readme.contains(picked), picked);
    }

    /**
     * The README's and evidence.md's recalibration on each held-out market's own past are the report's, and what they
     * say holds there: no forecast fitted on a market's past has Brier skill, none helps the network beyond noise.
     */
    @Test
    void theReadmesOwnPastRecalibrationIsTheReports() throws IOException {
        io.sysrisk.research.evidence.ProbabilityEvidence.OwnPast o = committed().ownPast();
        java.util.function.Function<io.sysrisk.research.evidence.ProbabilityEvidence.Skill, String> fmt = k ->
                String.format(java.util.Locale.ROOT, "%+.3f [%+.3f, %+.3f]", k.estimate(), k.interval().low(),
                        k.interval().high());
        io.sysrisk.research.evidence.ProbabilityEvidence.Probabilities served = o.pooled().get(0);
        io.sysrisk.research.evidence.ProbabilityEvidence.Probabilities level = o.pooled().get(1);
        assertEquals(io.sysrisk.comparison.OwnPastRecalibration.AS_SERVED, served.name());
        assertEquals(io.sysrisk.comparison.OwnPastRecalibration.INTERCEPT, level.name());
        for (var p : o.pooled()) {
            assertTrue(p.brierSkill().interval().low() <= 0, p.name());
        }
        for (var p : o.versusModel()) {
            assertTrue(p.brierSkill().interval().low() <= 0, p.name());
        }
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        String said = "the network scores Brier skill " + fmt.apply(level.brierSkill()) + " on the later half (as "
                + "served: " + String.format(java.util.Locale.ROOT, "%+.3f", served.brierSkill().estimate()) + ")";
        assertTrue(readme.contains(said), said);
        String evidence = Files.readString(Path.of("docs", "evidence.md"));
        String row = "| the network, its level refitted on the market's past | " + String.format(java.util.Locale.ROOT,
                "%.2f [%.2f, %.2f]", level.calibrationRatio().estimate(), level.calibrationRatio().interval().low(),
                level.calibrationRatio().interval().high()) + " | " + fmt.apply(level.brierSkill()) + " | "
                + fmt.apply(o.versusModel().get(0).brierSkill()) + " |";
        assertTrue(evidence.contains(row), row);
    }

    /**
     * The system's figures in the README and docs/evidence.md are the committed systemic report's: the systemic
     * network against volatility and against the network on the market's own closes, the composite stress index;
     * the moonshot (an interval above 0 against volatility) said not met, as the report has it.
     */
    @Test
    void theReadmesSystemicFiguresAreTheReports() throws IOException {
        io.sysrisk.research.evidence.Evidence.Result r;
        try (java.io.InputStream in = Files.newInputStream(Path.of("model-store", "systemic", "report",
                "walk-forward.json"))) {
            r = io.sysrisk.research.evidence.EvidenceJson.read(in, "walk-forward.json");
        }
        assertEquals(io.sysrisk.research.evidence.Evidence.Design.WALK_FORWARD_MARKETS, r.design());
        io.sysrisk.research.evidence.Evidence.Comparisons c = r.pooledComparisons();
        assertFalse(c.prVsVolatility().interval().low() > 0 || c.rocVsVolatility().interval().low() > 0,
                "the moonshot is said not met");
        io.sysrisk.research.evidence.Evidence.Versus anchored = r.versus().stream()
                .filter(v -> v.other().equals(io.sysrisk.research.evidence.Evidence.ANCHORED)).findFirst()
                .orElseThrow();
        io.sysrisk.research.evidence.Evidence.FittedReference composite = r.fittedReferences().stream()
                .filter(f -> f.name().equals(io.sysrisk.research.evidence.Evidence.COMPOSITE_STRESS)).findFirst()
                .orElseThrow();
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        for (String figure : List.of("pooled ROC-AUC minus volatility, below beyond noise: "
                + signed(c.rocVsVolatility()) + ", PR-AUC " + signed(c.prVsVolatility()),
                "own closes (PR-AUC " + signed(anchored.prAuc()) + ")",
                "composite stress index ranks level with volatility (PR-AUC "
                        + signed(composite.prMinusVolatility()))) {
            assertTrue(readme.contains(figure), figure);
        }
        String evidence = Files.readString(Path.of("docs", "evidence.md"));
        for (String row : List.of("| systemic network minus volatility | " + signed(c.rocVsVolatility()) + " | "
                + signed(c.prVsVolatility()) + " |", "| systemic network minus the anchored network on the market's "
                + "own closes | " + signed(anchored.rocAuc()) + " | " + signed(anchored.prAuc()) + " |",
                "| CISS-like composite minus volatility | " + signed(composite.rocMinusVolatility()) + " | "
                        + signed(composite.prMinusVolatility()) + " |")) {
            assertTrue(evidence.contains(row), row);
        }
    }

    /**
     * The committed example of a user's market trained with the panel ({@code spi-with-panel}): its report scores
     * the SPI only, in folds of the SPI's own history, and evidence.md's figures are the report's.
     */
    @Test
    void theJoinedExamplesFiguresAreItsReport() throws IOException {
        io.sysrisk.research.evidence.Evidence.Result r;
        try (java.io.InputStream in = Files.newInputStream(Path.of("model-store", "spi-with-panel", "report",
                "walk-forward.json"))) {
            r = io.sysrisk.research.evidence.EvidenceJson.read(in, "walk-forward.json");
        }
        assertTrue(r.folds().stream().allMatch(f -> f.market().equals("SPI")), "only the user's market is scored");
        io.sysrisk.research.evidence.Evidence.Comparisons c = r.pooledComparisons();
        java.util.function.Function<String, Double> pr = name -> r.pooled().stream().filter(x -> x.name().equals(name))
                .findFirst().orElseThrow().metrics().prAuc();
        java.util.function.Function<String, Double> roc = name -> r.pooled().stream()
                .filter(x -> x.name().equals(name)).findFirst().orElseThrow().metrics().rocAuc();
        String served = r.pooled().get(0).name();
        String vol = r.pooled().get(1).name();
        String report = Files.readString(Path.of("model-store", "spi-with-panel", "report", "README.md"));
        java.util.regex.Matcher brier = java.util.regex.Pattern.compile("pooled Brier skill against the training base "
                + "rate is ([-+0-9.]+ \\[[-+0-9.]+, [-+0-9.]+\\])").matcher(report);
        assertTrue(brier.find(), "the report states its Brier skill");
        String evidence = Files.readString(Path.of("docs", "evidence.md")).replaceAll("\\s+", " ");
        for (String figure : List.of(String.format(java.util.Locale.ROOT, "PR-AUC %.3f against %.3f, difference %s",
                pr.apply(served), pr.apply(vol), signed(c.prVsVolatility())), String.format(java.util.Locale.ROOT,
                "ROC-AUC %.3f against %.3f, %s", roc.apply(served), roc.apply(vol), signed(c.rocVsVolatility())),
                "Brier skill " + brier.group(1))) {
            assertTrue(evidence.contains(figure), figure);
        }
    }

    /** A paired difference as the README states it: estimate and interval, signed. */
    private static String signed(io.sysrisk.research.evidence.Difference d) {
        return String.format(java.util.Locale.ROOT, "%+.3f [%+.3f, %+.3f]", d.estimate(), d.interval().low(),
                d.interval().high());
    }

    /** The lowest and highest held-out market's mean probability over its onset rate, of the score {@code name}. */
    private static double[] ratioRange(io.sysrisk.research.evidence.Evidence.Result r, String name) {
        java.util.DoubleSummaryStatistics s = r.pooledFolds().stream().mapToDouble(f -> f.probabilities(name)
                .calibrationRatio().estimate()).summaryStatistics();
        return new double[] {s.getMin(), s.getMax()};
    }

    /** The committed default report's evidence. */
    private static io.sysrisk.research.evidence.Evidence.Result committed() throws IOException {
        try (java.io.InputStream in = Files.newInputStream(REPORT.resolve("lomo.json"))) {
            return io.sysrisk.research.evidence.EvidenceJson.read(in, "lomo.json");
        }
    }

    /** How the README states a score's pooled Brier skill and its held-out markets' range of mean over observed. */
    private static String skillAndBand(io.sysrisk.research.evidence.ProbabilityEvidence.Probabilities p, double low,
                                       double high) {
        return String.format(java.util.Locale.ROOT, "Brier skill %+.3f [%+.3f, %+.3f], held-out markets at "
                + "%.2fx-%.2fx", p.brierSkill().estimate(), p.brierSkill().interval().low(),
                p.brierSkill().interval().high(), low, high);
    }
}
