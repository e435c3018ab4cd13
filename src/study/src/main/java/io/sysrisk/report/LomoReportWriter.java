package io.sysrisk.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import io.sysrisk.comparison.EventBaselines;
import io.sysrisk.comparison.LeaveOneMarketOut;
import io.sysrisk.comparison.PositiveControl;
import io.sysrisk.research.evaluation.AlarmNulls;
import io.sysrisk.research.evaluation.EventMetrics;
import io.sysrisk.research.evidence.CalmFigures;
import io.sysrisk.research.evidence.CalmRanking;
import io.sysrisk.research.evidence.Difference;
import io.sysrisk.research.evidence.EventIntervals;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.evidence.Interval;
import io.sysrisk.research.evidence.RandomSummary;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.training.TrainingData;
import io.sysrisk.store.ModelStore;

/**
 * Writes the any-index model's report/ folder: README.md with the leave-one-market-out tables (ranking metrics
 * with intervals, paired differences, event figures), one chart per held-out market of alarms against event onsets,
 * and lomo.json with every number.
 */
public final class LomoReportWriter {

    /** A version's report folder, beside its manifest. */
    public static final String FOLDER = "report";

    private LomoReportWriter() {
    }

    public static Path write(ModelManifest m, Evidence.Result r, Path folder, String command)
            throws IOException {
        return write(m, r, null, folder, command);
    }

    /** As {@link #write(ModelManifest, Evidence.Result, Path, String)}, with the positive control's run. */
    public static Path write(ModelManifest m, Evidence.Result r, PositiveControl.Result control, Path folder,
                             String command) throws IOException {
        Files.createDirectories(folder);
        if (control != null) {
            ModelStore.json().writeValue(folder.resolve("positive-control.json").toFile(), control);
        }
        for (Evidence.FoldResult f : r.folds()) {
            Charts.alarms(folder.resolve(chartName(f)), f);
        }
        if (r.probabilityVerdict() != null) {
            ProbabilitySection.chart(folder.resolve(ProbabilitySection.CHART), r);
        }
        if (r.errorDiagrams() != null && !r.errorDiagrams().isEmpty()) {
            ErrorDiagramSection.chart(folder.resolve(ErrorDiagramSection.CHART), r);
        }
        // Compact: it holds every test window's scores (about 3 MB so; indented, more than twice that).
        // The evidence contract's writer: the function reads this file with EvidenceJson.read.
        Files.write(folder.resolve(jsonName(r)), io.sysrisk.research.evidence.EvidenceJson.write(r));
        Files.writeString(folder.resolve("README.md"), markdown(m, r, control, command));
        return folder;
    }

