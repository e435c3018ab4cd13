package io.sysrisk.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.sysrisk.evaluation.Metrics;
import io.sysrisk.research.evidence.Evidence;

/**
 * The reports' charts (JFreeChart, written as PNG): what they share (dates on the axis, the line's look, the square
 * chart of the reliability and error diagrams) and each held-out market's alarm chart.
 */
final class Charts {

    private Charts() {
    }

    static double millis(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /**
     * A square chart of {@code data} on two axes from 0 to {@code edge} (white, grey grid, legend), saved as a
     * 900 x 700 PNG: the reliability and error-diagram charts.
     */
    static void saveSquare(Path png, String title, XYDataset data, XYLineAndShapeRenderer renderer,
                           String xLabel, String yLabel, double edge) throws IOException {
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        x.setRange(0, edge);
        y.setRange(0, edge);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 700);
    }

    static XYLineAndShapeRenderer line(Color c) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, c);
        r.setSeriesStroke(0, new BasicStroke(1.2f));
        return r;
    }

    /** The model's probability and its threshold over the held-out period, onsets as red lines. */
    static void alarms(Path png, Evidence.FoldResult f) throws IOException {
        XYSeries model = new XYSeries("P(onset within 20 days), " + Evidence.MODEL);
        Evidence.ScoreResult s = f.scores().get(0);
        for (int i = 0; i < f.dates().size(); i++) {
            model.add(millis(f.dates().get(i)), s.score()[i]);
        }
        NumberAxis p = new NumberAxis("probability");
        p.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(new XYSeriesCollection(model), new DateAxis("date"), p, line(new Color(30, 60, 120)));
        Evidence.EventRow served = f.events().get(Evidence.served()).rows().get(0);
        plot.addRangeMarker(new ValueMarker(served.rule().equals("adopted") ? served.threshold() : -1, Color.DARK_GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f)));
        LocalDate first = f.dates().get(0);
        LocalDate last = f.dates().get(f.dates().size() - 1);
        for (LocalDate onset : f.onsetDates()) {
            if (!onset.isBefore(first) && !onset.isAfter(last.plusDays(90))) {
                plot.addDomainMarker(new ValueMarker(millis(onset), new Color(210, 40, 30), new BasicStroke(1.2f)));
            }
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        Metrics m = s.metrics();
        JFreeChart chart = new JFreeChart(String.format("%s held out: model probability (blue), alarm threshold "
                        + "(dashed%s), event onsets (red); ROC-AUC %.3f, onsets warned %d of %d", f.fold(),
                served.rule().equals("adopted") ? "" : ": not adopted, volatility alarms", m.rocAuc(),
                served.events().warned(), served.events().onsets()), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1100, 380);
    }
}
