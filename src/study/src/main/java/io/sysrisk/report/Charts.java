package io.sysrisk.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.sysrisk.comparison.ComparisonResult;
import io.sysrisk.experiment.EpochStats;
import io.sysrisk.scoring.DatedScore;

/** The report's charts, drawn with JFreeChart and written as PNG. */
final class Charts {

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 560;
    private static final Color EVENT = new Color(230, 80, 60, 70);

    private Charts() {
    }

    static double millis(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /**
     * The market index (log scale) and the model's probability over time, labelled events shaded, the threshold and
     * the starts of the validation and test parts marked.
     */
    static void riskOverTime(Path png, String market, List<LocalDate> dates, double[] level, int[] labels,
                             List<DatedScore> scores, double threshold, LocalDate validationStart,
                             LocalDate testStart) throws IOException {
        XYSeries index = new XYSeries(market);
        for (int t = 0; t < dates.size(); t++) {
            index.add(millis(dates.get(t)), level[t]);
        }
        XYSeries prob = new XYSeries("P(event within the label horizon)");
        for (DatedScore s : scores) {
            prob.add(millis(s.asOf()), s.probability());
        }
        NumberAxis levelAxis = new NumberAxis(market);
        levelAxis.setAutoRangeIncludesZero(false);
        XYPlot top = new XYPlot(new XYSeriesCollection(index), null, levelAxis, line(new Color(30, 60, 120)));
        NumberAxis pAxis = new NumberAxis("probability");
        pAxis.setRange(0, 1);
        XYPlot bottom = new XYPlot(new XYSeriesCollection(prob), null, pAxis, line(new Color(200, 60, 30)));
        bottom.addRangeMarker(new ValueMarker(threshold, Color.DARK_GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f)));
        for (XYPlot p : List.of(top, bottom)) {
            shadeEvents(p, dates, labels);
            for (LocalDate d : List.of(validationStart, testStart)) {
                ValueMarker m = new ValueMarker(millis(d), Color.BLACK, new BasicStroke(1.5f));
                p.addDomainMarker(m);
            }
            p.setBackgroundPaint(Color.WHITE);
            p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new DateAxis("date"));
        plot.add(top, 3);
        plot.add(bottom, 2);
        JFreeChart chart = new JFreeChart("Predicted risk over time (shaded: labelled events; vertical lines: "
                + "validation and test starts; dashed: threshold)", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT + 100);
    }

    private static void shadeEvents(XYPlot plot, List<LocalDate> dates, int[] labels) {
        int t = 0;
        while (t < labels.length) {
            if (labels[t] != 1) {
                t++;
                continue;
            }
            int start = t;
            while (t + 1 < labels.length && labels[t + 1] == 1) {
                t++;
            }
            plot.addDomainMarker(new IntervalMarker(millis(dates.get(start)), millis(dates.get(t)) + 86_400_000L, EVENT),
                    Layer.BACKGROUND);
            t++;
        }
    }

    /** ROC (false vs true positive rate) and precision-recall curves of every row with scores. */
    static void curves(Path roc, Path pr, List<ComparisonResult.Row> rows, double baseRate) throws IOException {
        XYSeriesCollection rocData = new XYSeriesCollection();
        XYSeriesCollection prData = new XYSeriesCollection();
        for (ComparisonResult.Row r : rows) {
            if (r.scores() == null) {
                continue;
            }
            double[][] c = points(r.scores(), r.labels());
            XYSeries a = new XYSeries(String.format("%s (AUC %.3f)", r.name(), r.metrics().rocAuc()), false);
            XYSeries b = new XYSeries(String.format("%s (AP %.3f)", r.name(), r.metrics().prAuc()), false);
            for (double[] point : c) {
                a.add(point[0], point[1]);
                b.add(point[1], point[2]);
            }
            rocData.addSeries(a);
            prData.addSeries(b);
        }
        XYSeries diagonal = new XYSeries("chance", false);
        diagonal.add(0, 0);
        diagonal.add(1, 1);
        rocData.addSeries(diagonal);
        XYSeries base = new XYSeries(String.format("base rate %.3f", baseRate), false);
        base.add(0, baseRate);
        base.add(1, baseRate);
        prData.addSeries(base);
        save(roc, "ROC curves on the test part", "false positive rate", "true positive rate", rocData);
        save(pr, "Precision-recall curves on the test part", "recall", "precision", prData);
    }

