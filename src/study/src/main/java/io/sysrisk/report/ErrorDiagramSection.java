package io.sysrisk.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.sysrisk.research.evaluation.AlarmNulls;
import io.sysrisk.research.evaluation.ErrorDiagram;
import io.sysrisk.research.evidence.Evidence;

/**
 * The report's error diagrams (Molchan): every family's miss rate at every alarm budget, out of sample, with the
 * circular-shift null, so that no one threshold decides which family looks best.
 */
final class ErrorDiagramSection {

    static final String CHART = "error-diagrams.png";
    /** The alarm budgets the table reads off the diagrams. */
    private static final double[] BUDGETS = {0.05, 0.1, 0.2, 0.4};

    private ErrorDiagramSection() {
    }

    static void write(StringBuilder sb, Evidence.Result r) {
        if (r.errorDiagrams() == null || r.errorDiagrams().isEmpty()) {
            return;
        }
        sb.append("\n## Alarms at every budget: error diagrams (Molchan)\n\n");
        sb.append(String.format(Locale.ROOT, "The event tables judge each alarm at one threshold; a risk team picks "
                + "its own budget of alarm time. Here each family alarms on the top share of its scores on each "
                + "fold's test days (no threshold chosen), and the diagram gives the share of onsets **missed** (no "
                + "alarm 5-60 days before) at every share of days in alarm, pooled over the whole-history folds. "
                + "**Area skill**: 1 - the area under that curve. Any alarm day warns every onset 5-60 days after "
                + "it, so scattered alarm days warn many onsets at little alarm time and score high: the benchmark "
                + "is the same score circularly shifted in time within each fold by at least %d days (%d shifts), "
                + "which keeps how its alarm days cluster and loses their timing: its area skill's median and 95th "
                + "percentile. The drawdown families are "
                + "indicators of the index level: **%s** and **%s**; every other row is a score of the tables above. "
                + "The next section chooses the served alarm per preference across these families.%n%n", AlarmNulls.MIN_SHIFT, AlarmNulls.SHIFTS, Evidence.DRAWDOWN_MEMORY,
                Evidence.WORST_DRAWDOWN));
        sb.append("| family | onsets | area skill | shifted: median (95th percentile) | above its shifted median |");
        for (double b : BUDGETS) {
            sb.append(String.format(Locale.ROOT, " missed at %.0f%% alarm time |", 100 * b));
        }
        sb.append("\n|---|---|---|---|---|").append("---|".repeat(BUDGETS.length)).append('\n');
        for (ErrorDiagram d : r.errorDiagrams()) {
            boolean above = d.areaSkill() > d.shiftSkill()[2];
            sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %.3f (%.3f) | %+.3f |", d.name(), d.onsets(),
                    above ? String.format(Locale.ROOT, "**%.3f**", d.areaSkill())
                            : String.format(Locale.ROOT, "%.3f", d.areaSkill()), d.shiftSkill()[1],
                    d.shiftSkill()[2], d.areaSkill() - d.shiftSkill()[1]));
            for (double b : BUDGETS) {
                sb.append(String.format(Locale.ROOT, " %.0f%% |", 100 * d.missAt(b)));
            }
            sb.append('\n');
        }
        sb.append("\nBold: above its shifted copies' 95th percentile. Families cluster their alarm days differently, "
                + "so their area skills are compared through their distance above their own shifted copies.\n\n"
                + "![error diagrams](").append(CHART)
                .append(")\n");
    }

    /** Every family's miss rate against alarm share, and the selected network's shifted 5th percentile, dashed. */
    static void chart(Path png, Evidence.Result r) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        Color[] colors = {new Color(30, 60, 120), new Color(200, 110, 20), new Color(90, 150, 90),
                new Color(150, 80, 160), new Color(200, 40, 40), new Color(110, 110, 110)};
        int k = 0;
        for (ErrorDiagram d : r.errorDiagrams()) {
            XYSeries s = new XYSeries(d.name(), false);
            for (int i = 0; i < d.alarmShare().length; i++) {
                s.add(d.alarmShare()[i], d.missRate()[i]);
            }
            data.addSeries(s);
            renderer.setSeriesPaint(k, colors[k % colors.length]);
            renderer.setSeriesStroke(k, new BasicStroke(k == 0 ? 2.4f : 1.4f));
            k++;
        }
        ErrorDiagram model = r.errorDiagrams().get(0);
        XYSeries luck = new XYSeries(model.name() + " shifted in time: 5th percentile of misses", false);
        for (int i = 0; i < model.alarmShare().length; i++) {
            luck.add(model.alarmShare()[i], model.shiftMiss5()[i]);
        }
        data.addSeries(luck);
        renderer.setSeriesPaint(k, Color.BLACK);
        renderer.setSeriesStroke(k, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {4f, 4f}, 0f));
        Charts.saveSquare(png, "Error diagrams on the markets held out: misses against alarm time "
                + "(lower is better)", data, renderer, "share of scored days in alarm",
                "share of onsets missed", 1);
    }
}
