package io.sysrisk.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/** What the reports' charts (JFreeChart, written as PNG) share: dates on the axis and the line's look. */
final class Charts {

    private Charts() {
    }

    static double millis(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    static XYLineAndShapeRenderer line(Color c) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, c);
        r.setSeriesStroke(0, new BasicStroke(1.2f));
        return r;
    }
}
