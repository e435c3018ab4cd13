package io.sysrisk.report;

import static io.sysrisk.research.evaluation.MetricsTable.f3;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import ai.djl.inference.Predictor;
import io.sysrisk.comparison.BlockBootstrap;
import io.sysrisk.comparison.ComparisonResult;
import io.sysrisk.data.PriceLevels;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.model.DjlScoring;
import io.sysrisk.model.StoredModel;
import io.sysrisk.research.evidence.Interval;
import io.sysrisk.research.experiment.PreparedExperiment;
import io.sysrisk.scoring.DatedScore;
import io.sysrisk.scoring.MarketScorer;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;
import io.sysrisk.windows.Part;

/** Writes a model version's report/ folder: README.md with the tables, the PNG charts and comparison.json. */
public final class ReportWriter {

    public static final String FOLDER = "report";

    private ReportWriter() {
    }

    public static Path write(StoredModel model, PreparedExperiment exp, ComparisonResult result, Path folder,
                             String command) throws IOException {
        Files.createDirectories(folder);
        ModelManifest m = model.manifest();
        List<DatedScore> scores;
        try (Predictor<WindowBatch, List<WindowScore>> p = model.newPredictor()) {
            scores = new MarketScorer(m).score(exp.data(), null, null, DjlScoring.scorer(p));
        }
        List<LocalDate> dates = exp.data().dates();
        LocalDate validationStart = exp.part(Part.VALIDATION).endDates().get(0);
        LocalDate testStart = exp.part(Part.TEST).endDates().get(0);
        Charts.riskOverTime(folder.resolve("risk.png"), "market index (" + exp.data().source() + ")", dates,
                PriceLevels.marketLevel(exp.data()), exp.labels(), scores, m.threshold(), validationStart, testStart);
        List<ComparisonResult.Row> curveRows = new ArrayList<>(result.models());
        result.indicators().stream().filter(r -> r.scores() != null && !r.name().startsWith("always")).forEach(curveRows::add);
        Charts.curves(folder.resolve("roc.png"), folder.resolve("pr.png"), curveRows,
                (double) result.testPositives() / result.testWindows());
        LocalDate crisis = crisisStart(exp);
        List<DatedScore> around = scores.stream()
                .filter(s -> !s.asOf().isBefore(crisis.minusDays(45)) && !s.asOf().isAfter(crisis.plusDays(45))).toList();
        Charts.attentionHeatmap(folder.resolve("attention.png"), around, "Attention of the committed model around "
                + crisis + ", the largest labelled crash of the test part");
        Charts.trainingCurves(folder.resolve("training.png"), m.training().history(), m.training().bestEpoch());
        ModelStore.json().writeValue(folder.resolve("comparison.json").toFile(), result);
        Files.writeString(folder.resolve("README.md"), markdown(m, exp, result, command, crisis));
        return folder;
    }

    /** The test day whose label window holds the deepest fall: where the attention chart looks. */
    static LocalDate crisisStart(PreparedExperiment exp) {
        double[] level = PriceLevels.marketLevel(exp.data());
        int h = exp.config().label().horizon();
        var r = exp.split().get(Part.TEST);
        int worst = r.from();
        double worstRatio = Double.POSITIVE_INFINITY;
        for (int t = r.from(); t <= r.to(); t++) {
            double min = Double.POSITIVE_INFINITY;
            for (int k = t + 1; k <= t + h && k < level.length; k++) {
                min = Math.min(min, level[k] / level[t]);
            }
            if (min < worstRatio) {
                worstRatio = min;
                worst = t;
            }
        }
        return exp.data().dates().get(worst);
    }

