package io.sysrisk.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.sysrisk.comparison.BlockBootstrap;
import io.sysrisk.comparison.LeaveOneMarketOut;
import io.sysrisk.evaluation.EventMetrics;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;

/**
 * Writes the any-index model's report/ folder: README.md with the leave-one-market-out tables (ranking metrics
 * with intervals, paired differences, event figures), one chart per held-out market of alarms against event onsets,
 * and lomo.json with every number.
 */
public final class LomoReportWriter {

    /** Where the goal of issue 9 puts the bar: share of onsets warned, false-alarm episodes per year. */
    static final double GOAL_WARNED = 0.70;
    static final double GOAL_FALSE_PER_YEAR = 2.0;

    private LomoReportWriter() {
    }

    public static Path write(ModelManifest m, LeaveOneMarketOut.Result r, Path folder, String command)
            throws IOException {
        Files.createDirectories(folder);
        for (LeaveOneMarketOut.FoldResult f : r.folds()) {
            alarmChart(folder.resolve(chartName(f)), f);
        }
        ModelStore.json().writeValue(folder.resolve("lomo.json").toFile(), r);
        Files.writeString(folder.resolve("README.md"), markdown(m, r, command));
        return folder;
    }

    static String chartName(LeaveOneMarketOut.FoldResult f) {
        return "alarms-" + f.fold().replaceAll("[^A-Za-z0-9.-]+", "-") + ".png";
    }

