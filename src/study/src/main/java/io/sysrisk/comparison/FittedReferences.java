package io.sysrisk.comparison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sysrisk.features.Feature;
import io.sysrisk.features.FeatureMatrix;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.research.evaluation.LogisticFit;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.experiment.PooledExperiment;

/**
 * References fitted as well as a reference can be, beside the network: logistic regressions by maximum likelihood
 * (unweighted, so their outputs are probabilities) on a fold's training and validation windows of every market (the
 * calibration part stays for what the networks use it for), scored on the held-out windows. The report's older
 * {@link Evidence#LOGISTIC} is trained as the networks are (class weights, early stopping) and is not a probability;
 * these are what "no better than a logistic of volatility" must be measured against.
 */
final class FittedReferences {

    /** The references in their order, with their inputs in words. */
    static final Map<String, String> INPUTS = new LinkedHashMap<>();

    static {
        INPUTS.put(Evidence.ML_LOGISTIC, "the served inputs' last day (ret_1d, vol_20d, vol_120d, drawdown_250d "
                + "for the default), standardized");
        INPUTS.put(Evidence.LOG_VOLATILITY, "log vol_20d and log vol_120d of the last day");
    }

    private FittedReferences() {
    }

    /**
     * Each reference's probability on the rows {@code rows} of market {@code market} of fold {@code exp}: fitted on
     * every market's training and validation rows there, those with a label and every input.
     */
    static Map<String, double[]> of(PooledExperiment exp, String market, int[] rows) {
        PooledExperiment.MarketPart scored = exp.markets().stream().filter(m -> m.name().equals(market)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(market + " is not a market of the fold"));
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String name : INPUTS.keySet()) {
            if (name.equals(Evidence.LOG_VOLATILITY) && !(scored.matrix().features().features()
                    .contains(Feature.VOL_20D) && scored.matrix().features().features().contains(Feature.VOL_120D))) {
                continue; // a version whose inputs hold no 20- and 120-day volatility
            }
            List<double[]> x = new ArrayList<>();
            List<Integer> y = new ArrayList<>();
            for (PooledExperiment.MarketPart m : exp.markets()) {
                for (int[] part : List.of(m.trainRows(), m.validationRows())) {
                    for (int t : part) {
                        double[] in = inputs(name, m.matrix(), t);
                        int label = m.labels()[t];
                        if (in != null && label != LabelDefinition.MASKED) {
                            x.add(in);
                            y.add(label);
                        }
                    }
                }
            }
            LogisticFit fit = LogisticFit.fit(x.toArray(double[][]::new),
                    y.stream().mapToInt(Integer::intValue).toArray());
            double rate = y.stream().mapToInt(Integer::intValue).average().orElseThrow();
            double[] p = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                double[] in = inputs(name, scored.matrix(), rows[i]);
                // A test day without every input (too little history) gets the training rate: no information.
                p[i] = in == null ? rate : fit.probability(in);
            }
            out.put(name, p);
        }
        return out;
    }

    /** Reference {@code name}'s inputs on day {@code t}, or null when one is missing. */
    private static double[] inputs(String name, FeatureMatrix matrix, int t) {
        double[] in;
        if (name.equals(Evidence.ML_LOGISTIC)) {
            in = java.util.Arrays.copyOf(matrix.values()[t], matrix.features().size());
        } else {
            double v20 = matrix.get(t, Feature.VOL_20D);
            double v120 = matrix.get(t, Feature.VOL_120D);
            in = new double[] {Math.log(v20), Math.log(v120)};
        }
        for (double v : in) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return in;
    }
}
