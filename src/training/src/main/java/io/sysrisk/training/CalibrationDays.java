package io.sysrisk.training;

import java.util.ArrayList;
import java.util.List;

import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.research.evaluation.EventMetrics;
import io.sysrisk.research.evaluation.Indicators;
import io.sysrisk.research.experiment.PooledExperiment;
import io.sysrisk.research.labels.Labeler;

/**
 * Calibration windows as days: each market's calibration rows and onsets, in the pooled calibration set's order,
 * for choosing an alarm threshold with the event definitions the report judges ({@link
 * io.sysrisk.evaluation.AlarmThreshold}).
 */
public record CalibrationDays(int[] signal, int[] segments, double[] volatility) {
    public static CalibrationDays of(PooledExperiment exp) {
        return of(exp, EventMetrics.STANDARD);
    }

    /** As {@link #of(PooledExperiment)}, signal days read with {@code warning}'s period (a term structure's horizon). */
    public static CalibrationDays of(PooledExperiment exp, EventMetrics.Warning warning) {
        List<Integer> signal = new ArrayList<>();
        List<Integer> segments = new ArrayList<>();
        List<Double> vol = new ArrayList<>();
        for (PooledExperiment.MarketPart m : exp.markets()) {
            int[] rows = m.calibrationRows();
            if (rows.length == 0) {
                continue;
            }
            int[] onsets = Labeler.onsets(m.market().data(), (LabelDefinition.Onset) exp.config().label());
            for (int s : EventMetrics.signals(rows, onsets, warning)) {
                signal.add(s);
            }
            for (double v : Indicators.slice(Indicators.volatility(m.market().data()), rows)) {
                vol.add(v);
            }
            segments.add(rows.length);
        }
        if (signal.size() != exp.calibration().size()) {
            throw new IllegalStateException(signal.size() + " calibration days, " + exp.calibration().size()
                    + " calibration windows");
        }
        return new CalibrationDays(signal.stream().mapToInt(Integer::intValue).toArray(),
                segments.stream().mapToInt(Integer::intValue).toArray(),
                vol.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
