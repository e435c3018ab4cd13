package io.sysrisk.serving;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.sysrisk.data.LoadOptions;
import io.sysrisk.data.MarketData;
import io.sysrisk.data.MarketDataBuilder;
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

    /** Daily data whose dates {@code from..to} (null: the last date, the last date sent) are to be scored. */
    record History(MarketData data, LocalDate from, LocalDate to, boolean attention, double preference,
                   ModelManifest.AlarmRule rule) implements Valid {
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
        return new History(data, from, to, r.wantsAttention(), mu, rule);
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
