package io.sysrisk.features;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

import io.sysrisk.data.DatedSeries;
import io.sysrisk.data.PriceLevels;
import io.sysrisk.data.Session;

/**
 * The systemic inputs ({@link SystemicInput}) on every day of the system calendar (the days any market traded).
 * A day's state is computed once every series of that day is known ({@link SystemicSources#stamp()}, after the US
 * close with the VIX among them), from values dated that day or before: a value whose last observation is more than
 * {@value #MAX_STALE_DAYS} calendar days old counts as missing, so a market that has not started, has stopped or is
 * on holiday for a week drops out rather than repeating a stale close.
 *
 * <p>A market reads the state as of its own close ({@link #forMarket}): a European market's day t reads the state of
 * the day before, as does a US market's, since the state of day t holds values fixed after the US close. That is
 * the whole time-zone rule, and {@code SystemicStateTest} holds it: no same-date later-closing value is read.
 *
 * <p>Markets' daily returns are taken between consecutive days of the system calendar from each market's last close
 * known then: on a market's holiday its return is 0 and the next day carries both days' move. European and US
 * returns of one date are not synchronous (Europe closes first), so same-day correlations understate the link;
 * the inputs are computed the same way on every day, in training and serving.
 */
public record SystemicState(List<LocalDate> dates, Session stamp, Map<SystemicInput, double[]> values) {

    /** A series' last value older than this many calendar days counts as missing. */
    public static final int MAX_STALE_DAYS = 7;
    /** The fall below a market's 250-day high that counts it in a drawdown for {@link SystemicInput#BREADTH}. */
    public static final int BREADTH_FALL_PERCENT = 7;
    /** The fewest markets with data the cross-market inputs are computed from. */
    public static final int MIN_MARKETS = 3;
    /** The fewest members with returns on a day for an index's dispersion. */
    public static final int MIN_MEMBERS = 10;
    /**
     * How many days before a market's day an input may read, counting the state's own lag: the covariance window
     * before the turbulence day, the day before, and a margin for calendars that differ between markets. An
     * experiment keeps this many days more between a training window and a held-out period.
     */
    public static final int LOOKBACK_DAYS = 260;
    static final int HIGH_DAYS = 250;
    static final int CORRELATION_DAYS = 60;
    static final int COVARIANCE_DAYS = 250;
    static final int VOLATILITY_RETURNS = 20;
    static final int VIX_CHANGE_DAYS = 5;
    static final int RATE_CHANGE_DAYS = 20;
    static final int DISPERSION_DAYS = 20;

