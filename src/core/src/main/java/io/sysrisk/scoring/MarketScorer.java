package io.sysrisk.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.sysrisk.data.DataValidationException;
import io.sysrisk.data.MarketData;
import io.sysrisk.features.AlarmFamily;
import io.sysrisk.features.FeatureMatrix;
import io.sysrisk.features.FeaturePipeline;
import io.sysrisk.features.FeatureSet;
import io.sysrisk.features.SystemicInput;
import io.sysrisk.features.SystemicState;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.inference.WindowScorer;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.windows.WindowSet;

/**
 * Scores market data with a stored model: the training code's feature pipeline and the stored normalization, so
 * serving computes exactly what training saw. Stateless apart from the manifest; the caller brings the predictor
 * (predictors are not thread-safe), and only for {@link #predict}, so features are computed without holding one.
 */
public final class MarketScorer {

    private final ModelManifest manifest;
    private final FeatureSet features;
    private final SystemicState state;
    private final List<SystemicInput> systemic;
    /** What the state is, in a refusal's words. */
    private final String stateWords;

    public MarketScorer(ModelManifest manifest) {
        this(manifest, null);
    }

    /**
     * A scorer of {@code manifest}'s model; a systemic model reads {@code state} (the one its version carries,
     * {@link io.sysrisk.store.ModelStore#systemicState}) on the market's dates, as the market of unknown time zone
     * it is ({@link SystemicState#UNKNOWN_CLOSE}).
     */
    public MarketScorer(ModelManifest manifest, SystemicState state) {
        if (manifest.input().systemic() && state == null) {
            throw new io.sysrisk.store.ModelStoreException("model version '" + manifest.version() + "' reads the "
                    + "systemic inputs " + manifest.input().systemicInputs() + ": its systemic state is needed");
        }
        // Training read the state at each market's own close, serving at the earliest (a request does not say where
        // its market closes): the two are the same days only for a state complete after every close.
        if (manifest.input().systemic() && state.stamp() != io.sysrisk.data.Session.AFTER_US_CLOSE) {
            throw new io.sysrisk.store.ModelStoreException("model version '" + manifest.version() + "': its systemic "
                    + "state is known at " + state.stamp() + ", before the last close; a request's market could then "
                    + "read it on another day than training did");
        }
        this.manifest = manifest;
        this.features = FeatureSet.ofIds(manifest.input().features());
        this.state = manifest.input().systemic() ? state : null;
        this.systemic = manifest.input().systemicInputs().stream().map(SystemicInput::fromId).toList();
        this.stateWords = "the systemic state it carries";
    }

    private MarketScorer(MarketScorer of, SystemicState state, String stateWords) {
        this.manifest = of.manifest;
        this.features = of.features;
        this.state = state;
        this.systemic = of.systemic;
        this.stateWords = stateWords;
    }

