package io.sysrisk.serving;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.sysrisk.data.LoadOptions;
import io.sysrisk.data.Market;
import io.sysrisk.data.MarketData;
import io.sysrisk.data.MarketDataBuilder;
import io.sysrisk.features.SystemicSeries;
import io.sysrisk.features.SystemicState;
import io.sysrisk.store.ModelManifest;

/**
 * Turns a {@link ScoreRequest} into one validated request, {@link Valid}: daily data as {@link MarketData} for the
 * model (through the same checks and missing-value policy as the CSV loader, {@link MarketDataBuilder}) with the
 * range to score, or a feature window. Every check of a request is here, once; every problem is an
 * {@link InvalidRequestException} naming the field, the column and the date. The scorer then trusts what it gets.
 */
final class RequestParser {

    private RequestParser() {
    }

    /** A request that passed every check. */
    sealed interface Valid permits History, Window {
        /** Whether the answer carries each score's attention. */
        boolean attention();

        /** The preference of the alarm: the request's, or the function's default. */
        double preference();

        /** The alarm rule the scores alert by: the model's at {@link #preference()}. */
        ModelManifest.AlarmRule rule();
    }

    /**
     * Daily data whose dates {@code from..to} (null: the last date, the last date sent) are to be scored;
     * {@code system}: the systemic state computed from the request's own system (null: the model's carried state).
     */
    record History(MarketData data, LocalDate from, LocalDate to, boolean attention, double preference,
                   ModelManifest.AlarmRule rule, SystemicState system) implements Valid {
    }

    /** One window of raw feature values, dated {@code asOf} (may be null), with its last day's 20-day volatility. */
    record Window(double[][] raw, LocalDate asOf, double lastVolatility, boolean attention, double preference,
                  ModelManifest.AlarmRule rule) implements Valid {
    }

    /**
     * @param maxDays        most daily rows a request may send
     * @param maxScoredDates most dates one request may ask to score
     * @param preference     the preference of an alarm when the request names none (the function's setting)
     */
    static Valid parse(ScoreRequest r, ModelManifest m, int maxDays, int maxScoredDates, double preference) {
        if (r == null) {
            throw new InvalidRequestException("empty request: send 'dates' and 'series' (daily observations) or "
                    + "'featureWindow'");
        }
        requireNoMix(r);
        double mu = r.preference() == null ? preference : r.preference();
        ModelManifest.AlarmRule rule = rule(m, mu);
        if (r.featureWindow() != null) {
            double[][] raw = featureWindow(r.featureWindow(), m.input());
            // An alarm by the volatility rule reads it from the window's last vol_20d (the same value); a rule of the
            // market's level other than volatility cannot be read from features.
            int vol = m.input().features().indexOf(io.sysrisk.features.Feature.VOL_20D.id());
            if (rule.family() == io.sysrisk.features.AlarmFamily.VOLATILITY && vol < 0) {
                throw new InvalidRequestException("model " + m.version() + " alerts by the volatility rule and has no "
                        + "vol_20d feature: send closes, not a featureWindow");
            }
            if (rule.readsPrices() && rule.family() != io.sysrisk.features.AlarmFamily.VOLATILITY) {
                throw new InvalidRequestException("the alarm at preference " + mu + " reads "
                        + rule.family().words() + ", which a featureWindow does not carry: send 'dates' and "
                        + "'series', or another preference of " + m.preferences());
            }
            return new Window(raw, r.asOf() == null ? null : date("asOf", r.asOf()),
                    vol < 0 ? Double.NaN : raw[raw.length - 1][vol], r.wantsAttention(), mu, rule);
        }
        MarketData data = marketData(r, m.input(), maxDays);
        LocalDate from = r.from() == null ? null : date("from", r.from());
        LocalDate to = r.to() == null ? null : date("to", r.to());
        if (from == null) {
            from = to == null ? data.dates().get(data.size() - 1) : to;
        }
        // The limit before the work: the dates in from..to are counted on the sent dates, before any feature.
        int inRange = data.indexOnOrAfter(to == null ? LocalDate.MAX : to.plusDays(1)) - data.indexOnOrAfter(from);
        if (inRange > maxScoredDates) {
            throw new InvalidRequestException("the range asks for " + inRange + " dates; at most " + maxScoredDates
                    + " per request");
        }
        return new History(data, from, to, r.wantsAttention(), mu, rule, system(r.system(), m, maxDays));
    }