    static String markdown(ModelManifest m, PreparedExperiment exp, ComparisonResult r, String command, LocalDate crisis) {
        StringBuilder sb = new StringBuilder();
        sb.append("# sysrisk report: model `").append(m.version()).append("`\n\n");
        sb.append(String.format(Locale.ROOT, "Written by `%s` on %s (%s mode, %.1f min on this machine). The model was "
                        + "trained %s (seed %d).%n%n", command, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                r.mode(), r.seconds() / 60, m.createdAt(), m.training().config().seed()));
        sb.append("## Setup\n\n```\n").append(exp.summary()).append("```\n\n");
        sb.append("Every model below is trained on exactly these training windows, early-stopped on validation "
                + m.training().config().selection() + ", and given the threshold that maximizes validation F1; the "
                + "test part is only scored. Cells show the first seed's value with a 95% circular block bootstrap "
                + "interval over the test windows (blocks of " + BlockBootstrap.MIN_BLOCK + " days, resampled in time "
                + "order); the last two columns give mean +- standard deviation over all seeds. n/a: undefined (no "
                + "alert, no event, or not a probability: indicators have no Brier score).\n\n");
        sb.append(String.format(Locale.ROOT, "## Test part %s: %d windows, %d events (base rate %.3f)%n%n",
                r.testPeriod(), r.testWindows(), r.testPositives(), (double) r.testPositives() / r.testWindows()));
        table(sb, r.models(), true);
        sb.append("\nPaper (arXiv 2502.06847, its own undisclosed data): accuracy 0.89, recall 0.87, F1 0.88.\n\n");
        sb.append("### Model-free indicators on the same test windows\n\n");
        table(sb, r.indicators(), false);
        sb.append("\n## Ablations (reference model, first seed)\n\n");
        plain(sb, r.ablations());
        if (!r.walkForward().isEmpty()) {
            sb.append("\n## Walk-forward: each calendar year tested by a model trained only on the years before it\n\n");
            sb.append("Validation is the year before the test year; training everything earlier (less the embargo).\n\n");
            plain(sb, r.walkForward());
            sb.append("\nAll folds pooled:\n\n");
            table(sb, r.walkForwardPooled(), false);
        }
        if (!r.crossMarket().isEmpty()) {
            sb.append("\n## Cross-market: a market never seen in training\n\n").append(r.crossMarketSetup()).append(".\n\n");
            table(sb, r.crossMarket(), false);
        }
        sb.append("\n## Charts\n\n");
        sb.append("Predicted risk of the committed model over the whole history, with the index and the labelled "
                + "events:\n\n![risk](risk.png)\n\n");
        sb.append("ROC and precision-recall curves of every model (first seed) and indicator on the test part:\n\n"
                + "![roc](roc.png)\n\n![pr](pr.png)\n\n");
        sb.append("Where the committed model looks: attention weights around ").append(crisis)
                .append(" (each column one as-of date, each row a day of its window):\n\n![attention](attention.png)\n\n");
        sb.append("Training curves of the committed model:\n\n![training](training.png)\n\n");
        List<ComparisonResult.Row> ranked = new ArrayList<>(r.models());
        ranked.addAll(r.indicators().stream().filter(x -> x.metrics() != null).toList());
        ranked.sort(Comparator.comparingDouble((ComparisonResult.Row x) -> -safe(x.metrics().prAuc())));
        sb.append("## Reading it\n\n");
        sb.append(String.format(Locale.ROOT, "- Highest test PR-AUC: %s (%.3f); base rate %.3f.%n", ranked.get(0).name(),
                ranked.get(0).metrics().prAuc(), (double) r.testPositives() / r.testWindows()));
        sb.append("- Accuracy is dominated by the majority class: always-negative scores the base rate's complement.\n");
        sb.append("- Intervals are wide: one test period holds a handful of independent crises.\n");
        return sb.toString();
    }

    private static double safe(double v) {
        return Double.isNaN(v) ? -1 : v;
    }

    private static void table(StringBuilder sb, List<ComparisonResult.Row> rows, boolean seeds) {
        sb.append("| model | accuracy | precision | recall | F1 | ROC-AUC | PR-AUC | Brier |")
                .append(seeds ? " F1 over seeds | PR-AUC over seeds |" : "").append('\n');
        sb.append("|---|---|---|---|---|---|---|---|").append(seeds ? "---|---|" : "").append('\n');
        for (ComparisonResult.Row row : rows) {
            if (row.metrics() == null) {
                sb.append("| ").append(row.name()).append(" | ").append(row.note()).append(" |||||||")
                        .append(seeds ? "||" : "").append('\n');
                continue;
            }
            Metrics x = row.metrics();
            BlockBootstrap.Intervals ci = row.intervals();
            sb.append("| ").append(row.name());
            cell(sb, x.accuracy(), ci == null ? null : ci.accuracy());
            cell(sb, x.precision(), ci == null ? null : ci.precision());
            cell(sb, x.recall(), ci == null ? null : ci.recall());
            cell(sb, x.f1(), ci == null ? null : ci.f1());
            cell(sb, x.rocAuc(), ci == null ? null : ci.rocAuc());
            cell(sb, x.prAuc(), ci == null ? null : ci.prAuc());
            cell(sb, x.brier(), ci == null ? null : ci.brier());
            if (seeds) {
                ComparisonResult.SeedSpread s = row.seeds();
                sb.append(s == null ? " | | |" : String.format(Locale.ROOT, " | %.3f +- %.3f (%d) | %.3f +- %.3f |",
                        s.f1Mean(), s.f1Sd(), s.n(), s.prAucMean(), s.prAucSd()));
            } else {
                sb.append(" |");
            }
            sb.append('\n');
        }
    }

    private static void cell(StringBuilder sb, double v, Interval ci) {
        sb.append(Double.isNaN(v) ? " | n/a" : ci == null ? String.format(Locale.ROOT, " | %.3f", v)
                : String.format(Locale.ROOT, " | %.3f [%.2f, %.2f]", v, ci.low(), ci.high()));
    }

    private static void plain(StringBuilder sb, List<ComparisonResult.Row> rows) {
        sb.append("| run | accuracy | precision | recall | F1 | ROC-AUC | PR-AUC (base rate) | Brier | note |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (ComparisonResult.Row row : rows) {
            Metrics x = row.metrics();
            if (x == null) {
                sb.append("| ").append(row.name()).append(" |||||||| ").append(row.note()).append(" |\n");
                continue;
            }
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s (%s) | %s | %s |%n",
                    row.name(), f3(x.accuracy()), f3(x.precision()), f3(x.recall()), f3(x.f1()), f3(x.rocAuc()),
                    f3(x.prAuc()), f3(x.baseRate()), f3(x.brier()), row.note() == null ? "" : row.note()));
        }
    }
}