    public SystemicState {
        dates = List.copyOf(dates);
        EnumMap<SystemicInput, double[]> copy = new EnumMap<>(SystemicInput.class);
        values.forEach((k, v) -> copy.put(k, v.clone()));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * The inputs a market reads as extra columns of its feature matrix (after its features), and the matrix's first
     * day with all of them; a gap after that day is refused, naming the market, the input and the day.
     */
    public FeatureMatrix addTo(FeatureMatrix matrix, String market, Session session, List<SystemicInput> inputs) {
        double[][] columns = forMarket(matrix.dates(), session, inputs);
        int first = 0;
        for (double[] c : columns) {
            int k = 0;
            while (k < c.length && !Double.isFinite(c[k])) {
                k++;
            }
            first = Math.max(first, k);
        }
        if (first >= matrix.size()) {
            throw new IllegalArgumentException(market + " has no day with every systemic input " + inputs.stream()
                    .map(SystemicInput::id).toList() + " (the systemic state covers " + dates.get(0) + ".."
                    + dates.get(dates.size() - 1) + ")");
        }
        for (int i = 0; i < inputs.size(); i++) {
            for (int t = first; t < columns[i].length; t++) {
                if (!Double.isFinite(columns[i][t])) {
                    throw new IllegalArgumentException(market + " has no systemic input " + inputs.get(i).id()
                            + " on " + matrix.dates().get(t) + " after it starts on " + matrix.dates().get(first)
                            + " (the systemic state covers " + dates.get(0) + ".." + dates.get(dates.size() - 1)
                            + "; a value older than " + MAX_STALE_DAYS + " days is none)");
                }
            }
        }
        FeatureMatrix out = matrix;
        for (int i = 0; i < inputs.size(); i++) {
            out = out.withExtraColumn(inputs.get(i).id(), columns[i]);
        }
        return out.withFirstValid(first);
    }

    /** The session a market of unknown time zone closes in, for reading the state: the earliest one known. */
    public static final Session UNKNOWN_CLOSE = Session.EUROPE_CLOSE;

    /**
     * {@code inputs} on the days from the first with all of them (no window of a model that reads them starts
     * earlier) to the last with any, as CSV ({@code date} then one column per input id; an empty cell has no value;
     * every value written exactly, {@link Double#toString}): what a systemic model version stores so that serving
     * reads the state it was trained with.
     */
    public byte[] toCsv(List<SystemicInput> inputs) {
        int first = -1;
        int last = -1;
        for (int t = 0; t < dates.size(); t++) {
            boolean all = true;
            for (SystemicInput in : inputs) {
                if (Double.isFinite(values.get(in)[t])) {
                    last = t;
                } else {
                    all = false;
                }
            }
            first = first < 0 && all ? t : first;
        }
        StringBuilder b = new StringBuilder("date");
        inputs.forEach(in -> b.append(',').append(in.id()));
        b.append('\n');
        for (int t = Math.max(first, 0); first >= 0 && t <= last; t++) {
            b.append(dates.get(t));
            for (SystemicInput in : inputs) {
                double v = values.get(in)[t];
                b.append(',');
                if (Double.isFinite(v)) {
                    b.append(v);
                }
            }
            b.append('\n');
        }
        return b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A state written by {@link #toCsv}, known at {@code stamp} of each day; inputs not in the file are missing. */
    public static SystemicState fromCsv(byte[] csv, Session stamp, String source) {
        List<String> lines = new String(csv, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty() || !lines.get(0).startsWith("date")) {
            throw new IllegalArgumentException(source + ": not a systemic state (no 'date' header)");
        }
        String[] header = lines.get(0).split(",", -1);
        List<SystemicInput> inputs = new ArrayList<>();
        for (int j = 1; j < header.length; j++) {
            inputs.add(SystemicInput.fromId(header[j]));
        }
        int n = lines.size() - 1;
        List<LocalDate> days = new ArrayList<>(n);
        double[][] cols = new double[inputs.size()][n];
        for (int t = 0; t < n; t++) {
            String[] cells = lines.get(t + 1).split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException(source + " line " + (t + 2) + ": " + cells.length + " cells, the "
                        + "header has " + header.length);
            }
            days.add(LocalDate.parse(cells[0]));
            if (t > 0 && !days.get(t).isAfter(days.get(t - 1))) {
                throw new IllegalArgumentException(source + " line " + (t + 2) + ": dates must increase");
            }
            for (int j = 0; j < inputs.size(); j++) {
                cols[j][t] = cells[j + 1].isEmpty() ? Double.NaN : Double.parseDouble(cells[j + 1]);
            }
        }
        EnumMap<SystemicInput, double[]> out = new EnumMap<>(SystemicInput.class);
        for (SystemicInput in : SystemicInput.values()) {
            int j = inputs.indexOf(in);
            out.put(in, j >= 0 ? cols[j] : nans(n));
        }
        return new SystemicState(days, stamp, out);
    }

    /**
     * This state without its first {@value #LOOKBACK_DAYS} days (every value there missing): the days whose inputs
     * read a full look-back of the series it was computed from. A state computed from series that start late (a
     * request's) has on those days exactly the values series reaching further back give; before them an input
     * (breadth's 250-day high) could be computed from less and differ.
     */
    public SystemicState withFullLookback() {
        EnumMap<SystemicInput, double[]> out = new EnumMap<>(SystemicInput.class);
        values.forEach((k, v) -> {
            double[] c = v.clone();
            Arrays.fill(c, 0, Math.min(LOOKBACK_DAYS, c.length), Double.NaN);
            out.put(k, c);
        });
        return new SystemicState(dates, stamp, out);
    }

    /** One input's value on every day of {@link #dates()}. */
    public double[] column(SystemicInput input) {
        return values.get(input).clone();
    }

    /** The state on every day of the system calendar of {@code sources}. */
    public static SystemicState compute(SystemicSources sources) {
        TreeSet<LocalDate> union = new TreeSet<>();
        sources.markets().forEach(m -> union.addAll(m.dates()));
        List<LocalDate> days = new ArrayList<>(union);
        int n = days.size();
        EnumMap<SystemicInput, double[]> out = new EnumMap<>(SystemicInput.class);
        for (SystemicInput in : SystemicInput.values()) {
            out.put(in, nans(n));
        }
        if (sources.vix() != null) {
            AsOf vix = new AsOf(sources.vix(), days);
            double[] logVix = vix.own(v -> Math.log(v));
            out.put(SystemicInput.VIX_LOG, vix.read(logVix));
            out.put(SystemicInput.VIX_CHANGE_5D, vix.read(change(logVix, VIX_CHANGE_DAYS)));
            if (sources.vixReference() != null) {
                double[] premium = nans(n);
                double[] rv = new AsOf(sources.vixReference(), days).read(ownVolatility(sources.vixReference()));
                double[] level = out.get(SystemicInput.VIX_LOG);
                for (int t = 0; t < n; t++) {
                    premium[t] = Math.log(Math.exp(level[t]) / (100 * rv[t]));
                }
                out.put(SystemicInput.VIX_PREMIUM, premium);
            }
        }
        if (sources.shortRate() != null) {
            AsOf y1 = new AsOf(sources.shortRate(), days);
            out.put(SystemicInput.SHORT_RATE_CHANGE_20D, y1.read(change(sources.shortRate().values(),
                    RATE_CHANGE_DAYS)));
            if (sources.longRate() != null) {
                double[] a = y1.read(sources.shortRate().values());
                double[] b = new AsOf(sources.longRate(), days).read(sources.longRate().values());
                double[] spread = nans(n);
                for (int t = 0; t < n; t++) {
                    spread[t] = b[t] - a[t];
                }
                out.put(SystemicInput.TERM_SPREAD, spread);
            }
        }
        crossMarket(sources.markets(), days, out);
        out.put(SystemicInput.MEMBER_DISPERSION, dispersion(sources.memberGroups(), days));
        if (sources.gold() != null) {
            out.put(SystemicInput.GOLD_VOLATILITY, new AsOf(sources.gold(), days).read(ownVolatility(sources.gold())));
        }
        if (sources.oil() != null) {
            out.put(SystemicInput.OIL_VOLATILITY, new AsOf(sources.oil(), days).read(ownVolatility(sources.oil())));
        }
        if (!sources.currencies().isEmpty()) {
            double[] mean = new double[n];
            for (DatedSeries c : sources.currencies()) {
                double[] v = new AsOf(c, days).read(ownVolatility(c));
                for (int t = 0; t < n; t++) {
                    mean[t] += v[t] / sources.currencies().size();
                }
            }
            out.put(SystemicInput.CURRENCY_VOLATILITY, mean);
        }
        return new SystemicState(days, sources.stamp(), out);
    }

    /**
     * The inputs a market closing in {@code session} reads on each of its {@code marketDates}: the state of the last
     * day known then (see the class comment), NaN where there is none within {@value #MAX_STALE_DAYS} days.
     * {@code out[input][day]}, inputs in {@code inputs}' order.
     */
    public double[][] forMarket(List<LocalDate> marketDates, Session session, List<SystemicInput> inputs) {
        double[][] out = new double[inputs.size()][marketDates.size()];
        for (int t = 0; t < marketDates.size(); t++) {
            int i = stateIndexAt(marketDates.get(t), session);
            for (int k = 0; k < inputs.size(); k++) {
                out[k][t] = i < 0 ? Double.NaN : values.get(inputs.get(k))[i];
            }
        }
        return out;
    }

    /** The index of the state a reader at ({@code date}, {@code session}) can know, or -1 (none fresh enough). */
    public int stateIndexAt(LocalDate date, Session session) {
        int i = java.util.Collections.binarySearch(dates, date);
        int last = i >= 0 ? (stamp.knownAt(date, date, session) ? i : i - 1) : -i - 2;
        return last >= 0 && ChronoUnit.DAYS.between(dates.get(last), date) <= MAX_STALE_DAYS ? last : -1;
    }

    /** A series read on the system calendar: per day, the index of its last value dated that day or before. */
    private static final class AsOf {
        private final DatedSeries series;
        private final List<LocalDate> days;
        private final int[] index;

        AsOf(DatedSeries series, List<LocalDate> days) {
            this.series = series;
            this.days = days;
            this.index = new int[days.size()];
            int j = -1;
            for (int t = 0; t < days.size(); t++) {
                while (j + 1 < series.size() && !series.dates().get(j + 1).isAfter(days.get(t))) {
                    j++;
                }
                boolean fresh = j >= 0 && ChronoUnit.DAYS.between(series.dates().get(j), days.get(t))
                        <= MAX_STALE_DAYS;
                index[t] = fresh ? j : -1;
            }
        }

        /** Whether the series has a value dated day t itself (not one carried from before). */
        boolean observedOn(int t) {
            return index[t] >= 0 && series.dates().get(index[t]).equals(days.get(t));
        }

        /** {@code own[k]} (a value per observation of the series) on each day, NaN where the series is missing. */
        double[] read(double[] own) {
            double[] out = nans(index.length);
            for (int t = 0; t < index.length; t++) {
                if (index[t] >= 0) {
                    out[t] = own[index[t]];
                }
            }
            return out;
        }

        double[] own(java.util.function.DoubleUnaryOperator f) {
            double[] v = series.values();
            for (int k = 0; k < v.length; k++) {
                v[k] = f.applyAsDouble(v[k]);
            }
            return v;
        }
    }

    /** Per observation: its value minus the value {@code lag} observations before (NaN before that). */
    static double[] change(double[] v, int lag) {
        double[] out = nans(v.length);
        for (int k = lag; k < v.length; k++) {
            out[k] = v[k] - v[k - lag];
        }
        return out;
    }

    /** Per observation: annualized realized volatility of the last {@value #VOLATILITY_RETURNS} log returns. */
    static double[] ownVolatility(DatedSeries s) {
        if (s.size() == 0) {
            return new double[0];
        }
        return FeaturePipeline.realizedVolatility(PriceLevels.logReturns(s.values()), VOLATILITY_RETURNS);
    }

    /** Breadth, average correlation, absorption ratio and turbulence from the markets' returns on the calendar. */
    private static void crossMarket(List<DatedSeries> markets, List<LocalDate> days,
                                    EnumMap<SystemicInput, double[]> out) {
        int n = days.size();
        int m = markets.size();
        double[][] level = new double[m][];
        double[][] ret = new double[m][n];
        for (int j = 0; j < m; j++) {
            level[j] = new AsOf(markets.get(j), days).read(markets.get(j).values());
            ret[j][0] = Double.NaN;
            for (int t = 1; t < n; t++) {
                ret[j][t] = Math.log(level[j][t] / level[j][t - 1]);
            }
        }
        double[] breadth = nans(n);
        double[] correlation = nans(n);
        double[] absorption = nans(n);
        double[] turbulence = nans(n);
        for (int t = 0; t < n; t++) {
            breadth[t] = breadth(level, t);
            List<Integer> corrMarkets = complete(ret, t - CORRELATION_DAYS + 1, t);
            if (corrMarkets.size() >= MIN_MARKETS) {
                correlation[t] = averageCorrelation(covariance(ret, corrMarkets, t - CORRELATION_DAYS + 1, t));
            }
            List<Integer> covMarkets = complete(ret, t - COVARIANCE_DAYS + 1, t);
            if (covMarkets.size() >= MIN_MARKETS) {
                absorption[t] = absorptionRatio(covariance(ret, covMarkets, t - COVARIANCE_DAYS + 1, t));
            }
            List<Integer> turbMarkets = complete(ret, t - COVARIANCE_DAYS, t);
            if (turbMarkets.size() >= MIN_MARKETS) {
                turbulence[t] = turbulence(ret, turbMarkets, t);
            }
        }
        out.put(SystemicInput.BREADTH, breadth);
        out.put(SystemicInput.AVERAGE_CORRELATION, correlation);
        out.put(SystemicInput.ABSORPTION_RATIO, absorption);
        out.put(SystemicInput.TURBULENCE, turbulence);
    }

    /** Share of markets with a close on day t that stand {@value #BREADTH_FALL_PERCENT}% or more below their high. */
    private static double breadth(double[][] level, int t) {
        int with = 0;
        int down = 0;
        for (double[] l : level) {
            if (Double.isNaN(l[t])) {
                continue;
            }
            double high = l[t];
            for (int k = Math.max(0, t - HIGH_DAYS + 1); k < t; k++) {
                if (l[k] > high) {
                    high = l[k];
                }
            }
            with++;
            if (l[t] <= high * (1 - BREADTH_FALL_PERCENT / 100.0)) {
                down++;
            }
        }
        return with >= MIN_MARKETS ? (double) down / with : Double.NaN;
    }

    /** The markets with a return on every day from {@code from} to {@code to}. */
    private static List<Integer> complete(double[][] ret, int from, int to) {
        List<Integer> out = new ArrayList<>();
        if (from < 1) {
            return out;
        }
        for (int j = 0; j < ret.length; j++) {
            boolean all = true;
            for (int t = from; t <= to && all; t++) {
                all = !Double.isNaN(ret[j][t]);
            }
            if (all) {
                out.add(j);
            }
        }
        return out;
    }

    /** Sample covariance of the returns of {@code markets} over days {@code from..to}. */
    static double[][] covariance(double[][] ret, List<Integer> markets, int from, int to) {
        int k = markets.size();
        int len = to - from + 1;
        double[] mean = new double[k];
        for (int a = 0; a < k; a++) {
            for (int t = from; t <= to; t++) {
                mean[a] += ret[markets.get(a)][t] / len;
            }
        }
        double[][] cov = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                double s = 0;
                for (int t = from; t <= to; t++) {
                    s += (ret[markets.get(a)][t] - mean[a]) * (ret[markets.get(b)][t] - mean[b]);
                }
                cov[a][b] = s / (len - 1);
                cov[b][a] = cov[a][b];
            }
        }
        return cov;
    }

