package io.sysrisk.research.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import io.sysrisk.data.InputKind;
import io.sysrisk.data.MarketData;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.features.AlarmFamily;
import io.sysrisk.features.Feature;
import io.sysrisk.features.FeatureMatrix;
import io.sysrisk.features.FeaturePipeline;
import io.sysrisk.features.FeatureSet;
import io.sysrisk.windows.SplitIndices;

/**
 * Model-free references, each a daily score with an alert threshold fitted on the training part only:
 * <ul>
 *   <li>always-negative: never alerts;</li>
 *   <li>persistence: 20-day realized volatility, alert above its training 90th percentile;</li>
 *   <li>turbulence (Kritzman and Li 2010), panels only: alert above its training 90th percentile;</li>
 *   <li>absorption-ratio spike (Kritzman et al. 2011), panels only: the standardized shift of the absorption
 *       ratio, (15-day mean - 250-day mean) / 250-day standard deviation, alert at one standard deviation.</li>
 * </ul>
 * Their ROC and PR curves rank by the score. They give no probability, so they have no Brier score (NaN): a 0/1
 * alert's squared error is not comparable with a calibrated model's.
 */
public final class Indicators {

    public static final double TRAIN_PERCENTILE = 90;
    public static final double AR_SHIFT_ALERT = 1.0;

    private Indicators() {
    }

    /** An indicator's scores on the scored part, and its alert threshold. */
    public record Scores(String name, double[] score, double threshold) {
        public double[] alerts() {
            return Arrays.stream(score).map(s -> s >= threshold ? 1 : 0).toArray();
        }

        public Metrics metrics(int[] labels) {
            double[] noProbability = new double[score.length];
            Arrays.fill(noProbability, Double.NaN);
            return Metrics.of(score, labels, threshold, noProbability);
        }
    }

    /** Every indicator the data supports, scored on rows {@code scored}, thresholds from rows {@code train}. */
    public static List<Scores> all(MarketData data, SplitIndices.Range train, int[] scored) {
        List<Scores> out = new ArrayList<>();
        out.add(new Scores("always-negative", new double[scored.length], 0.5));
        out.add(persistence(data, train, scored));
        if (data.kind() == InputKind.PANEL && data.members().size() >= Feature.MIN_MEMBERS) {
            FeatureMatrix m = FeaturePipeline.compute(data,
                    new FeatureSet(List.of(Feature.TURBULENCE_250D, Feature.ABSORPTION_250D)));
            double[] turbulence = column(m, 0);
            out.add(new Scores("turbulence > train p90", slice(turbulence, scored),
                    percentile(turbulence, train, TRAIN_PERCENTILE)));
            out.add(new Scores("absorption-ratio shift > 1 sd", slice(absorptionShift(column(m, 1)), scored),
                    AR_SHIFT_ALERT));
        }
        return out;
    }

    public static Scores persistence(MarketData data, SplitIndices.Range train, int[] scored) {
        double[] vol = volatility(data);
        return new Scores("persistence (vol_20d > train p90)", slice(vol, scored),
                percentile(vol, train, TRAIN_PERCENTILE));
    }

    /** The persistence score on every day: the market's 20-day realized volatility. */
    /** The reference rule's threshold in a pooled experiment: vol_20d's 90th percentile over every training day. */
    public static double trainVolatilityThreshold(io.sysrisk.research.experiment.PooledExperiment exp) {
        java.util.List<Double> trainVol = new java.util.ArrayList<>();
        for (io.sysrisk.research.experiment.PooledExperiment.MarketPart m : exp.markets()) {
            double[] v = volatility(m.market().data());
            for (int t : m.trainRows()) {
                trainVol.add(v[t]);
            }
        }
        return new org.apache.commons.math3.stat.descriptive.rank.Percentile()
                .evaluate(trainVol.stream().mapToDouble(Double::doubleValue).toArray(), TRAIN_PERCENTILE);
    }

    public static double[] volatility(MarketData data) {
        return FeaturePipeline.volatility20d(data);
    }

    /** Drawdown memory ({@link AlarmFamily#DRAWDOWN_MEMORY}): minus the days since the last 7% drawdown day. */
    public static double[] drawdownMemory(MarketData data) {
        return AlarmFamily.DRAWDOWN_MEMORY.daily(data);
    }

    /** The worst drawdown of the last 120 days ({@link AlarmFamily#WORST_DRAWDOWN}), as a positive share. */
    public static double[] worstDrawdown(MarketData data) {
        return AlarmFamily.WORST_DRAWDOWN.daily(data);
    }

    /** Standardized shift of the absorption ratio: causal, from days t-249..t. */
    static double[] absorptionShift(double[] ar) {
        double[] out = new double[ar.length];
        Arrays.fill(out, Double.NaN);
        for (int t = 0; t < ar.length; t++) {
            if (t < 249 || Double.isNaN(ar[t - 249])) {
                continue;
            }
            double shortMean = 0;
            for (int k = t - 14; k <= t; k++) {
                shortMean += ar[k] / 15;
            }
            double mean = 0;
            for (int k = t - 249; k <= t; k++) {
                mean += ar[k] / 250;
            }
            double ss = 0;
            for (int k = t - 249; k <= t; k++) {
                ss += (ar[k] - mean) * (ar[k] - mean);
            }
            double sd = Math.sqrt(ss / 249);
            out[t] = sd > 0 ? (shortMean - mean) / sd : 0;
        }
        return out;
    }

    static double percentile(double[] values, SplitIndices.Range rows, double p) {
        double[] v = Arrays.stream(slice(values, rows)).filter(d -> !Double.isNaN(d)).toArray();
        if (v.length == 0) {
            throw new IllegalArgumentException("no training values to fit an indicator threshold on");
        }
        return new Percentile().evaluate(v, p);
    }

    static double[] slice(double[] values, SplitIndices.Range rows) {
        return Arrays.copyOfRange(values, rows.from(), rows.to() + 1);
    }

    /** The values on {@code rows}; rows without a value (too little history) are -infinity: ranked last, never alerting. */
    public static double[] slice(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double v = values[rows[i]];
            out[i] = Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
        }
        return out;
    }

    private static double[] column(FeatureMatrix m, int f) {
        double[] out = new double[m.size()];
        for (int t = 0; t < out.length; t++) {
            out[t] = m.values()[t][f];
        }
        return out;
    }
}