    /**
     * The systemic state of a request's own system, with a full look-back on every day it gives
     * ({@link SystemicState#withFullLookback()}): the series named as the model records them, each read on the days
     * it has a value. Null without a system.
     */
    static SystemicState system(ScoreRequest.SystemRequest sys, ModelManifest m, int maxDays) {
        if (sys == null) {
            return null;
        }
        ModelManifest.InputSpec in = m.input();
        if (!in.systemic()) {
            throw new InvalidRequestException("'system' goes with a systemic model; model " + m.version()
                    + " reads only the market's own data");
        }
        List<SystemicSeries> layout = in.systemicState().series();
        if (layout.isEmpty()) {
            throw new InvalidRequestException("model " + m.version() + " does not record the series its state is "
                    + "computed from (a version written before requests could carry them): send no 'system'");
        }
        List<String> names = SystemicSeries.sentNames(layout);
        java.util.Set<String> groups = new java.util.LinkedHashSet<>();
        layout.stream().filter(x -> x.role() == SystemicSeries.Role.MEMBERS).forEach(x -> groups.add(x.name()));
        String expected = names + (groups.isEmpty() ? "" : " and members as " + groups.stream()
                .map(g -> "'" + g + SystemicSeries.MEMBER_SEPARATOR + "<ticker>'").toList());
        if (sys.dates() == null || sys.dates().isEmpty()) {
            throw new InvalidRequestException("'system.dates' is required: the ISO dates of the system's rows, "
                    + "oldest first");
        }
        if (sys.series() == null || sys.series().isEmpty()) {
            throw new InvalidRequestException("'system.series' is required: " + expected);
        }
        int n = sys.dates().size();
        if (n > maxDays) {
            throw new InvalidRequestException("at most " + maxDays + " days per request, 'system.dates' has " + n);
        }
        List<LocalDate> dates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            dates.add(date("system.dates[" + i + "]", sys.dates().get(i)));
            if (i > 0 && !dates.get(i).isAfter(dates.get(i - 1))) {
                throw new InvalidRequestException("'system.dates'[" + i + "] (" + dates.get(i) + ") does not follow "
                        + dates.get(i - 1) + ": dates must increase");
            }
        }
        java.util.Map<String, SystemicSeries> byName = new java.util.HashMap<>();
        layout.stream().filter(x -> x.role() != SystemicSeries.Role.VIX_REFERENCE
                && x.role() != SystemicSeries.Role.MEMBERS).forEach(x -> byName.put(x.name(), x));
        java.util.Map<String, io.sysrisk.data.DatedSeries> series = new java.util.LinkedHashMap<>();
        java.util.Map<String, List<io.sysrisk.data.DatedSeries>> members = new java.util.LinkedHashMap<>();
        for (var e : sys.series().entrySet()) {
            String key = e.getKey();
            int sep = key.indexOf(SystemicSeries.MEMBER_SEPARATOR);
            SystemicSeries spec = sep < 0 ? byName.get(key) : null;
            String group = sep < 0 ? null : key.substring(0, sep);
            if (spec == null && (group == null || !groups.contains(group) || sep == key.length() - 1)) {
                throw new InvalidRequestException("unexpected system series '" + key + "'; model " + m.version()
                        + " reads " + expected);
            }
            io.sysrisk.data.Session session = spec != null ? spec.session() : layout.stream()
                    .filter(x -> x.role() == SystemicSeries.Role.MEMBERS && x.name().equals(group)).findFirst()
                    .orElseThrow().session();
            io.sysrisk.data.DatedSeries d = dated("system.series '" + key + "'", key, session, dates, e.getValue(),
                    spec == null || (spec.role() != SystemicSeries.Role.SHORT_RATE
                            && spec.role() != SystemicSeries.Role.LONG_RATE));
            if (d.size() == 0 && spec == null) {
                continue; // a member not listed in these days (a panel of members holds every one ever listed)
            } else if (d.size() == 0) {
                throw new InvalidRequestException("system.series '" + key + "' has no value");
            }
            if (spec != null) {
                series.put(key, d);
            } else {
                members.computeIfAbsent(group, g -> new ArrayList<>()).add(d);
            }
        }
        try {
            return SystemicState.compute(SystemicSeries.sources(layout, series, members)).withFullLookback();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'system': " + e.getMessage() + "; model " + m.version() + " reads "
                    + expected);
        }
    }

    /**
     * One system series on its own days (a null is a day without a value); a value must be finite, and a price
     * ({@code positive}) above 0. The problem names the field, the index and the date.
     */
    private static io.sysrisk.data.DatedSeries dated(String field, String name, io.sysrisk.data.Session session,
                                                     List<LocalDate> dates, List<Double> values, boolean positive) {
        if (values == null || values.size() != dates.size()) {
            throw new InvalidRequestException(field + " has " + (values == null ? "no" : values.size())
                    + " values for " + dates.size() + " 'system.dates'");
        }
        List<LocalDate> on = new ArrayList<>();
        double[] v = new double[values.size()];
        int k = 0;
        for (int i = 0; i < values.size(); i++) {
            Double x = values.get(i);
            if (x == null) {
                continue;
            }
            if (!Double.isFinite(x) || (positive && x <= 0)) {
                throw new InvalidRequestException(field + "[" + i + "] (" + dates.get(i) + "): " + x + " is not "
                        + (positive ? "a price above 0" : "a finite number") + "; send null for a missing value");
            }
            on.add(dates.get(i));
            v[k++] = x;
        }
        return new io.sysrisk.data.DatedSeries(name, session, on, java.util.Arrays.copyOf(v, k));
    }

    /** The model's alarm rule at {@code preference}; a preference it does not offer is the caller's error. */
    static ModelManifest.AlarmRule rule(ModelManifest m, double preference) {
        if (!Double.isFinite(preference)) {
            throw new InvalidRequestException("'preference' must be a number; offered: " + m.preferences());
        }
        try {
            return m.alarmAt(preference);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'preference' " + preference + " is not offered; offered: "
                    + m.preferences() + " (the weight on a missed fall; 1 - it on a false alarm)");
        }
    }

    private static MarketData marketData(ScoreRequest r, ModelManifest.InputSpec input, int maxDays) {
        if (r.dates() == null || r.dates().isEmpty()) {
            throw new InvalidRequestException("'dates' is required: the ISO dates of the daily rows, oldest first");
        }
        if (r.series() == null || r.series().isEmpty()) {
            throw new InvalidRequestException("'series' is required: one array per column " + input.columns());
        }
        int n = r.dates().size();
        if (n > maxDays) {
            throw new InvalidRequestException("at most " + maxDays + " days per request, got " + n);
        }
        if (n < input.requiredDays()) {
            throw new InvalidRequestException("at least " + input.requiredDays() + " days are needed (window "
                    + input.window() + " + feature look-back " + input.lookbackDays() + "), got " + n);
        }
        for (String column : r.series().keySet()) {
            if (!input.columns().contains(column)) {
                throw new InvalidRequestException("unexpected series '" + column + "'; this " + input.kind()
                        + " model takes " + input.columns());
            }
        }
        List<LocalDate> dates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            dates.add(date("dates[" + i + "]", r.dates().get(i)));
        }
        double[][] values = new double[input.columns().size()][n];
        for (int c = 0; c < values.length; c++) {
            String column = input.columns().get(c);
            List<Double> s = r.series().get(column);
            if (s == null) {
                throw new InvalidRequestException("series '" + column + "' is missing; this " + input.kind()
                        + " model takes " + input.columns());
            }
            if (s.size() != n) {
                throw new InvalidRequestException("series '" + column + "' has " + s.size() + " values for " + n
                        + " dates");
            }
            for (int i = 0; i < n; i++) {
                Double v = s.get(i);
                if (v != null && Double.isNaN(v)) {
                    throw new InvalidRequestException("series '" + column + "'[" + i + "] (" + dates.get(i)
                            + "): NaN is not a number; send null for a missing value");
                }
                values[c][i] = v == null ? Double.NaN : v;
            }
        }
        LoadOptions options = new LoadOptions(input.kind(), input.indexColumn(), input.requiredDays(),
                LoadOptions.DEFAULT_MAX_FORWARD_FILL, LoadOptions.DEFAULT_MAX_DROPPED_SHARE, true);
        // A DataValidationException from here on is the caller's too: ScoringService.score answers it with a 400.
        return MarketDataBuilder.build("request", options, dates, input.columns(), values,
                (row, column) -> column.equals("date") ? "dates[" + row + "]"
                        : "series '" + column + "'[" + row + "] (" + dates.get(row) + ")");
    }

    /**
     * Raw feature values, checked against the model's window and channels (its features, then a systemic model's
     * systemic inputs: a feature window carries all it reads).
     */
    private static double[][] featureWindow(List<List<Double>> rows, ModelManifest.InputSpec input) {
        if (rows.size() != input.window()) {
            throw new InvalidRequestException("'featureWindow' needs " + input.window() + " rows (the window), got "
                    + rows.size());
        }
        List<String> channels = input.channels();
        int f = channels.size();
        double[][] out = new double[rows.size()][];
        for (int t = 0; t < rows.size(); t++) {
            List<Double> row = rows.get(t);
            if (row == null || row.size() != f) {
                throw new InvalidRequestException("'featureWindow'[" + t + "] needs " + f + " values "
                        + channels + ", got " + (row == null ? "null" : row.size()));
            }
            out[t] = new double[f];
            for (int j = 0; j < f; j++) {
                Double v = row.get(j);
                if (v == null || !Double.isFinite(v)) {
                    throw new InvalidRequestException("'featureWindow'[" + t + "][" + j + "] (" + channels.get(j)
                            + ") must be a finite number, got " + v);
                }
                out[t][j] = v;
            }
        }
        return out;
    }

    static final int MIN_YEAR = 1800;
    static final int MAX_YEAR = 2200;

    static LocalDate date(String field, String text) {
        if (text == null) {
            throw new InvalidRequestException("'" + field + "' is null; expected a date YYYY-MM-DD");
        }
        try {
            LocalDate d = iso(text);
            // Far-off years parse, but date arithmetic on them overflows: no market series is dated there.
            if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) {
                throw new InvalidRequestException("'" + field + "': " + d + " is outside the years " + MIN_YEAR + ".."
                        + MAX_YEAR);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("'" + field + "': '" + text + "' is not a date of the form YYYY-MM-DD");
        }
    }

    /**
     * {@code LocalDate.parse} of an ISO date: "YYYY-MM-DD" read digit by digit (the formatter's general parse was
     * a tenth of a request's time for 320 dates); anything else, and an impossible day, through the formatter,
     * which accepts and refuses exactly as before.
     */
    static LocalDate iso(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int y = digits(text, 0, 4);
            int m = digits(text, 5, 7);
            int d = digits(text, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                try {
                    return LocalDate.of(y, m, d);
                } catch (java.time.DateTimeException e) {
                    // an impossible day: the formatter words the refusal
                }
            }
        }
        return LocalDate.parse(text);
    }

    /** The ASCII digits of text[from, to) as a number, or -1. */
    private static int digits(String text, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Most markets one request may send in {@code markets}. */
    static final int MAX_MARKETS = 16;

    /**
     * The markets of a request of several, checked as a whole: names, count, and nothing of a one-market request
     * beside them. Each market's own rows are checked when it is scored, and its problem is its own answer's.
     */
    static java.util.Map<String, ScoreRequest.MarketRequest> markets(ScoreRequest r) {
        if (r.dates() != null || r.series() != null || r.featureWindow() != null || r.asOf() != null) {
            throw new InvalidRequestException("send either 'markets' (several, each its 'dates' and 'series') or one "
                    + "market's 'dates' and 'series' (or a 'featureWindow'), not both");
        }
        if (r.markets().isEmpty()) {
            throw new InvalidRequestException("'markets' is empty: name each market and send its 'dates' and "
                    + "'series'");
        }
        if (r.markets().size() > MAX_MARKETS) {
            throw new InvalidRequestException("'markets' has " + r.markets().size() + " markets; at most "
                    + MAX_MARKETS + " per request");
        }
        for (var e : r.markets().entrySet()) {
            if (e.getKey().isBlank()) {
                throw new InvalidRequestException("'markets' has a market without a name");
            }
            if (e.getValue() == null) {
                throw new InvalidRequestException("'markets' '" + e.getKey() + "' is null: send its 'dates' and "
                        + "'series'");
            }
        }
        return r.markets();
    }

    /**
     * One market of a request of several: the rows to score it on, or why it cannot be ({@code refused}, its own
     * answer's 400 while the others are answered).
     */
    record Named(ScoreRequest.MarketRequest rows, String refused) {
    }

    /**
     * The carried markets a request names ({@code embedded}), each as the rows a request of its own would send:
     * its carried closes from the look-back (and {@link ModelManifest.CarriedMarkets#MARGIN_DAYS}) before
     * {@code from} to {@code to} (by default its last close). The names are checked as a whole (known, not
     * repeated, not too many, nothing of another kind of request beside them); a market without a close in the
     * range asked is refused on its own.
     */
    static java.util.Map<String, Named> embedded(ScoreRequest r, ModelManifest m, List<Market> carried) {
        if (r.dates() != null || r.series() != null || r.featureWindow() != null || r.asOf() != null
                || r.markets() != null) {
            throw new InvalidRequestException("send either 'embedded' (markets the model carries, by name) or "
                    + "markets' own 'dates' and 'series', not both");
        }
        if (carried.isEmpty()) {
            throw new InvalidRequestException("model " + m.version() + " carries no markets to score by name: send "
                    + "a market's 'dates' and 'series'");
        }
        List<String> known = carried.stream().map(Market::name).toList();
        if (r.system() != null) {
            throw new InvalidRequestException("'embedded' markets are scored on the state the model carries: send "
                    + "no 'system'");
        }
        if (r.embedded().isEmpty()) {
            throw new InvalidRequestException("'embedded' is empty: name markets the model carries, of " + known);
        }
        if (r.embedded().size() > MAX_MARKETS) {
            throw new InvalidRequestException("'embedded' names " + r.embedded().size() + " markets; at most "
                    + MAX_MARKETS + " per request");
        }
        if (!m.input().columns().equals(List.of(Market.CLOSE))) {
            throw new InvalidRequestException("model " + m.version() + " reads " + m.input().columns()
                    + "; the markets it carries have closes only");
        }
        LocalDate from = r.from() == null ? null : date("from", r.from());
        LocalDate to = r.to() == null ? null : date("to", r.to());
        int lookBack = m.input().requiredDays() - 1 + ModelManifest.CarriedMarkets.MARGIN_DAYS;
        java.util.Map<String, Named> out = new java.util.LinkedHashMap<>();
        for (String name : r.embedded()) {
            int k = name == null ? -1 : known.indexOf(name);
            if (k < 0) {
                throw new InvalidRequestException("'embedded' names " + (name == null ? "null" : "'" + name + "'")
                        + ", which the model does not carry; it carries " + known);
            }
            if (out.containsKey(name)) {
                throw new InvalidRequestException("'embedded' names '" + name + "' twice");
            }
            MarketData data = carried.get(k).data();
            int last = to == null ? data.size() - 1 : data.indexOnOrAfter(to.plusDays(1)) - 1;
            int first = from == null ? last : data.indexOnOrAfter(from);
            if (last < 0 || first > last) {
                out.put(name, new Named(null, name + " has no close in the range asked; its carried closes run "
                        + data.dates().get(0) + ".." + data.dates().get(data.size() - 1)));
                continue;
            }
            int start = Math.max(0, first - lookBack);
            List<String> dates = new ArrayList<>(last - start + 1);
            List<Double> closes = new ArrayList<>(last - start + 1);
            double[] close = data.column(Market.CLOSE);
            for (int t = start; t <= last; t++) {
                dates.add(data.dates().get(t).toString());
                closes.add(close[t]);
            }
            out.put(name, new Named(new ScoreRequest.MarketRequest(dates, java.util.Map.of(Market.CLOSE, closes)),
                    null));
        }
        return out;
    }

    private static void requireNoMix(ScoreRequest r) {
        boolean market = r.dates() != null || r.series() != null;
        if (market == (r.featureWindow() != null)) {
            throw new InvalidRequestException(market ? "send either 'dates' and 'series', or 'featureWindow', not both"
                    : "empty request: send 'dates' and 'series' (daily observations) or 'featureWindow'");
        }
        if (market && r.asOf() != null) {
            throw new InvalidRequestException("'asOf' goes with 'featureWindow'; with 'dates' and 'series' use 'from' "
                    + "and 'to'");
        }
        if (!market && (r.from() != null || r.to() != null)) {
            throw new InvalidRequestException("'from' and 'to' go with 'dates' and 'series'; a 'featureWindow' is one "
                    + "window (date it with 'asOf')");
        }
    }
}