    static String markdown(ModelManifest m, LeaveOneMarketOut.Result r, String command) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Leave-one-market-out report: ").append(m.version()).append("\n\n");
        sb.append(String.format("Made by `%s` on %s in %.1f min (mode: %s%s), for the model recipe of version `%s` "
                        + "(created %s, parameters SHA-256 `%s`).%n%n", command,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), r.seconds() / 60, r.mode(),
                r.mode().equals("quick") ? ": a pipeline check, its numbers mean nothing" : "", m.version(),
                m.createdAt(), m.parameters().sha256().substring(0, 12)));
        sb.append("**Set-up.** Label: ").append(m.label().describe()).append(". Features: ")
                .append(String.join(", ", m.input().features())).append(", window ").append(m.input().window())
                .append(" days. Model: ").append(LeaveOneMarketOut.MODEL).append(" (")
                .append(m.ensemble() == null ? 1 : m.ensemble().config().members())
                .append(" seeds, members as in `model.json`), Platt-calibrated and alarming at its maximum validation "
                        + "usefulness, trained in each fold exactly as the served model is. Each fold holds one "
                        + "market out over its whole history, and that period in every other market (no training "
                        + "or validation window reads a day of it): the test is cross-market and cross-era. "
                        + "References, trained or fitted on the same fold: **volatility**, today's 20-day realized "
                        + "volatility, alarm above its 90th percentile over the fold's training days; **logistic** "
                        + "regression on the last day's features. Intervals: 95% circular block bootstrap over the "
                        + "test windows (blocks of ").append(LeaveOneMarketOut.BLOCK)
                .append(" days, within each market); differences are paired (same resamples).\n\n");

        sb.append("## Ranking: ROC-AUC and PR-AUC on each held-out market\n\n");
        sb.append("| held out | test windows | events (base rate) | onsets | score | ROC-AUC | PR-AUC |\n|---|---|---|---|---|---|---|\n");
        for (LeaveOneMarketOut.FoldResult f : r.folds()) {
            for (LeaveOneMarketOut.ScoreResult s : f.scores()) {
                sb.append(String.format("| %s | %s | %s | %s | %s | %s | %s |%n",
                        s == f.scores().get(0) ? f.fold() + " (" + f.period() + ")" : "",
                        s == f.scores().get(0) ? String.valueOf(f.windows()) : "",
                        s == f.scores().get(0) ? String.format("%d (%.3f)", f.positives(), (double) f.positives() / f.windows()) : "",
                        s == f.scores().get(0) ? String.valueOf(s.events().onsets()) : "", s.name(),
                        withCi(s.metrics().rocAuc(), s.rocAuc()), withCi(s.metrics().prAuc(), s.prAuc())));
            }
        }
        for (LeaveOneMarketOut.ScoreResult s : r.pooled()) {
            sb.append(String.format("| **pooled** (whole-history folds) | %s | %s | %s | %s | %s | %s |%n",
                    s == r.pooled().get(0) ? String.valueOf(r.pooledWindows()) : "",
                    s == r.pooled().get(0) ? String.format("%d (%.3f)", r.pooledPositives(), (double) r.pooledPositives() / r.pooledWindows()) : "",
                    s == r.pooled().get(0) ? String.valueOf(s.events().onsets()) : "", s.name(),
                    withCi(s.metrics().rocAuc(), s.rocAuc()), withCi(s.metrics().prAuc(), s.prAuc())));
        }

        sb.append("\n## Paired differences: the model minus each reference\n\n");
        sb.append("| held out | ROC-AUC vs volatility | PR-AUC vs volatility | ROC-AUC vs logistic | PR-AUC vs logistic |\n|---|---|---|---|---|\n");
        for (LeaveOneMarketOut.FoldResult f : r.folds()) {
            sb.append(diffRow(f.fold(), f.comparisons()));
        }
        sb.append(diffRow("**pooled**", r.pooledComparisons()));

        sb.append("\n## Early warning: onsets warned 5-60 trading days ahead, false alarms\n\n");
        sb.append("An onset is the first day of a fall of the label's size (no other in the 20 days before). "
                + "Warned: an alarm on a scored day 5 to 60 trading days before it. A false alarm episode: a run of "
                + "consecutive alarm days none of which has an onset in the 60 days after it. Noise-to-signal: "
                + "false-alarm rate / hit rate on the days with an onset 5-60 days ahead; usefulness: hit rate - "
                + "false-alarm rate (relative usefulness of Alessi and Detken, preference 1/2). Days inside a fall "
                + "are masked (not scored), as in training.\n\n");
        sb.append("| held out | score | onsets warned | median lead (days) | false alarm episodes / year | alarm days | noise-to-signal | usefulness |\n|---|---|---|---|---|---|---|---|\n");
        for (LeaveOneMarketOut.FoldResult f : r.folds()) {
            for (LeaveOneMarketOut.ScoreResult s : f.scores()) {
                sb.append(eventRow(s == f.scores().get(0) ? f.fold() : "", s));
            }
        }
        for (LeaveOneMarketOut.ScoreResult s : r.pooled()) {
            sb.append(eventRow(s == r.pooled().get(0) ? "**pooled**" : "", s));
        }

        LeaveOneMarketOut.ScoreResult model = r.pooled().get(0);
        EventMetrics e = model.events();
        BlockBootstrap.Difference vsVol = r.pooledComparisons().prVsVolatility();
        BlockBootstrap.Difference vsLog = r.pooledComparisons().prVsLogistic();
        sb.append("\n## Against the goal\n\n");
        sb.append(String.format("- Pooled PR-AUC above the volatility reference with the paired 95%% interval above 0: "
                + "difference %+.3f [%.3f, %.3f]: **%s**.%n", vsVol.estimate(), vsVol.interval().low(),
                vsVol.interval().high(), vsVol.interval().above(0) ? "met" : "not met"));
        sb.append(String.format("- Pooled PR-AUC above logistic, interval above 0: difference %+.3f [%.3f, %.3f]: "
                + "**%s**.%n", vsLog.estimate(), vsLog.interval().low(), vsLog.interval().high(),
                vsLog.interval().above(0) ? "met" : "not met"));
        sb.append(String.format("- At least %.0f%% of onsets warned 5-60 days ahead: %.1f%% (%d of %d): **%s**.%n",
                100 * GOAL_WARNED, 100 * e.warnedShare(), e.warned(), e.onsets(),
                e.warnedShare() >= GOAL_WARNED ? "met" : "not met"));
        sb.append(String.format("- At most %.0f false alarm episodes per year: %.2f: **%s**.%n", GOAL_FALSE_PER_YEAR,
                e.falseEpisodesPerYear(), e.falseEpisodesPerYear() <= GOAL_FALSE_PER_YEAR ? "met" : "not met"));

        sb.append("\n## Alarms against onsets\n\n");
        for (LeaveOneMarketOut.FoldResult f : r.folds()) {
            sb.append(String.format("- %s (trained on: %s)%n%n  ![%s](%s)%n%n", f.fold(), f.trainedOn(), f.fold(),
                    chartName(f)));
        }
        sb.append("All numbers, with the scores of every test window: `lomo.json`.\n");
        return sb.toString();
    }

    private static String diffRow(String name, LeaveOneMarketOut.Comparisons c) {
        return String.format("| %s | %s | %s | %s | %s |%n", name, diff(c.rocVsVolatility()), diff(c.prVsVolatility()),
                diff(c.rocVsLogistic()), diff(c.prVsLogistic()));
    }

    private static String eventRow(String name, LeaveOneMarketOut.ScoreResult s) {
        EventMetrics e = s.events();
        return String.format(Locale.ROOT, "| %s | %s | %d of %d (%s) | %s | %.2f (%d in %.1f years) | %s | %s | %s |%n",
                name, s.name(), e.warned(), e.onsets(), pct(e.warnedShare()), num(e.medianLead(), "%.0f"),
                e.falseEpisodesPerYear(), e.falseEpisodes(), e.years(), pct(e.alarmShare()),
                num(e.noiseToSignal(), "%.2f"), num(e.usefulness(), "%.3f"));
    }

    private static String withCi(double v, BlockBootstrap.Interval ci) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f [%.2f, %.2f]", v, ci.low(), ci.high());
    }

    private static String diff(BlockBootstrap.Difference d) {
        String s = String.format(Locale.ROOT, "%+.3f [%.3f, %.3f]", d.estimate(), d.interval().low(),
                d.interval().high());
        return d.interval().above(0) ? "**" + s + "**" : s;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    private static String num(double v, String fmt) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, fmt, v);
    }

    /** The model's probability and its threshold over the held-out period, onsets as red lines. */
    static void alarmChart(Path png, LeaveOneMarketOut.FoldResult f) throws IOException {
        XYSeries model = new XYSeries("P(onset within 20 days), " + LeaveOneMarketOut.MODEL);
        LeaveOneMarketOut.ScoreResult s = f.scores().get(0);
        for (int i = 0; i < f.dates().size(); i++) {
            model.add(Charts.millis(f.dates().get(i)), s.score()[i]);
        }
        NumberAxis p = new NumberAxis("probability");
        p.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(new XYSeriesCollection(model), new DateAxis("date"), p, Charts.line(new Color(30, 60, 120)));
        plot.addRangeMarker(new ValueMarker(s.threshold(), Color.DARK_GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f)));
        LocalDate first = f.dates().get(0);
        LocalDate last = f.dates().get(f.dates().size() - 1);
        for (LocalDate onset : f.onsetDates()) {
            if (!onset.isBefore(first) && !onset.isAfter(last.plusDays(90))) {
                plot.addDomainMarker(new ValueMarker(Charts.millis(onset), new Color(210, 40, 30), new BasicStroke(1.2f)));
            }
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        Metrics m = s.metrics();
        JFreeChart chart = new JFreeChart(String.format("%s held out: model probability (blue), alarm threshold "
                        + "(dashed), event onsets (red); ROC-AUC %.3f, onsets warned %d of %d", f.fold(), m.rocAuc(),
                s.events().warned(), s.events().onsets()), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1100, 380);
    }
}
