package io.sysrisk.serving;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;


/**
 * A scoring request: the market's recent daily observations, in the shape of the CSV input, or an already computed
 * feature window. Arrays are counted while they are read ({@link CappedArrays}).
 *
 * @param dates         ISO dates, oldest first
 * @param series        one array per column, as long as {@code dates}: open/high/low/close/volume for OHLCV models,
 *                      the member (and index) closes for panel models; null marks a missing value
 * @param from          optional: score every date from this one (inclusive) instead of only the last
 * @param to            optional: last date to score (default the last date sent)
 * @param featureWindow advanced: raw feature values, window rows x features columns in the model's order (see
 *                      GET /model); the server normalizes and scores them
 * @param asOf          with {@code featureWindow}: the date its last row belongs to, echoed back
 * @param attention     optional, default true: false leaves each score's attention out of the answer (most of its
 *                      bytes: a 1,000-date range is about 60 times smaller without it)
 * @param preference    optional: the alarm's preference mu, the weight on a missed fall (1 - mu on a false alarm),
 *                      one of those the model offers (GET /model's {@code alarms}); default the function's setting
 * @param system        optional, for a systemic model: the series its systemic state is computed from (GET /model's
 *                      {@code systemic.send}), so that dates the carried state does not cover can be scored; without
 *                      it the model reads the state it carries
 * @param markets       optional, instead of {@code dates} and {@code series}: several markets by name, each scored
 *                      alone and answered in the response's {@code markets} (at most
 *                      {@value RequestParser#MAX_MARKETS})
 * @param embedded      optional, for a model that carries markets (GET /model's {@code systemic.markets}): instead of
 *                      sending rows, the names of carried markets to score, each answered in {@code markets} as if
 *                      its carried closes had been sent (at most {@value RequestParser#MAX_MARKETS}); {@code from},
 *                      {@code to}, {@code preference} and {@code attention} are shared
 */
public record ScoreRequest(@JsonDeserialize(using = CappedArrays.Strings.class) List<String> dates,
                           @JsonDeserialize(using = CappedArrays.Series.class) Map<String, List<Double>> series,
                           String from, String to,
                           @JsonDeserialize(using = CappedArrays.Rows.class) List<List<Double>> featureWindow,
                           String asOf, Boolean attention, Double preference, SystemRequest system,
                           Map<String, MarketRequest> markets, List<String> embedded) {

    /** A request without {@code embedded}. */
    public ScoreRequest(List<String> dates, Map<String, List<Double>> series, String from, String to,
                        List<List<Double>> featureWindow, String asOf, Boolean attention, Double preference,
                        SystemRequest system, Map<String, MarketRequest> markets) {
        this(dates, series, from, to, featureWindow, asOf, attention, preference, system, markets, null);
    }

    /**
     * One market of a request of several ({@code markets}: name to its rows), read as a one-market request's
     * {@code dates} and {@code series}; {@code from}, {@code to}, {@code preference}, {@code attention} and
     * {@code system} are the request's, shared.
     */
    public record MarketRequest(@JsonDeserialize(using = CappedArrays.Strings.class) List<String> dates,
                                @JsonDeserialize(using = CappedArrays.Series.class) Map<String, List<Double>> series) {
    }

    /** A request of one market. */
    public ScoreRequest(List<String> dates, Map<String, List<Double>> series, String from, String to,
                        List<List<Double>> featureWindow, String asOf, Boolean attention, Double preference,
                        SystemRequest system) {
        this(dates, series, from, to, featureWindow, asOf, attention, preference, system, null);
    }

    /**
     * The system's series on one calendar, as {@code dates} and {@code series} are for the market: each series one
     * array as long as {@code dates}, null on a day it has no value (a holiday, another time zone's calendar). Keys
     * are GET /model's {@code systemic.send} names; index members are sent as {@code "<group>:<ticker>"}.
     */
    public record SystemRequest(@JsonDeserialize(using = CappedArrays.Strings.class) List<String> dates,
                                @JsonDeserialize(using = CappedArrays.SystemSeries.class)
                                Map<String, List<Double>> series) {
    }

    /** The request without a system (a systemic model reads the state it carries). */
    public ScoreRequest(List<String> dates, Map<String, List<Double>> series, String from, String to,
                        List<List<Double>> featureWindow, String asOf, Boolean attention, Double preference) {
        this(dates, series, from, to, featureWindow, asOf, attention, preference, null, null);
    }

    /** The request without the attention option (the answer then has each score's attention). */
    public ScoreRequest(List<String> dates, Map<String, List<Double>> series, String from, String to,
                        List<List<Double>> featureWindow, String asOf) {
        this(dates, series, from, to, featureWindow, asOf, null, null);
    }

    /** The request without a preference (the answer alerts at the function's default). */
    public ScoreRequest(List<String> dates, Map<String, List<Double>> series, String from, String to,
                        List<List<Double>> featureWindow, String asOf, Boolean attention) {
        this(dates, series, from, to, featureWindow, asOf, attention, null);
    }

    /** Whether the answer carries each score's attention (unless the request says {@code "attention": false}). */
    public boolean wantsAttention() {
        return attention == null || attention;
    }
}
