package io.sysrisk.comparison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sysrisk.data.PriceLevels;
import io.sysrisk.features.AlarmFamily;
import io.sysrisk.features.Feature;
import io.sysrisk.features.FeatureMatrix;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.research.evaluation.HawkesIntensity;
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
        INPUTS.put(Evidence.TRAILING_RETURN, "the index's return over the 250 trading days to the last day");
        INPUTS.put(Evidence.HAWKES, "the log of a self-exciting intensity of large losses (daily log returns in the "
                + "lowest 1% of the training days), its decay and branching fitted by maximum likelihood on the "
                + "training and validation days (Gresnigt, Kole and Franses 2015)");
    }

    private FittedReferences() {
    }

    /**
     * Whether the score called {@code name} is derived from the fold's data rather than trained with the networks:
     * a fitted reference, or the one a fold selected ({@link ProbabilitySelection}). A re-analysis makes these
     * again; the calm stratum does not rank them.
     */
    static boolean derived(String name) {
        return INPUTS.containsKey(name) || name.equals(Evidence.SELECTED_PROBABILITY);
    }

    /**
     * Each reference's probability on the rows {@code rows} of market {@code market} of fold {@code exp}: fitted on
     * every market's training and validation rows there, those with a label and every input.
     */
    static Map<String, double[]> of(PooledExperiment exp, String market, int[] rows) {
        PooledExperiment.MarketPart scored = exp.markets().stream().filter(m -> m.name().equals(market)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(market + " is not a market of the fold"));
        return fitted(exp.markets(), FittedReferences::fitRows, scored, rows);
    }

    /** A market's rows a reference is fitted on in a fold: its training and validation rows. */
    static int[] fitRows(PooledExperiment.MarketPart m) {
        return java.util.stream.IntStream.concat(java.util.Arrays.stream(m.trainRows()),
                java.util.Arrays.stream(m.validationRows())).sorted().toArray();
    }

    /**
     * Each reference fitted on {@code training}'s rows of each of {@code markets} (the Hawkes intensity on their runs
     * of consecutive days, the logistics on those with a label and every input), and its probability on rows
     * {@code rows} of {@code scored}.
     */
    static Map<String, double[]> fitted(List<PooledExperiment.MarketPart> markets,
                                        java.util.function.Function<PooledExperiment.MarketPart, int[]> training,
                                        PooledExperiment.MarketPart scored, int[] rows) {
        // The references read from the index level, per market: each a causal daily series.
        Map<String, double[]> trailing = new java.util.HashMap<>();
        Map<String, double[]> hawkes = new java.util.HashMap<>();
        HawkesIntensity h = hawkes(markets, training);
        List<PooledExperiment.MarketPart> all = new ArrayList<>(markets);
        if (!all.contains(scored)) {
            all.add(scored);
        }
        for (PooledExperiment.MarketPart m : all) {
            trailing.put(m.name(), AlarmFamily.TRAILING_RETURN.daily(m.market().data()));
            hawkes.put(m.name(), h.intensity(returns(m)));
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String name : INPUTS.keySet()) {
            if (name.equals(Evidence.LOG_VOLATILITY) && !(scored.matrix().features().features()
                    .contains(Feature.VOL_20D) && scored.matrix().features().features().contains(Feature.VOL_120D))) {
                continue; // a version whose inputs hold no 20- and 120-day volatility
            }
            List<double[]> x = new ArrayList<>();
            List<Integer> y = new ArrayList<>();
            for (PooledExperiment.MarketPart m : markets) {
                for (int t : training.apply(m)) {
                    double[] in = inputs(name, m, t, trailing, hawkes);
                    int label = m.labels()[t];
                    if (in != null && label != LabelDefinition.MASKED) {
                        x.add(in);
                        y.add(label);
                    }
                }
            }
            LogisticFit fit = LogisticFit.fit(x.toArray(double[][]::new),
                    y.stream().mapToInt(Integer::intValue).toArray());
            double rate = y.stream().mapToInt(Integer::intValue).average().orElseThrow();
            double[] p = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                double[] in = inputs(name, scored, rows[i], trailing, hawkes);
                // A test day without every input (too little history) gets the training rate: no information.
                p[i] = in == null ? rate : fit.probability(in);
            }
            out.put(name, p);
        }
        return out;
    }

    /**
     * The Hawkes intensity of large losses fitted on {@code training}'s rows of {@code markets}: each market's runs of
     * those days (a training part's stride filled in), never a held-out period's.
     */
    static HawkesIntensity hawkes(List<PooledExperiment.MarketPart> markets,
                                  java.util.function.Function<PooledExperiment.MarketPart, int[]> training) {
        List<double[]> segments = new ArrayList<>();
        for (PooledExperiment.MarketPart m : markets) {
            double[] r = returns(m);
            int[] rows = training.apply(m);
            int start = 0;
            for (int i = 1; i <= rows.length; i++) {
                // A gap longer than a stride (an embargo, a held-out period) ends a run of consecutive days.
                if (i == rows.length || rows[i] - rows[i - 1] > MAX_STRIDE) {
                    if (i > start) {
                        segments.add(java.util.Arrays.copyOfRange(r, rows[start], rows[i - 1] + 1));
                    }
                    start = i;
                }
            }
        }
        return HawkesIntensity.fit(segments);
    }

    /** The widest step between a training part's rows that still counts as consecutive days. */
    private static final int MAX_STRIDE = 5;

    private static double[] returns(PooledExperiment.MarketPart m) {
        return PriceLevels.logReturns(PriceLevels.marketLevel(m.market().data()));
    }

    /** Reference {@code name}'s inputs on day {@code t} of market {@code m}, or null when one is missing. */
    private static double[] inputs(String name, PooledExperiment.MarketPart m, int t, Map<String, double[]> trailing,
                                   Map<String, double[]> hawkes) {
        FeatureMatrix matrix = m.matrix();
        double[] in;
        if (name.equals(Evidence.ML_LOGISTIC)) {
            in = java.util.Arrays.copyOf(matrix.values()[t], matrix.features().size());
        } else if (name.equals(Evidence.TRAILING_RETURN)) {
            in = new double[] {trailing.get(m.name())[t]};
        } else if (name.equals(Evidence.HAWKES)) {
            in = new double[] {Math.log(hawkes.get(m.name())[t])};
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