    /**
     * This scorer reading {@code state} instead of the one the model carries: a state computed from series a request
     * sent (its stamp must be the carried state's), named {@code words} in a refusal.
     */
    public MarketScorer withState(SystemicState state, String words) {
        if (this.state == null || state.stamp() != this.state.stamp()) {
            throw new IllegalArgumentException("model version '" + manifest.version() + "' reads "
                    + (this.state == null ? "no systemic state" : "a state known at " + this.state.stamp()
                    + ", not " + state.stamp()));
        }
        return new MarketScorer(this, state, words);
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** The systemic state a systemic model reads (null for a model of the market's own data). */
    public SystemicState systemicState() {
        return state;
    }

    /**
     * Normalized windows ready for the model, with the dates they cover; {@code volatility}: the reference, 20-day
     * volatility on each window's last day; {@code rule}: the alarm the scores alert by, and {@code alarmValue} its
     * family's value on each window's last day (NaN when the rule reads the model's score).
     */
    public record Windows(List<LocalDate> asOf, List<List<LocalDate>> dates, float[] data, int window, int features,
                          List<Plausibility.Warning> warnings, double[] volatility, ModelManifest.AlarmRule rule,
                          double[] alarmValue) {
        public int count() {
            return asOf.size();
        }
    }

    /** Fails with a message naming what is wrong when {@code data} is not what the model was trained on. */
    public void checkCompatible(MarketData data) {
        ModelManifest.InputSpec in = manifest.input();
        if (data.kind() != in.kind()) {
            throw new DataValidationException("the model expects " + in.kind() + " input, got " + data.kind());
        }
        if (!data.columns().equals(in.columns())) {
            throw new DataValidationException("the model expects columns " + in.columns() + " in that order, got "
                    + data.columns());
        }
        if (!java.util.Objects.equals(data.indexColumn(), in.indexColumn())) {
            throw new DataValidationException("the model's market index is column " + in.indexColumn()
                    + ", the data's " + data.indexColumn());
        }
        if (data.size() < in.requiredDays()) {
            throw new DataValidationException("at least " + in.requiredDays() + " daily rows are needed (window "
                    + in.window() + " + feature look-back " + in.lookbackDays() + "), got " + data.size());
        }
    }

    /**
     * The windows ending on each date in {@code from..to} (inclusive; null = open) that has a full look-back.
     * Features are computed only over the rows those windows read plus their look-back, not over every row sent:
     * scoring one date of 5,000 days costs one window's features (for a panel model, 5,000 covariance and eigen
     * decompositions would be 4,700 too many). Every feature reads a fixed trailing span, so the values are the
     * same as over the whole series.
     */
    public Windows windows(MarketData data, LocalDate from, LocalDate to) {
        return windows(data, from, to, manifest.alarmAt(null));
    }

    /** As {@link #windows(MarketData, LocalDate, LocalDate)}, alerting by {@code rule} (one of the manifest's). */
    public Windows windows(MarketData data, LocalDate from, LocalDate to, ModelManifest.AlarmRule rule) {
        checkCompatible(data);
        int window = manifest.input().window();
        int lookback = features.lookback();
        double[][] systemicColumns = systemicColumns(data);
        int first = Math.max(lookback, firstWithSystemicInputs(systemicColumns, data)) + window - 1;
        int start = Math.max(first, from == null ? first : data.indexOnOrAfter(from));
        int end = to == null ? data.size() - 1 : data.indexOnOrAfter(to.plusDays(1)) - 1;
        if (start > end) {
            throw new DataValidationException("no date in the requested range " + (from == null ? "" : from) + ".."
                    + (to == null ? "" : to) + " can be scored: the first date with a full window is "
                    + data.dates().get(Math.min(first, data.size() - 1)) + ", the last " + data.dates().get(data.size() - 1));
        }
        int cut = start - window + 1 - lookback;
        MarketData part = data.slice(cut, end + 1);
        // Only rows from the first window's first day are read (below); the look-back before them is input only.
        FeatureMatrix matrix = FeaturePipeline.compute(part, features, start - window + 1 - cut);
        int n = end - start + 1;
        int f = features.size();
        // Finite prices can still give non-finite features (a close of 5e-324 next to 1e300 overflows a log return):
        // refuse them by name rather than answer NaN.
        for (int t = start - window + 1; t <= end; t++) {
            for (int j = 0; j < f; j++) {
                if (!Double.isFinite(matrix.values()[t - cut][j])) {
                    throw new DataValidationException("feature " + features.ids().get(j) + " is not finite on "
                            + data.dates().get(t) + ": the prices around that date are out of any plausible range");
                }
            }
        }
        if (systemicColumns != null) {
            matrix = withSystemicInputs(matrix, systemicColumns, data, cut, start - window + 1, end);
            f = matrix.width();
        }
        List<Plausibility.Warning> warnings = new ArrayList<>(Plausibility.ofData(data));
        warnings.addAll(Plausibility.ofFeatures(matrix, start - window + 1 - cut, end - cut,
                manifest.normalization()));
        float[] x = new float[n * window * f];
        List<LocalDate> asOf = new ArrayList<>(n);
        List<List<LocalDate>> dates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int t = start + i;
            WindowSet.fill(matrix, t - cut, window, manifest.normalization(), x, i * window * f);
            asOf.add(data.dates().get(t));
            dates.add(data.dates().subList(t - window + 1, t + 1));
        }
        double[] volatility = java.util.Arrays.copyOfRange(FeaturePipeline.volatility20d(part, start - cut),
                start - cut, end - cut + 1);
        return new Windows(asOf, dates, x, window, f, List.copyOf(warnings), volatility, rule,
                alarmValues(data, start, end, rule));
    }

    /**
     * The first row of {@code data} whose window can be scored: a full feature look-back before it and, for a
     * systemic model, every systemic input on every day of its window.
     */
    public int firstScorableRow(MarketData data) {
        return Math.max(features.lookback(), firstWithSystemicInputs(systemicColumns(data), data))
                + manifest.input().window() - 1;
    }

    /** The systemic inputs {@code data}'s market reads on each of its days ({@code [input][day]}); null without. */
    private double[][] systemicColumns(MarketData data) {
        return state == null ? null : state.forMarket(data.dates(), SystemicState.UNKNOWN_CLOSE, systemic);
    }

    /**
     * The first row with every systemic input (0 without them); refused, with the state's span, when no row of
     * {@code data} has them. A later row without them is refused by the windows that read it, naming it.
     */
    private int firstWithSystemicInputs(double[][] columns, MarketData data) {
        if (columns == null) {
            return 0;
        }
        for (int t = 0; t < data.size(); t++) {
            boolean all = true;
            for (double[] c : columns) {
                all &= Double.isFinite(c[t]);
            }
            if (all) {
                return t;
            }
        }
        throw new DataValidationException("no date " + data.dates().get(0) + ".." + data.dates().get(data.size() - 1)
                + " has the systemic inputs this model reads: " + stateWords + " runs " + stateSpan());
    }

    /** The span of the state this model carries, in words. */
    private String stateSpan() {
        int first = -1;
        int last = -1;
        for (int t = 0; t < state.dates().size(); t++) {
            boolean all = true;
            for (SystemicInput in : systemic) {
                all &= Double.isFinite(state.values().get(in)[t]);
            }
            if (all) {
                first = first < 0 ? t : first;
                last = t;
            }
        }
        if (first < 0) {
            return "no day with every input (the series' " + SystemicState.LOOKBACK_DAYS + "-day look-back is not "
                    + "there, or a series is missing throughout)";
        }
        return state.dates().get(first) + ".." + state.dates().get(last) + " (a market reads the "
                + "state of the day before its own; a state more than " + SystemicState.MAX_STALE_DAYS
                + " days old is none)";
    }

    /**
     * {@code matrix} (rows from {@code cut}) with the systemic inputs after its features; every row the windows read
     * ({@code from..end}) must have them, or the request is refused naming the first day without and the span of
     * the state the model carries.
     */
    private FeatureMatrix withSystemicInputs(FeatureMatrix matrix, double[][] columns, MarketData data, int cut,
                                             int from, int end) {
        for (int t = from; t <= end; t++) {
            for (int k = 0; k < columns.length; k++) {
                if (!Double.isFinite(columns[k][t])) {
                    throw new DataValidationException("no systemic input " + systemic.get(k).id() + " for "
                            + data.dates().get(t) + ": this model reads " + stateWords + ", which runs "
                            + stateSpan() + ": score dates whose windows lie inside it");
                }
            }
        }
        FeatureMatrix out = matrix;
        for (int k = 0; k < columns.length; k++) {
            out = out.withExtraColumn(systemic.get(k).id(), java.util.Arrays.copyOfRange(columns[k], cut, end + 1));
        }
        return out;
    }

    /**
     * The value of {@code rule}'s family on rows {@code start..end} of {@code data}, computed from as many earlier rows
     * as it reads ({@link AlarmFamily#lookback()}): the values the whole history gives. NaN for the model's score.
     */
    static double[] alarmValues(MarketData data, int start, int end, ModelManifest.AlarmRule rule) {
        double[] out = new double[end - start + 1];
        if (!rule.readsPrices()) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        AlarmFamily family = rule.family();
        if (start < family.lookback()) {
            throw new DataValidationException("the alarm reads " + family.words() + ": " + family.lookback()
                    + " daily rows before a scored date, and " + data.dates().get(start) + " has " + start);
        }
        int cut = start - family.lookback();
        double[] all = family.daily(data.slice(cut, end + 1));
        System.arraycopy(all, start - cut, out, 0, out.length);
        return out;
    }

    public List<DatedScore> predict(Windows w, WindowScorer model) {
        List<WindowScore> scores = WindowScorer.scoreAll(model, w.data(), w.window(), w.features(), w.count());
        List<DatedScore> out = new ArrayList<>(w.count());
        for (int i = 0; i < w.count(); i++) {
            WindowScore s = scores.get(i);
            double volatility = w.volatility()[i];
            out.add(new DatedScore(w.asOf().get(i), s.probability(), w.rule().alert(s.probability(), w.alarmValue()[i]),
                    List.copyOf(w.dates().get(i)), perDate(s.attention(), w.window()), volatility, s.termStructure()));
        }
        return out;
    }

    /**
     * One normalized feature window's score ({@link #featureWindow}), dated {@code asOf} (null: undated; its
     * attention then has no dates either), alerting by {@code rule} with {@code volatility} as the window's last
     * 20-day volatility. A rule of the market's level other than volatility cannot be read from features: refused.
     */
    public DatedScore predictWindow(WindowBatch window, LocalDate asOf, double volatility, ModelManifest.AlarmRule rule,
                                    WindowScorer model) {
        if (rule.readsPrices() && rule.family() != AlarmFamily.VOLATILITY) {
            throw new DataValidationException("this alarm reads " + rule.family().words() + ", which a feature window "
                    + "does not carry: send the market's dates and series instead");
        }
        WindowScore s = model.score(window).get(0);
        return new DatedScore(asOf, s.probability(), rule.alert(s.probability(), volatility), null,
                perDate(s.attention(), window.window()), volatility, s.termStructure());
    }

    /** The raw (not normalized) feature values of the window ending on {@code asOf}, rows oldest first. */
    public record FeatureRows(List<String> features, List<LocalDate> dates, double[][] values) {
    }

    /** {@link FeatureRows} of the window ending on {@code asOf}, which must be a scorable date of {@code data}. */
    public FeatureRows featureRows(MarketData data, LocalDate asOf) {
        checkCompatible(data);
        int window = manifest.input().window();
        int lookback = features.lookback();
        int t = data.indexOnOrAfter(asOf);
        if (t >= data.size() || !data.dates().get(t).equals(asOf) || t < lookback + window - 1) {
            throw new DataValidationException(asOf + " is not a scorable date of the data: the first date with a "
                    + "full window is " + data.dates().get(Math.min(lookback + window - 1, data.size() - 1))
                    + ", the last " + data.dates().get(data.size() - 1));
        }
        int cut = t - window + 1 - lookback;
        FeatureMatrix matrix = FeaturePipeline.compute(data.slice(cut, t + 1), features);
        double[][] rows = new double[window][];
        for (int i = 0; i < window; i++) {
            rows[i] = matrix.values()[lookback + i].clone();
        }
        return new FeatureRows(features.ids(), List.copyOf(data.dates().subList(t - window + 1, t + 1)), rows);
    }

    public List<DatedScore> score(MarketData data, LocalDate from, LocalDate to, WindowScorer model) {
        return predict(windows(data, from, to), model);
    }

    /**
     * Normalizes one window of raw feature values (rows oldest first, in the model's channel order: its features,
     * then a systemic model's systemic inputs); what the normalization clips is added to {@code warnings}, absurd
     * values are refused.
     */
    public WindowBatch featureWindow(double[][] raw, List<Plausibility.Warning> warnings) {
        int window = manifest.input().window();
        int f = manifest.input().channels().size();
        warnings.addAll(Plausibility.ofFeatures(raw, null, 0, window - 1, manifest.normalization()));
        float[] x = new float[window * f];
        for (int t = 0; t < window; t++) {
            for (int j = 0; j < f; j++) {
                x[t * f + j] = manifest.normalization().apply(j, raw[t][j]);
            }
        }
        return new WindowBatch(1, window, f, x);
    }

    /**
     * The model attends over pooled steps (each covering {@code pool} consecutive days); each day of a step gets an
     * equal share of its weight, so the per-date weights still sum to 1. Days the pooling dropped (a window not
     * divisible by the pool) get 0.
     */
    public static double[] perDate(float[] stepWeights, int window) {
        double[] w = new double[window];
        int pool = window / stepWeights.length;
        for (int s = 0; s < stepWeights.length; s++) {
            for (int k = 0; k < pool; k++) {
                w[s * pool + k] = stepWeights[s] / (double) pool;
            }
        }
        return w;
    }
}
