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
 * io.sysrisk.evaluation.AlarmThreshold}). {@link #training} makes the same of every day the experiment may learn
 * from (its training, validation and calibration rows): where a rule with no fitted part chooses its threshold.
 */
public record CalibrationDays(int[] signal, int[] segments, double[] volatility) {

    /** Each market's rows a simple rule's threshold is chosen on: its training, validation and calibration rows. */
    static int[] trainingRows(PooledExperiment.MarketPart m) {
        return java.util.stream.IntStream.concat(java.util.stream.IntStream.concat(
                java.util.Arrays.stream(m.trainRows()), java.util.Arrays.stream(m.validationRows())),
                java.util.Arrays.stream(m.calibrationRows())).sorted().distinct().toArray();
    }

    /**
     * Every day {@code exp} may learn from as days ({@link #trainingRows}), market after market: no day of a held-out
     * market, nor of its period in any other.
     */
    public static CalibrationDays training(PooledExperiment exp) {
        List<Integer> signal = new ArrayList<>();
        List<Integer> segments = new ArrayList<>();
        for (PooledExperiment.MarketPart m : exp.markets()) {
            int[] rows = trainingRows(m);
            if (rows.length == 0) {
                continue;
            }
            int[] onsets = Labeler.onsets(m.market().data(), (LabelDefinition.Onset) exp.config().label());
            for (int s : EventMetrics.signals(rows, onsets, EventMetrics.STANDARD)) {
                signal.add(s);
            }
            segments.add(rows.length);
        }
        return new CalibrationDays(signal.stream().mapToInt(Integer::intValue).toArray(),
                segments.stream().mapToInt(Integer::intValue).toArray(), null);
    }

    /** {@code family}'s value on each day of {@link #training}, in its order. */
    public static double[] trainingValues(PooledExperiment exp, io.sysrisk.features.AlarmFamily family) {
        List<Double> out = new ArrayList<>();
        for (PooledExperiment.MarketPart m : exp.markets()) {
            int[] rows = trainingRows(m);
            if (rows.length > 0) {
                for (double v : Indicators.slice(family.daily(m.market().data()), rows)) {
                    out.add(v);
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
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
