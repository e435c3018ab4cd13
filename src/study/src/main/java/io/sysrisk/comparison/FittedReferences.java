package io.sysrisk.comparison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sysrisk.data.PriceLevels;
import io.sysrisk.features.AlarmFamily;
import io.sysrisk.features.Feature;
import io.sysrisk.features.FeatureMatrix;
import io.sysrisk.features.SystemicInput;
import io.sysrisk.features.SystemicState;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.research.data.SystemicPanel;
import io.sysrisk.research.evaluation.CompositeStress;
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

    /**
     * The references of a systemic study, each from the systemic state the market reads on its day (the state of the
     * day before): a logistic of one systemic measure, or of the served inputs and every systemic input.
     */
    static final Map<String, String> SYSTEMIC_INPUTS = new LinkedHashMap<>();

    static {
        SYSTEMIC_INPUTS.put(Evidence.ABSORPTION_RATIO, "the absorption ratio of the eight indices (Kritzman et al. "
                + "2011)");
        SYSTEMIC_INPUTS.put(Evidence.TURBULENCE, "log turbulence of the eight indices (Kritzman and Li 2010)");
        SYSTEMIC_INPUTS.put(Evidence.COMPOSITE_STRESS, "a CISS-like composite of VIX, breadth, turbulence, members' "
                + "dispersion and oil volatility (CompositeStress)");
        SYSTEMIC_INPUTS.put(Evidence.SYSTEMIC_LOGISTIC, "the served inputs' last day and the twelve systemic inputs "
                + "(turbulence logged), standardized");
    }

    private FittedReferences() {
    }

    /**
     * Whether the score called {@code name} is derived from the fold's data rather than trained with the networks:
     * a fitted reference, or the one a fold selected ({@link ProbabilitySelection}). A re-analysis makes these
     * again; the calm stratum does not rank them.
     */
    static boolean derived(String name) {
        return INPUTS.containsKey(name) || SYSTEMIC_INPUTS.containsKey(name)
                || name.equals(Evidence.SELECTED_PROBABILITY);
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

    /**
     * A systemic study's references ({@link #SYSTEMIC_INPUTS}) on the rows {@code rows} of market {@code market},
     * fitted as {@link #of} fits its own, each market reading the embedded panel's state as of its close.
     */
    static Map<String, double[]> systemic(PooledExperiment exp, String market, int[] rows) {
        PooledExperiment.MarketPart scored = exp.markets().stream().filter(m -> m.name().equals(market)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(market + " is not a market of the fold"));
        SystemicState state = SystemicPanel.state();
        double[] composite = CompositeHolder.COMPOSITE;
        Map<String, double[][]> inputs = new java.util.HashMap<>();
        for (PooledExperiment.MarketPart m : exp.markets()) {
            List<java.time.LocalDate> dates = m.matrix().dates();
            io.sysrisk.data.Session session = SystemicPanel.sessionOf(m.name());
            double[][] v = new double[SystemicInput.values().length + 1][];
            double[][] in = state.forMarket(dates, session, List.of(SystemicInput.values()));
            System.arraycopy(in, 0, v, 0, in.length);
            v[in.length] = new double[dates.size()];
            for (int t = 0; t < dates.size(); t++) {
                int i = state.stateIndexAt(dates.get(t), session);
                v[in.length][t] = i < 0 ? Double.NaN : composite[i];
            }
            inputs.put(m.name(), v);
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String name : SYSTEMIC_INPUTS.keySet()) {
            java.util.function.BiFunction<PooledExperiment.MarketPart, Integer, double[]> row =
                    (m, t) -> systemicInputs(name, m, t, inputs.get(m.name()));
            out.put(name, fit(exp.markets(), FittedReferences::fitRows, scored, rows, row));
        }
        return out;
    }

    /** The composite stress index of the embedded panel's state, computed once. */
    private static final class CompositeHolder {
        static final double[] COMPOSITE = CompositeStress.of(SystemicPanel.state());
    }

    /** Row {@code t}'s inputs of systemic reference {@code name} ({@code v}: the market's state and composite). */
    private static double[] systemicInputs(String name, PooledExperiment.MarketPart m, int t, double[][] v) {
        int composite = SystemicInput.values().length;
        double[] in;
        if (name.equals(Evidence.ABSORPTION_RATIO)) {
            in = new double[] {v[SystemicInput.ABSORPTION_RATIO.ordinal()][t]};
        } else if (name.equals(Evidence.TURBULENCE)) {
            in = new double[] {Math.log(v[SystemicInput.TURBULENCE.ordinal()][t])};
        } else if (name.equals(Evidence.COMPOSITE_STRESS)) {
            in = new double[] {v[composite][t]};
        } else {
            List<String> ids = io.sysrisk.training.Recipe.SYSTEMIC_INPUTS;
            in = java.util.Arrays.copyOf(m.matrix().values()[t], m.matrix().features().size() + ids.size());
            for (int k = 0; k < ids.size(); k++) {
                SystemicInput i = SystemicInput.fromId(ids.get(k));
                double x = v[i.ordinal()][t];
                in[m.matrix().features().size() + k] = i == SystemicInput.TURBULENCE ? Math.log(x) : x;
            }
        }
        for (double x : in) {
            if (!Double.isFinite(x)) {
                return null;
            }
        }
        return in;
    }

    /**
     * A likelihood logistic of {@code row}'s inputs fitted on {@code training}'s rows of every market (those with a
     * label and every input), its probability on {@code scored}'s {@code rows}; a row without every input (too
     * little history) gets the training rate: no information.
     */
    private static double[] fit(List<PooledExperiment.MarketPart> markets,
                                java.util.function.Function<PooledExperiment.MarketPart, int[]> training,
                                PooledExperiment.MarketPart scored, int[] rows,
                                java.util.function.BiFunction<PooledExperiment.MarketPart, Integer, double[]> row) {
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (PooledExperiment.MarketPart m : markets) {
            for (int t : training.apply(m)) {
                double[] in = row.apply(m, t);
                int label = m.labels()[t];
                if (in != null && label != LabelDefinition.MASKED) {
                    x.add(in);
                    y.add(label);
                }
            }
        }
        LogisticFit fit = LogisticFit.fit(x.toArray(double[][]::new), y.stream().mapToInt(Integer::intValue).toArray());
        double rate = y.stream().mapToInt(Integer::intValue).average().orElseThrow();
        double[] p = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double[] in = row.apply(scored, rows[i]);
            p[i] = in == null ? rate : fit.probability(in);
        }
        return p;
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
            out.put(name, fit(markets, training, scored, rows, (m, t) -> inputs(name, m, t, trailing, hawkes)));
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