    /** Mean off-diagonal correlation of a covariance matrix (NaN if a market did not move). */
    static double averageCorrelation(double[][] cov) {
        int k = cov.length;
        double sum = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                sum += cov[a][b] / Math.sqrt(cov[a][a] * cov[b][b]);
            }
        }
        return sum / (k * (k - 1) / 2.0);
    }

    /** Share of total variance in the largest ceil(k / 5) eigenvalues (Kritzman, Li, Page and Rigobon 2011). */
    static double absorptionRatio(double[][] cov) {
        double[] eig = eigenvalues(cov);
        int top = (int) Math.ceil(eig.length / 5.0);
        double total = 0;
        double first = 0;
        for (int i = 0; i < eig.length; i++) {
            total += eig[i];
            if (i < top) {
                first += eig[i];
            }
        }
        return first / total;
    }

    /** Eigenvalues, largest first. */
    private static double[] eigenvalues(double[][] cov) {
        double[] eig = new EigenDecomposition(new Array2DRowRealMatrix(cov, false)).getRealEigenvalues().clone();
        Arrays.sort(eig);
        for (int i = 0; i < eig.length / 2; i++) {
            double x = eig[i];
            eig[i] = eig[eig.length - 1 - i];
            eig[eig.length - 1 - i] = x;
        }
        return eig;
    }

    /**
     * Day t's returns' squared Mahalanobis distance from the mean and covariance of the {@value #COVARIANCE_DAYS}
     * days before it, divided by the number of markets (about 1 in an ordinary day; Kritzman and Li 2010).
     * Directions of near-zero variance (below 1e-10 of the largest) are left out rather than inverted.
     */
    private static double turbulence(double[][] ret, List<Integer> markets, int t) {
        int k = markets.size();
        double[][] cov = covariance(ret, markets, t - COVARIANCE_DAYS, t - 1);
        double[] mean = new double[k];
        for (int a = 0; a < k; a++) {
            for (int s = t - COVARIANCE_DAYS; s < t; s++) {
                mean[a] += ret[markets.get(a)][s] / COVARIANCE_DAYS;
            }
        }
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
        double[] eig = e.getRealEigenvalues();
        double largest = Arrays.stream(eig).max().orElse(0);
        double d = 0;
        for (int i = 0; i < k; i++) {
            if (eig[i] <= 1e-10 * largest) {
                continue;
            }
            double[] v = e.getEigenvector(i).toArray();
            double proj = 0;
            for (int a = 0; a < k; a++) {
                proj += v[a] * (ret[markets.get(a)][t] - mean[a]);
            }
            d += proj * proj / eig[i];
        }
        return d / k;
    }

    /**
     * Per day: each index's cross-sectional dispersion of its members' log returns (members with a close on the day
     * itself and a fresh one before it; at least {@value #MIN_MEMBERS}), measured robustly ({@link #robustScale}:
     * the member files hold price errors that jump and revert the next day, 173 of them in 14 FTSE members),
     * averaged over the days with a value among the last {@value #DISPERSION_DAYS} (at least half of them: an index's
     * holidays are days of the calendar without one), then over the indices with a value.
     */
    private static double[] dispersion(List<List<DatedSeries>> groups, List<LocalDate> days) {
        int n = days.size();
        double[] sum = new double[n];
        int[] count = new int[n];
        for (List<DatedSeries> group : groups) {
            List<AsOf> members = group.stream().map(s -> new AsOf(s, days)).toList();
            double[][] level = new double[group.size()][];
            for (int j = 0; j < level.length; j++) {
                level[j] = members.get(j).read(group.get(j).values());
            }
            double[] daily = nans(n);
            double[] r = new double[level.length];
            for (int t = 1; t < n; t++) {
                int c = 0;
                for (int j = 0; j < level.length; j++) {
                    // Only a member that traded on day t: on its index's holiday every member would read 0.
                    double x = members.get(j).observedOn(t) ? Math.log(level[j][t] / level[j][t - 1]) : Double.NaN;
                    if (!Double.isNaN(x)) {
                        r[c++] = x;
                    }
                }
                if (c >= MIN_MEMBERS) {
                    daily[t] = robustScale(Arrays.copyOf(r, c));
                }
            }
            for (int t = DISPERSION_DAYS; t < n; t++) {
                double s = 0;
                int c = 0;
                for (int k = t - DISPERSION_DAYS + 1; k <= t; k++) {
                    if (!Double.isNaN(daily[k])) {
                        s += daily[k];
                        c++;
                    }
                }
                if (c >= DISPERSION_DAYS / 2) {
                    sum[t] += s / c;
                    count[t]++;
                }
            }
        }
        double[] out = nans(n);
        for (int t = 0; t < n; t++) {
            if (count[t] > 0) {
                out[t] = sum[t] / count[t];
            }
        }
        return out;
    }

    /**
     * 1.4826 x the median absolute deviation from the median: the standard deviation for normal data, and a few wild
     * values move it little.
     */
    static double robustScale(double[] x) {
        double median = median(x);
        double[] dev = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            dev[i] = Math.abs(x[i] - median);
        }
        return 1.4826 * median(dev);
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int k = s.length / 2;
        return s.length % 2 == 1 ? s[k] : (s[k - 1] + s[k]) / 2;
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