    /**
     * A report folder's study re-analysed ({@code LeaveOneMarketOut#reanalyse}): its JSON and README written again
     * from {@code r}, the positive control read back from the folder. The README keeps the line that says how and
     * when the networks were trained, and adds what derived the new figures ({@code command}), so no one reads a
     * re-analysis as a new run.
     */
    public static Path writeReanalysed(ModelManifest m, Evidence.Result r, Path folder, String command)
            throws IOException {
        return writeAgain(m, r, folder, command, String.format(" " + REANALYSED + "%s by `%s` from the test windows "
                + "this JSON kept, each fold's training base rate and its fitted references, its plan prepared again "
                + "and checked day by day; no network was retrained and every other figure is the run's.",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), command));
    }

    /** How a re-analysis's note starts (a later one replaces it). */
    private static final String REANALYSED = "Its proper scores and fitted references were derived on ";
    /** How a positive control's note starts (a later one replaces it). */
    public static final String CONTROL_AGAIN = "Its positive control was run again on ";

    /**
     * A report folder's README written again from {@code r} and the folder's positive control, its run's line kept
     * with {@code note} after it (what was done since, by which command).
     */
    public static Path writeAgain(ModelManifest m, Evidence.Result r, Path folder, String command, String note)
            throws IOException {
        Path readme = folder.resolve("README.md");
        String made = Files.readAllLines(readme).stream().filter(l -> l.startsWith("Made by ")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(readme + " does not say how it was made"));
        Path controlFile = folder.resolve("positive-control.json");
        PositiveControl.Result control = Files.exists(controlFile) ? PositiveControlSection.read(controlFile) : null;
        write(m, r, control, folder, command);
        String markdown = Files.readString(readme);
        String fresh = markdown.lines().filter(l -> l.startsWith("Made by ")).findFirst().orElseThrow();
        // The run's line may carry earlier notes: one of the same kind is replaced, others are kept.
        String kind = String.join(" ", java.util.Arrays.copyOf(note.strip().split(" "), 3));
        for (int earlier = made.indexOf(" " + kind); earlier >= 0; earlier = made.indexOf(" " + kind)) {
            int end = made.indexOf(" Its ", earlier + 1);
            made = made.substring(0, earlier) + (end < 0 ? "" : made.substring(end));
        }
        Files.writeString(readme, markdown.replace(fresh, made + note));
        return folder;
    }

    /** The JSON with every number: lomo.json for the default's study, walk-forward.json for one market's. */
    public static String jsonName(Evidence.Result r) {
        return walkForward(r) ? "walk-forward.json" : "lomo.json";
    }

    private static boolean walkForward(Evidence.Result r) {
        return r.design().walkForward();
    }

    static String chartName(Evidence.FoldResult f) {
        return "alarms-" + f.fold().replaceAll("[^A-Za-z0-9.-]+", "-") + ".png";
    }

    static String markdown(ModelManifest m, Evidence.Result r, String command) {
        return markdown(m, r, null, command);
    }

    static String markdown(ModelManifest m, Evidence.Result r, PositiveControl.Result control,
                           String command) {
        StringBuilder sb = new StringBuilder();
        boolean wf = walkForward(r);
        boolean own = LeaveOneMarketOut.ownRecipe(r);
        sb.append(wf ? "# Walk-forward report: " : "# Leave-one-market-out report: ").append(m.version())
                .append("\n\n");
        sb.append(String.format("Made by `%s` on %s in %.1f min (mode: %s%s), for the model recipe of version `%s` "
                        + "(created %s, parameters SHA-256 `%s`).%n%n", command,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), r.seconds() / 60, r.mode(),
                r.mode().equals("quick") ? ": a pipeline check, its numbers mean nothing" : "", m.version(),
                m.createdAt(), m.parameters().sha256().substring(0, 12)));
        sb.append("**Set-up.** Label: ").append(m.label().describe()).append(". Features: ")
                .append(String.join(", ", m.input().features())).append(", window ").append(m.input().window())
                .append(" days.");
        if (m.input().systemic()) {
            sb.append(" Systemic inputs (the embedded panel's state, each market reading the state of the day "
                    + "before its close): ").append(String.join(", ", m.input().systemicInputs())).append('.');
        }
        if (wf) {
            walkForwardSetUp(sb, m, r);
        } else {
            sb.append(" Networks: CNN-BiLSTM-attention ensembles (")
                .append(m.ensemble() == null ? 1 : m.ensemble().config().members())
                .append(" seeds), Platt-calibrated. The **plain** network and the **anchored** one (logit = a "
                        + "weighted logistic reference on the last day's vol_20d, fitted on the training part, + the "
                        + "network as a correction that starts at 0) are trained in every fold. ")
                .append(own ? "The **selected** row is the version's own recipe, trained in every fold on the "
                        + "other markets (nothing is selected). "
                        : "The **selected** network is, in each fold, the candidate recipe (below) an inner "
                        + "leave-one-market-out over that fold's training markets chose (outer test period excluded "
                        + "from every inner part): the nested, honest figure. ")
                .append("Each fold holds one "
                        + "market out over its whole history, and that period in every other market (no training "
                        + "or validation window reads a day of it): the test is cross-market and cross-era. "
                        + "References, trained or fitted on the same fold: **volatility**, today's 20-day realized "
                        + "volatility, alarm above its 90th percentile over the fold's training days; **logistic** "
                        + "regression on the last day's features. Intervals: 95% circular block bootstrap over the "
                        + "test windows (blocks of ").append(LeaveOneMarketOut.BLOCK)
                .append(" days, within each market); differences are paired (same resamples).\n\n");
        }

        ProbabilitySection.write(sb, r);
        sb.append("## Ranking: ROC-AUC and PR-AUC on each held-out market\n\n");
        sb.append("| held out | test windows | events (base rate) | onsets | score | ROC-AUC | PR-AUC |\n|---|---|---|---|---|---|---|\n");
        for (Evidence.FoldResult f : r.folds()) {
            for (Evidence.ScoreResult s : f.scores()) {
                if (Evidence.paperRow(s.name())) {
                    continue; // the paper's comparison has its own section
                }
                sb.append(String.format("| %s | %s | %s | %s | %s | %s | %s |%n",
                        s == f.scores().get(0) ? f.fold() + " (" + f.period() + ")" : "",
                        s == f.scores().get(0) ? String.valueOf(f.windows()) : "",
                        s == f.scores().get(0) ? String.format("%d (%.3f)", f.positives(), (double) f.positives() / f.windows()) : "",
                        s == f.scores().get(0) ? String.valueOf(f.events().get(Evidence.served()).rows().get(0)
                                .events().onsets()) : "", s.name(),
                        withCi(s.metrics().rocAuc(), s.rocAuc()), withCi(s.metrics().prAuc(), s.prAuc())));
            }
        }
        for (Evidence.ScoreResult s : r.pooled()) {
            if (Evidence.paperRow(s.name())) {
                continue;
            }
            sb.append(String.format("| **pooled** (whole-history folds) | %s | %s | %s | %s | %s | %s |%n",
                    s == r.pooled().get(0) ? String.valueOf(r.pooledWindows()) : "",
                    s == r.pooled().get(0) ? String.format("%d (%.3f)", r.pooledPositives(), (double) r.pooledPositives() / r.pooledWindows()) : "",
                    s == r.pooled().get(0) ? String.valueOf(r.pooledEvents().get(Evidence.served()).rows().get(0)
                            .events().onsets()) : "", s.name(),
                    withCi(s.metrics().rocAuc(), s.rocAuc()), withCi(s.metrics().prAuc(), s.prAuc())));
        }

        sb.append("\nStratified (no pair or precision mixes two folds' calibrations): ");
        for (Evidence.Stratified st : r.stratified()) {
            if (Evidence.paperRow(st.name())) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%s ROC-AUC %.3f, PR-AUC %.3f; ", st.name(), st.rocAuc(), st.prAuc()));
        }
        sb.setLength(sb.length() - 2);
        sb.append(". ROC-AUC over pairs within one held-out market; PR-AUC per fold, weighted by its events.\n");

        if (own) {
            sb.append("\n## The version's own recipe, in every fold\n\n");
            sb.append("No recipe is selected: each fold trains the version's recipe, `").append(r.served().chosen())
                    .append("`, on the version's inputs (the selected row above), and beside it the plain and the "
                            + "anchored network on the same inputs.\n");
        } else {
            NestedSelectionSection.write(sb, r);
        }
        sb.append("\nEpoch each member was restored at, per outer fold (0: an anchored network kept its reference, "
                + "the correction stayed at zero): ");
        sb.append(String.join("; ", r.folds().stream().map(f -> f.fold() + ": " + f.bestEpochs().entrySet().stream()
                .map(x -> x.getKey() + " " + x.getValue()).reduce((a, b) -> a + ", " + b).orElse("")).toList()));
        sb.append(".");
        if (own) {
            sb.append('\n');
        } else {
            NestedSelectionSection.innerEpochs(sb, r);
        }
        if (r.pooledAnchoredComparisons() != null) {
            Evidence.Comparisons a = r.pooledAnchoredComparisons();
            sb.append(String.format("%nPooled, anchored minus volatility: ROC-AUC %s, PR-AUC %s; anchored minus plain: "
                    + "ROC-AUC %s, PR-AUC %s.%n", diff(a.rocVsVolatility()), diff(a.prVsVolatility()),
                    diff(a.rocVsLogistic()), diff(a.prVsLogistic())));
            sb.append("\n| held out | anchored minus volatility, PR-AUC | anchored minus plain, PR-AUC |\n|---|---|---|\n");
            for (Evidence.FoldResult f : r.folds()) {
                if (f.anchoredComparisons() != null) {
                    sb.append(String.format("| %s | %s | %s |%n", f.fold(), diff(f.anchoredComparisons().prVsVolatility()),
                            diff(f.anchoredComparisons().prVsLogistic())));
                }
            }
        }

        if (r.versus() != null && !r.versus().isEmpty()) {
            sb.append("\n## The systemic recipe against the market's own closes\n\n");
            sb.append("The version's recipe reads the systemic inputs (").append(String.join(", ",
                    r.candidates().get(0).systemicInputs())).append(") after the market's own; the plain and the "
                    + "anchored networks of every fold read the market's own closes only, trained on the same "
                    + "markets and periods and scored on the same test windows. Pooled, paired (calendar blocks "
                    + "drawn jointly for markets judged together):\n\n| systemic network minus | ROC-AUC | PR-AUC |\n"
                    + "|---|---|---|\n");
            for (Evidence.Versus v : r.versus()) {
                sb.append(String.format("| %s | %s | %s |%n", v.about(), diff(v.rocAuc()), diff(v.prAuc())));
            }
            recipeChoice(sb, r.recipeChoice());
        }

        sb.append("\n## Paired differences: the selected network minus each reference\n\n");
        sb.append("| held out | ROC-AUC vs volatility | PR-AUC vs volatility | ROC-AUC vs logistic | PR-AUC vs logistic |\n|---|---|---|---|---|\n");
        for (Evidence.FoldResult f : r.folds()) {
            sb.append(diffRow(f.fold(), f.comparisons()));
        }
        sb.append(diffRow("**pooled**", r.pooledComparisons()));
        FittedReferencesSection.write(sb, r);
        ErrorDiagramSection.write(sb, r);
        PreferenceAlarmsSection.write(sb, r);

        headline(sb, r);
        PaperSection.write(sb, r);
        calm(sb, r);
        if (control != null) {
            PositiveControlSection.write(sb, control);
        }
        sb.append("\n## Early warning: alarms against onsets, beside alarms that cannot have skill\n\n");
        sb.append("An onset is the first day of a fall of the label's size (no other in the 20 days before). "
                + "**Warned**: an alarm on a scored day 5 to 60 trading days before it. An **alarm episode** is a run "
                + "of alarm days over consecutive scored days (days inside a fall are masked and do not end it); it is "
                + "**false** when no onset falls 5-60 days after its first day, however long it lasts. **Lead**: "
                + "from the first day of the episode that warned, uncapped (quartiles). **Usefulness**: relative "
                + "usefulness at preference mu (Alessi-Detken in Sarlin's relative form) of the daily alarms against "
                + "\"an onset 5-60 days ahead\": 0 is no better than never or always alarming. Every threshold is "
                + "chosen on the fold's calibration part (the later half of its held-out windows; early stopping uses the earlier half) for that same usefulness, with \"never alarm\" a candidate, "
                + "and adopted only when the lower 5% of its calibration usefulness over block-bootstrap resamples is "
                + "above 0; otherwise the score falls back to the reference rule (volatility above its train p90). "
                + "Beside them: volatility at the model's own alarm share on the test days, an alarm that is always "
                + "on, and a random alarm with the model's alarm days and episodes (mean and 5-95% over "
                + EventBaselines.DRAWS + " draws). 95% intervals: circular block bootstrap of 60-day blocks.\n\n");
        for (int k = 0; k < Evidence.PREFERENCES.length; k++) {
            int mu = k;
            sb.append(String.format(Locale.ROOT, "### Preference mu = %.1f%s%n%n", Evidence.PREFERENCES[k],
                    k == Evidence.served() ? " (the served rule)" : ""));
            sb.append("| held out | alarm | rule | onsets warned [95%] | false episodes / year [95%] | alarm days / year "
                    + "| lead quartiles (days) | usefulness |\n|---|---|---|---|---|---|---|---|\n");
            for (Evidence.FoldResult f : r.folds()) {
                sb.append(eventRows(f.fold(), f.events().get(mu), mu));
            }
            sb.append(eventRows("**pooled**", r.pooledEvents().get(mu), mu));
        }

        Evidence.EventTable served = r.pooledEvents().get(Evidence.served());
        Evidence.EventRow model = served.rows().get(0);
        Evidence.EventRow sameShare = served.rows().stream()
                .filter(x -> x.name().equals(Evidence.VOLATILITY_SAME_SHARE)).findFirst().orElseThrow();
        Difference vsVol = r.pooledComparisons().prVsVolatility();
        Difference vsLog = r.pooledComparisons().prVsLogistic();
        sb.append("\n## Against the goal\n\n");
        long adopted = r.folds().stream().filter(f -> f.events().get(Evidence.served()).rows().get(0).rule()
                .equals("adopted")).count();
        sb.append(String.format("- The model's own alarm threshold (preference 1/2) was adopted in %d of %d folds; "
                + "elsewhere its calibration usefulness did not clear the bootstrap margin and it alarmed by the "
                + "volatility rule.%n", adopted, r.folds().size()));
        sb.append(String.format("- Pooled PR-AUC above the volatility reference with the paired 95%% interval above 0: "
                + "difference %+.3f [%.3f, %.3f]: **%s**.%n", vsVol.estimate(), vsVol.interval().low(),
                vsVol.interval().high(), vsVol.interval().above(0) ? "met" : "not met"));
        long below = r.folds().stream().filter(f -> f.comparisons().prVsVolatility().interval().high() < 0).count();
        sb.append(String.format("- No fold where the model's PR-AUC is below volatility with an interval that excludes 0: "
                + "%d such fold(s): **%s**.%n", below, below == 0 ? "met" : "not met"));
        sb.append(String.format("- Pooled PR-AUC above logistic, interval above 0: difference %+.3f [%.3f, %.3f]: "
                + "**%s**.%n", vsLog.estimate(), vsLog.interval().low(), vsLog.interval().high(),
                vsLog.interval().above(0) ? "met" : "not met"));
        EventMetrics e = model.events();
        EventMetrics v = sameShare.events();
        boolean more = e.warned() > v.warned() && e.warnedShare() > served.matchedRandom().warned95();
        boolean fewer = e.falseEpisodesPerYear() < v.falseEpisodesPerYear();
        sb.append(String.format(Locale.ROOT, "- At the same alarm share, more onsets warned than volatility and than the "
                        + "matched random alarm's 95th percentile: %d vs %d, %.0f%% vs %.0f%%: **%s**; with fewer false "
                        + "alarm episodes per year: %.2f vs %.2f: **%s**.%n", e.warned(), v.warned(),
                100 * e.warnedShare(), 100 * served.matchedRandom().warned95(), more ? "met" : "not met",
                e.falseEpisodesPerYear(), v.falseEpisodesPerYear(), fewer ? "met" : "not met"));

        sb.append("\n## Alarms against onsets\n\n");
        for (Evidence.FoldResult f : r.folds()) {
            sb.append(String.format("- %s (trained on: %s)%n%n  ![%s](%s)%n%n", f.fold(), f.trainedOn(), f.fold(),
                    chartName(f)));
        }
        sb.append("All numbers, with every test window's date, label and scores: `").append(jsonName(r))
                .append(r.paperComparison() == null ? "`.\n" : "` (the paper's comparison's rows: their figures, "
                        + "not their value on every window).\n");
        return wf ? inWalkForwardWords(sb.toString()) : sb.toString();
    }

    /**
     * The shared sections speak of held-out markets and a nested pick; a walk-forward has folds of one market over
     * time and the version's own recipe. The JSON keeps the study's names, so both designs read the same way.
     */
    static String inWalkForwardWords(String markdown) {
        return markdown.replace(Evidence.MODEL, "served network (the version's recipe)")
                .replace("on each held-out market", "on each fold's test period")
                .replace("(whole-history folds)", "(all folds)")
                .replace("the later half of its held-out windows; early stopping uses the earlier half",
                        "the later half of the windows it holds out of its past; early stopping uses the earlier half")
                .replace("onsets in the held-out markets' histories", "onsets in the folds' test periods")
                .replace("on the markets held out", "in the folds' test periods")
                .replace("the whole-history folds", "the folds")
                .replace("each held-out market within", "each fold within");
    }

    /** How a walk-forward study is made, in the report's words. */
    private static void walkForwardSetUp(StringBuilder sb, ModelManifest m, Evidence.Result r) {
        boolean together = r.design() == Evidence.Design.WALK_FORWARD_MARKETS;
        long periods = r.folds().stream().map(f -> f.fold().substring(f.fold().lastIndexOf(' ') + 1)).distinct()
                .count();
        sb.append(String.format(Locale.ROOT, " Data: %s (SHA-256 %s). Networks: CNN-BiLSTM-attention ensembles (%d "
                + "seeds), Platt-calibrated. "
                + (together
                ? "**Walk-forward, the markets together**: used when a leave-one-market-out cannot decide (markets "
                + "that share an era: holding one out, with its period in every other, leaves a part below the "
                + "decision floor) or when asked (`--design walk-forward`). The latest half of every market's "
                + "labelled windows, by date, is cut into %d consecutive calendar periods; each fold trains, "
                + "early-stops and calibrates on every market before its period only (the latest %.0f%% of each "
                + "market's windows before it: the earlier half validation, the later half calibration) and scores "
                + "every market's windows inside the period (one row per market and period below), and no "
                + "training, validation or calibration window of any market reads a day of the period or anything "
                + "after it (feature look-back, days, label look-ahead: purge and embargo of %d days). The test is "
                + "out of time, not out of market: every market's own past trains. "
                : "**Walk-forward**, one market over time: its latest half of labelled windows is cut into %d "
                + "consecutive test periods; each fold trains, early-stops and calibrates on what came before its "
                + "period only (the latest %.0f%% of those windows: the earlier half validation, the later half "
                + "calibration), and no training, validation or calibration window reads a day of its period or "
                + "anything after it (feature look-back, days, label look-ahead: purge and embargo of %d days). ")
                + "Every fold's validation, calibration and test parts cleared the decision floor before anything "
                + "trained. The **selected** network is the version's own recipe; the **plain** and **anchored** "
                + "networks read the same inputs. References fitted on the same fold: **volatility** (today's 20-day "
                + "realized volatility of the index, alarm above its 90th percentile over the fold's training days) "
                + "and **logistic** regression on the last day's inputs. Pooled figures join the folds (each "
                + "calibrated on its own past); stratified ones do not. Intervals: 95%% circular block bootstrap "
                + "(blocks of %d days" + (together ? "; a row of one market and period: within it; pooled figures "
                + "and every event table's intervals: on the markets' joint calendar, a drawn date bringing every "
                + "market's window of that date, since markets of one era share their crises and are not "
                + "independent samples; the circular shifts stay within each market)" : ", within each fold)")
                + "; differences are paired.%n%n",
                together ? TrainingData.marketsFileName(m.data()) + " (" + (TrainingData.isJoined(m.data())
                        ? String.join(", ", TrainingData.ownColumns(m.data())) + ", with the embedded panel's "
                        + TrainingData.panelColumns(m.data()).size() + " indices" : m.data().size() + " markets") + ")"
                        : m.data().get(0).name(),
                m.data().get(0).sha256().substring(0, 12),
                m.ensemble() == null ? 1 : m.ensemble().config().members(), periods,
                100 * m.pooled().validationShare(), m.label().lookahead(), LeaveOneMarketOut.BLOCK));
        if (together && TrainingData.isJoined(m.data())) {
            String own = String.join(", ", TrainingData.ownColumns(m.data()));
            List<String> panel = TrainingData.panelColumns(m.data());
            sb.append(String.format(Locale.ROOT, "**Trained with the embedded panel** (`train --with-panel`): every "
                    + "fold trained, validated and calibrated on %s and the panel's %d indices (%s, from %s), each "
                    + "before the fold's period only; the periods were cut from %s's own labelled windows, and only "
                    + "%s's windows are scored. Every figure below is %s's.%n%n", own, panel.size(),
                    String.join(", ", panel), TrainingData.PANEL_FILE, own, own, own));
        }
    }

    /**
     * The headline: per-day figures no constant or calendar alarm can pass (Hanssen-Kuipers skill, false alarm
     * days, usefulness at each preference), the pooled alarms beside the nulls that keep the served alarm's shape.
     */
    private static void headline(StringBuilder sb, Evidence.Result r) {
        sb.append("\n## Headline: per-day skill, beside alarms that keep the model's shape and lose its timing\n\n");
        sb.append("Per scored day, against \"an onset 5-60 trading days ahead\" (a *signal day*): **skill** is the "
                + "Hanssen-Kuipers score, hit rate (share of signal days alarmed) minus false-alarm rate (share of "
                + "the other days alarmed): 0 for an alarm that is always on, never on, on a calendar or at random, "
                + "whatever its share of alarm days; **false alarm days** are alarm days outside every warning "
                + "period, each counted (not only an episode's first); **usefulness** is relative usefulness at the "
                + "preference. The nulls share the model's alarm: *evenly spaced runs* with its alarm days and "
                + "episodes, a *calendar* alarm of one day per episode, and its own alarm sequence *circularly "
                + "shifted* within each market by at least " + AlarmNulls.MIN_SHIFT + " days (median and 5-95% over "
                + AlarmNulls.SHIFTS + " shifts spread over every allowed shift). The *calm* column: onsets with no "
                + "fall started in the " + r.pooledCalm().calmDays() + " days before (below). 95% intervals: circular "
                + "block bootstrap.\n\n");
        for (int k = 0; k < Evidence.PREFERENCES.length; k++) {
            Evidence.EventTable t = r.pooledEvents().get(k);
            double mu = Evidence.PREFERENCES[k];
            sb.append(String.format(Locale.ROOT, "**Pooled, preference mu = %.1f%s**%n%n", mu,
                    k == Evidence.served() ? " (the served rule)" : ""));
            sb.append("| alarm | skill [95%] | hit rate | false-alarm rate | false alarm days / year [95%] | "
                    + "usefulness [95%] | onsets warned | calm onsets warned | alarm days / year |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n");
            for (Evidence.EventRow row : t.rows()) {
                EventMetrics e = row.events();
                EventIntervals ci = row.intervals();
                sb.append(String.format(Locale.ROOT, "| %s | %s [%s, %s] | %s | %s | %.1f [%.1f, %.1f] | %s [%s, %s] "
                                + "| %d of %d (%s) | %d of %d (%s) | %.0f |%n", row.name(), num(e.skill(), "%.3f"),
                        num(ci.skill().low(), "%.3f"), num(ci.skill().high(), "%.3f"), pct(e.hitRate()),
                        pct(e.falseAlarmRate()), e.falseAlarmDaysPerYear(), ci.falseAlarmDaysPerYear().low(),
                        ci.falseAlarmDaysPerYear().high(), num(e.relativeUsefulness(mu), "%.3f"),
                        num(ci.usefulness().low(), "%.3f"), num(ci.usefulness().high(), "%.3f"), e.warned(),
                        e.onsets(), pct(e.warnedShare()), row.calmWarned(), row.calmOnsets(),
                        pct(row.calmWarnedShare()), e.alarmDaysPerYear()));
            }
            AlarmNulls.ShiftSummary sh = t.shifts();
            sb.append(String.format(Locale.ROOT, "| the model's alarm, circularly shifted (median [5%%, 95%%] of %d) "
                            + "| %s [%s, %s] |  |  | %.1f [%.1f, %.1f] | %s [%s, %s] | %s [%s, %s] | %s [%s, %s] |  |%n",
                    sh.shifts(), num(sh.skill()[1], "%.3f"), num(sh.skill()[0], "%.3f"), num(sh.skill()[2], "%.3f"),
                    sh.falseAlarmDaysPerYear()[1], sh.falseAlarmDaysPerYear()[0], sh.falseAlarmDaysPerYear()[2],
                    num(sh.usefulness()[1], "%.3f"), num(sh.usefulness()[0], "%.3f"), num(sh.usefulness()[2], "%.3f"),
                    pct(sh.warnedShare()[1]), pct(sh.warnedShare()[0]), pct(sh.warnedShare()[2]),
                    pct(sh.calmWarnedShare()[1]), pct(sh.calmWarnedShare()[0]), pct(sh.calmWarnedShare()[2])));
            sb.append('\n');
        }
        Evidence.Verdict v = r.headlineVerdict();
        sb.append(String.format(Locale.ROOT, "**No uninformative alarm reaches the served alarm's skill** (preference "
                        + "1/2, pooled): model %.3f; always on %.3f, evenly spaced runs %.3f, calendar %.3f, circular "
                        + "shifts' 95th percentile %.3f: **%s**. The model's skill interval above 0: **%s**.%n",
                v.skill(), v.alwaysOn(), v.evenlySpaced(), v.calendar(), v.shift95(), v.beatsNulls() ? "met" : "not met",
                v.skillInterval().above(0) ? "yes" : "no"));
    }

    /** Onsets out of calm: ranking and warned share where the falls begin without warning in the prices. */
    private static void calm(StringBuilder sb, Evidence.Result r) {
        CalmFigures c = r.pooledCalm();
        sb.append(String.format(Locale.ROOT, "%n## Onsets out of calm: falls that start without a fall before them%n%n"
                + "An onset is **out of calm** when no fall of the label's size started in the %d trading days "
                + "before it (every such fall is over, so known, by then). %d of %d onsets in the held-out markets' "
                + "histories are (%d of the %d that the event tables count, those with a scored day in their "
                + "warning period). Ranking on this stratum: the windows before calm onsets are the positives, every window "
                + "labelled 0 the negatives, the windows before other onsets are left out (%d windows, %d positive); "
                + "ROC-AUC within each market, weighted by pairs, with a 95%% block-bootstrap interval; PR-AUC per "
                + "market weighted by positives.%n%n| score | ROC-AUC [95%%] | PR-AUC |%n|---|---|---|%n",
                c.calmDays(), c.calmOnsets(), c.onsets(),
                r.pooledEvents().get(Evidence.served()).rows().get(0).calmOnsets(),
                r.pooledEvents().get(Evidence.served()).rows().get(0).events().onsets(), c.windows(),
                c.positives()));
        for (CalmRanking k : c.ranking()) {
            sb.append(String.format(Locale.ROOT, "| %s | %s [%s, %s] | %s |%n", k.name(), num(k.rocAuc(), "%.3f"),
                    num(k.rocAucInterval().low(), "%.2f"), num(k.rocAucInterval().high(), "%.2f"),
                    num(k.prAuc(), "%.3f")));
        }
        sb.append("\n| held out | onsets | out of calm | selected ROC-AUC | volatility ROC-AUC |\n|---|---|---|---|---|\n");
        for (Evidence.FoldResult f : r.folds()) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s |%n", f.fold(), f.calm().onsets(),
                    f.calm().calmOnsets(), num(f.calm().ranking().get(0).rocAuc(), "%.3f"),
                    num(f.calm().ranking().get(1).rocAuc(), "%.3f")));
        }
        Evidence.EventTable t = r.pooledEvents().get(Evidence.served());
        Evidence.EventRow model = t.rows().get(0);
        AlarmNulls.ShiftSummary sh = t.shifts();
        sb.append(String.format(Locale.ROOT, "%nWarned (preference 1/2, pooled): the served alarm warned %d of %d calm "
                        + "onsets (%s); its circular shifts warn %s [%s, %s]. All onsets: %s; shifted %s [%s, %s].%n",
                model.calmWarned(), model.calmOnsets(), pct(model.calmWarnedShare()), pct(sh.calmWarnedShare()[1]),
                pct(sh.calmWarnedShare()[0]), pct(sh.calmWarnedShare()[2]), pct(model.events().warnedShare()),
                pct(sh.warnedShare()[1]), pct(sh.warnedShare()[0]), pct(sh.warnedShare()[2])));
        sb.append("\n**In words:** ").append(r.calmInWords()).append('\n');
    }

    private static String diffRow(String name, Evidence.Comparisons c) {
        return String.format("| %s | %s | %s | %s | %s |%n", name, diff(c.rocVsVolatility()), diff(c.prVsVolatility()),
                diff(c.rocVsLogistic()), diff(c.prVsLogistic()));
    }

    private static String eventRows(String fold, Evidence.EventTable t, int mu) {
        StringBuilder sb = new StringBuilder();
        double pref = Evidence.PREFERENCES[mu];
        for (Evidence.EventRow row : t.rows()) {
            if (Evidence.paperRow(row.name())) {
                continue; // in the paper's comparison's own table
            }
            EventMetrics e = row.events();
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %d of %d (%s) [%s, %s] | %.2f [%.2f, %.2f] | %.0f | %s | %s |%n",
                    row == t.rows().get(0) ? fold : "", row.name(), row.rule(), e.warned(), e.onsets(),
                    pct(e.warnedShare()), pct(row.intervals().warnedShare().low()),
                    pct(row.intervals().warnedShare().high()), e.falseEpisodesPerYear(),
                    row.intervals().falsePerYear().low(), row.intervals().falsePerYear().high(), e.alarmDaysPerYear(),
                    e.leads().length == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f / %.0f / %.0f",
                            e.leadQuantile(0.25), e.leadQuantile(0.5), e.leadQuantile(0.75)),
                    num(e.relativeUsefulness(pref), "%.3f")));
        }
        RandomSummary rnd = t.matchedRandom();
        sb.append(String.format(Locale.ROOT, "|  | random, matched to the model | mean [5%%, 95%%] of %d draws | %s [%s, %s] | %.2f [%.2f, %.2f] |  |  |  |%n",
                rnd.draws(), pct(rnd.warnedMean()), pct(rnd.warned5()), pct(rnd.warned95()), rnd.falsePerYearMean(),
                rnd.falsePerYear5(), rnd.falsePerYear95()));
        AlarmNulls.ShiftSummary sh = t.shifts();
        sb.append(String.format(Locale.ROOT, "|  | the model's alarm, circularly shifted | median [5%%, 95%%] of %d shifts "
                        + "| %s [%s, %s] | %.2f [%.2f, %.2f] |  |  | %s [%s, %s] |%n", sh.shifts(),
                pct(sh.warnedShare()[1]), pct(sh.warnedShare()[0]), pct(sh.warnedShare()[2]),
                sh.falseEpisodesPerYear()[1], sh.falseEpisodesPerYear()[0], sh.falseEpisodesPerYear()[2],
                num(sh.usefulness()[1], "%.3f"), num(sh.usefulness()[0], "%.3f"), num(sh.usefulness()[2], "%.3f")));
        return sb.toString();
    }

    static String withCi(double v, Interval ci) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f [%.2f, %.2f]", v, ci.low(), ci.high());
    }

    static String diff(Difference d) {
        String s = String.format(Locale.ROOT, "%+.3f [%.3f, %.3f]", d.estimate(), d.interval().low(),
                d.interval().high());
        return d.interval().above(0) ? "**" + s + "**" : s;
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    static String num(double v, String fmt) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, fmt, v);
    }

    /** The recipe a systemic study serves as the default, picked walk-forward ({@link Evidence.RecipeChoice}). */
    private static void recipeChoice(StringBuilder sb, Evidence.RecipeChoice c) {
        if (c == null) {
            return;
        }
        List<String> names = new java.util.ArrayList<>(c.servedCriterion().keySet());
        sb.append("\n### Which recipe is served: picked walk-forward\n\nThe rule: ").append(c.rule())
                .append(". Its pick is judged on each period it was made for, as every other score here.\n\n| test period "
                        + "| windows it was chosen on | ");
        names.forEach(n -> sb.append(n).append(", PR-AUC | "));
        sb.append("chosen |\n|---|---|");
        names.forEach(n -> sb.append("---|"));
        sb.append("---|\n");
        for (Evidence.PeriodPick p : c.periods()) {
            sb.append("| ").append(p.period()).append(" | ").append(p.windows() == 0 ? "none (the first)"
                    : Integer.toString(p.windows())).append(" | ");
            names.forEach(n -> sb.append(p.criterion().containsKey(n) ? String.format(Locale.ROOT, "%.3f",
                    p.criterion().get(n)) : "").append(" | "));
            sb.append(p.chosen()).append(" |\n");
        }
        sb.append(String.format(Locale.ROOT, "%nThe pick, pooled over every period, minus volatility: ROC-AUC %s, PR-AUC "
                + "%s.%n%n| the pick minus | ROC-AUC | PR-AUC |%n|---|---|---|%n", diff(c.rocVsVolatility()),
                diff(c.prVsVolatility())));
        for (Evidence.Versus v : c.pickMinus()) {
            sb.append(String.format("| %s | %s | %s |%n", v.about(), diff(v.rocAuc()), diff(v.prAuc())));
        }
        sb.append("\n**Served as the default by the rule on every period: the ").append(c.served()).append("** (PR-AUC "
                + "over every test window: ");
        sb.append(String.join(", ", names.stream().map(n -> String.format(Locale.ROOT, "%s %.3f", n,
                c.servedCriterion().get(n))).toList())).append(").\n");
    }
}