    /** (false positive rate, recall, precision) at every distinct score, highest first. */
    static double[][] points(double[] score, int[] y) {
        Integer[] idx = new Integer[score.length];
        Arrays.setAll(idx, i -> i);
        Arrays.sort(idx, Comparator.comparingDouble(i -> -score[i]));
        int pos = Arrays.stream(y).sum();
        int neg = y.length - pos;
        double[][] out = new double[score.length + 1][];
        out[0] = new double[] {0, 0, 1};
        int tp = 0;
        int fp = 0;
        int k = 1;
        for (int i = 0; i < idx.length; i++) {
            if (y[idx[i]] == 1) {
                tp++;
            } else {
                fp++;
            }
            if (i + 1 < idx.length && score[idx[i + 1]] == score[idx[i]]) {
                continue;
            }
            out[k++] = new double[] {neg == 0 ? 0 : (double) fp / neg, pos == 0 ? 0 : (double) tp / pos,
                    (double) tp / (tp + fp)};
        }
        return Arrays.copyOf(out, k);
    }

    /** Attention weights: x the as-of date, y how many days back in the window, colour the weight. */
    static void attentionHeatmap(Path png, List<DatedScore> scores, String title) throws IOException {
        int window = scores.get(0).attention().length;
        double[] x = new double[scores.size() * window];
        double[] yv = new double[x.length];
        double[] z = new double[x.length];
        double max = 0;
        int k = 0;
        for (DatedScore s : scores) {
            for (int w = 0; w < window; w++) {
                x[k] = millis(s.asOf());
                yv[k] = w - window + 1;
                z[k] = s.attention()[w];
                max = Math.max(max, z[k]);
                k++;
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("attention", new double[][] {x, yv, z});
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(86_400_000.0);
        renderer.setBlockHeight(1.0);
        LookupPaintScale scale = new LookupPaintScale(0, max + 1e-12, Color.WHITE);
        int steps = 20;
        for (int i = 0; i < steps; i++) {
            float f = i / (float) (steps - 1);
            scale.add(max * i / steps, new Color(1f - 0.8f * f, 1f - 0.9f * f, 1f - 0.4f * f));
        }
        renderer.setPaintScale(scale);
        NumberAxis lag = new NumberAxis("day in the window (0 = as-of date)");
        lag.setRange(-window + 0.5, 0.5);
        XYPlot plot = new XYPlot(data, new DateAxis("as-of date"), lag, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        NumberAxis legendAxis = new NumberAxis("weight");
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    /** Training and validation loss and validation PR-AUC per epoch; the restored epoch marked. */
    static void trainingCurves(Path png, List<EpochStats> history, int bestEpoch) throws IOException {
        XYSeries train = new XYSeries("train loss");
        XYSeries val = new XYSeries("validation loss");
        XYSeries prAuc = new XYSeries("validation PR-AUC");
        for (EpochStats e : history) {
            train.add(e.epoch(), e.trainLoss());
            val.add(e.epoch(), e.validationLoss());
            prAuc.add(e.epoch(), e.validationPrAuc());
        }
        XYSeriesCollection losses = new XYSeriesCollection();
        losses.addSeries(train);
        losses.addSeries(val);
        XYPlot plot = new XYPlot(losses, new NumberAxis("epoch"), new NumberAxis("weighted BCE"),
                new XYLineAndShapeRenderer(true, true));
        NumberAxis right = new NumberAxis("validation PR-AUC");
        plot.setRangeAxis(1, right);
        plot.setDataset(1, new XYSeriesCollection(prAuc));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer r2 = new XYLineAndShapeRenderer(true, true);
        r2.setSeriesPaint(0, new Color(20, 140, 60));
        plot.setRenderer(1, r2);
        plot.addDomainMarker(new ValueMarker(bestEpoch, Color.BLACK, new BasicStroke(1.5f)));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Training curves (vertical line: the restored best epoch)",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    private static void save(Path png, String title, String xLabel, String yLabel, XYSeriesCollection data)
            throws IOException {
        NumberAxis xa = new NumberAxis(xLabel);
        xa.setRange(0, 1);
        NumberAxis ya = new NumberAxis(yLabel);
        ya.setRange(0, 1.02);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesStroke(i, new BasicStroke(i == data.getSeriesCount() - 1 ? 1f : 1.8f));
        }
        r.setSeriesPaint(data.getSeriesCount() - 1, Color.GRAY);
        XYPlot plot = new XYPlot(data, xa, ya, r);
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
}
