package io.sysrisk.serving.rest;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.sysrisk.data.CsvMarketLoader;
import io.sysrisk.data.DataValidationException;
import io.sysrisk.data.Market;
import io.sysrisk.data.MarketData;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.research.data.Markets;
import io.sysrisk.research.labels.Labeler;
import io.sysrisk.scoring.MarketScorer;
import io.sysrisk.serving.InvalidRequestException;
import io.sysrisk.serving.ScoreRequest;
import io.sysrisk.serving.ScoreResponse;
import io.sysrisk.serving.ScoringService;
import io.sysrisk.serving.ServingConfig;
import io.sysrisk.store.ModelManifest;

/**
 * What the risk page ({@code /}) shows: an embedded market's or an uploaded CSV's scored history, in chunks of at
 * most {@code maxScoredDates} dates, each scored by {@link ScoringService#score} exactly as a client's POST /score
 * would be (so the page's numbers are the API's); one window's attention and raw features; the model's
 * out-of-sample evidence from its committed report. REST build only (not in the Lambda package).
 */
@ApplicationScoped
public class MonitorService {

    /**
     * Rows sent before a range's look-back: the API drops a day that repeats the day before (an unchanged close in a
     * close-only series), which would otherwise leave the first date of a range short of its look-back. The same
     * margin a request that names a carried market gets, so that the page's numbers are its.
     */
    private static final int MARGIN = ModelManifest.CarriedMarkets.MARGIN_DAYS;

    /** The markets a close-only model can score; read once, on first use. */
    private volatile List<Market> markets;

    private final ScoringService service;
    private final ServingConfig config;
    private final ObjectMapper json = new ObjectMapper();

    public MonitorService(ScoringService service, ServingConfig config) {
        this.service = service;
        this.config = config;
    }

    /** One market the page can pick; {@code inTraining}: its file is in the served model's training data. */
    public record MarketInfo(String id, String about, String first, String last, int days, String firstScorable,
                             int chunks, boolean inTraining) {
    }

    /**
     * What the page needs before it asks for anything else. {@code columns}: what an uploaded CSV holds after its
     * date (the model's input columns by name); {@code indexColumn}: a panel model's index, else null;
     * {@code memberDrawdown}: for a panel, the fall below its 250-day high that counts a member as in drawdown.
     * {@code horizons}: a term-structure model's horizons in trading days (null for one horizon);
     * {@code servedHorizon}: the one whose probability is the page's "probability". {@code alarmBy} and its
     * thresholds: the alarm at the function's default preference; {@code alarms}: every preference offered (the
     * page's control), each rule in words. {@code systemic}: the model reads the systemic state (the page then shows
     * the system's gauges, {@link #system()}).
     */
    public record Overview(String modelVersion, String modelSha256, String createdAt, boolean closeOnly,
                           String label, String alarmBy, double threshold, Double volatilityThreshold,
                           int window, int requiredDays, int chunkDates, int maxUploadDays, List<MarketInfo> markets,
                           Card card, List<String> columns, String indexColumn, Double memberDrawdown,
                           List<Integer> horizons, Integer servedHorizon, io.sysrisk.serving.ModelInfo.Alarms alarms,
                           boolean systemic) {
    }

    /**
     * The model card: what it was trained on, how, and how its probabilities are calibrated. {@code attentionLearned}
     * is false when every network kept its initial weights (best epoch 0): its attention is then the random
     * initialization's, not something the page may present as a reason.
     */
    public record Card(String architecture, List<String> features, int members, String training, String calibration,
                       List<ModelManifest.DataFile> data, ModelManifest.AlarmRule alarm, boolean attentionLearned) {
    }

    /**
     * One chunk of a scored history, as parallel arrays (compact for 1,000 dates): {@code close} is the index (a
     * panel's index column, an OHLCV file's close); {@code onsets} are the fall onsets (the label's event starts) in
     * the chunk, known up to {@code labelKnownUntil}; {@code membersInDrawdown}, for a panel model only, the share of
     * its members more than {@link Overview#memberDrawdown} below their high of the last 250 days (that day
     * included, nothing later). {@code termStructure}, for a term-structure model only: per horizon in days, the
     * probability of an onset within it on each date.
     */
    public record HistoryChunk(String market, int chunk, int chunks, List<String> dates, List<Double> close,
                               List<Double> probability, List<Boolean> alert, List<Double> volatility,
                               List<String> onsets, String labelKnownUntil, List<String> warnings,
                               String modelSha256, double serverMs, List<Double> membersInDrawdown,
                               java.util.Map<String, List<Double>> termStructure) {
    }

    /** The look-back of a member's high for the page's "members in drawdown" (a trading year). */
    static final int MEMBER_HIGH_DAYS = 250;
    /** A member counts as in drawdown this far below its high when the label names no fall size. */
    static final double DEFAULT_MEMBER_DRAWDOWN = 0.10;

    /**
     * The window ending on {@code asOf}: its score, attention per date, raw feature values per date, and the
     * uploaded or embedded value of each input column on {@code asOf} ({@code columns}, {@code columnValues}), and
     * how much each group of inputs moved its probability from the baseline ({@code attribution}).
     */
    public record WindowDetail(String market, String asOf, double probability, boolean alert, Double volatility,
                               List<String> dates, List<Double> attention, List<String> features,
                               List<List<Double>> values, List<String> columns, List<Double> columnValues,
                               java.util.Map<String, Double> termStructure,
                               io.sysrisk.scoring.Attribution attribution) {
    }

    /**
     * A systemic model's global gauges, from the state it carries, one value per day of the system calendar: the VIX
     * close, the term spread (10-year minus 1-year yield, percentage points) and the absorption ratio of the eight
     * indices; each day's value is what was known after that day's US close (a market reads it the day after).
     */
    public record SystemView(String modelVersion, String from, String to, List<String> dates, List<Double> vix,
                             List<Double> termSpread, List<Double> absorptionRatio, List<String> inputs,
                             List<String> inWords) {
    }

    /** The served systemic model's gauges ({@link SystemView}); refused for a model that reads no systemic state. */
    public SystemView system() {
        ModelManifest m = service.manifest();
        io.sysrisk.features.SystemicState state = service.scorer().systemicState();
        if (state == null) {
            throw new NotFoundException("model " + m.version() + " reads no systemic state: serve the systemic model "
                    + "(sysrisk.model.version=systemic) for the system's gauges");
        }
        double[] vix = state.column(io.sysrisk.features.SystemicInput.VIX_LOG);
        double[] spread = state.column(io.sysrisk.features.SystemicInput.TERM_SPREAD);
        double[] ar = state.column(io.sysrisk.features.SystemicInput.ABSORPTION_RATIO);
        List<String> dates = new ArrayList<>(vix.length);
        List<Double> v = new ArrayList<>(vix.length);
        List<Double> t = new ArrayList<>(vix.length);
        List<Double> a = new ArrayList<>(vix.length);
        for (int i = 0; i < vix.length; i++) {
            dates.add(state.dates().get(i).toString());
            v.add(finite(Math.exp(vix[i])));
            t.add(finite(spread[i]));
            a.add(finite(ar[i]));
        }
        List<String> inputs = m.input().systemicInputs();
        return new SystemView(m.version(), dates.get(0), dates.get(dates.size() - 1), dates, v, t, a, inputs,
                inputs.stream().map(id -> io.sysrisk.features.SystemicInput.fromId(id).words()).toList());
    }

    /**
     * Every embedded market on one day, each with how each group of inputs moved its probability
     * ({@link io.sysrisk.scoring.Attribution}); {@code asOf} per market is its last trading day on or before the day
     * asked (a market that cannot be scored then is left out, with why in {@code notScored}).
     */
    public record SystemAttribution(String modelVersion, String date, String baseline,
                                    List<MarketAttribution> markets, List<String> notScored) {
    }

    /** One market's attribution on its day. */
    public record MarketAttribution(String market, String asOf, io.sysrisk.scoring.Attribution attribution) {
    }

    /** {@link SystemAttribution} on {@code date}: the page's "what moved each market" for a chosen day. */
    public SystemAttribution systemAttribution(String date) {
        if (date == null || date.isBlank()) {
            throw new InvalidRequestException("which day? send ?date=YYYY-MM-DD");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date.strip());
        } catch (RuntimeException e) {
            throw new InvalidRequestException("date '" + date + "' is not an ISO date (YYYY-MM-DD)");
        }
        List<MarketAttribution> out = new ArrayList<>();
        List<String> not = new ArrayList<>();
        for (Market market : markets()) {
            MarketData data = market.data();
            int t = data.indexOnOrAfter(day.plusDays(1)) - 1;
            if (t < firstScorable(data)) {
                not.add(market.name() + ": no scorable day on or before " + day);
                continue;
            }
            LocalDate asOf = data.dates().get(t);
            if (java.time.temporal.ChronoUnit.DAYS.between(asOf, day) > io.sysrisk.features.SystemicState
                    .MAX_STALE_DAYS) {
                not.add(market.name() + ": its last close before " + day + " is " + asOf);
                continue;
            }
            int first = service.manifest().input().requiredDays() - 1;
            try {
                out.add(new MarketAttribution(market.name(), asOf.toString(),
                        service.attribution(request(data, t - first - MARGIN, t, t, false, null))));
            } catch (InvalidRequestException e) {
                not.add(market.name() + ": " + e.getMessage());
            }
        }
        return new SystemAttribution(service.manifest().version(), day.toString(),
                io.sysrisk.scoring.Attribution.BASELINE, out, not);
    }

    /** A value for JSON, to 4 decimals (the page draws it): null where there is none. */
    private static Double finite(double x) {
        return Double.isFinite(x) ? Math.round(x * 1e4) / 1e4 : null;
    }

    public Overview overview() {
        ModelManifest m = service.manifest();
        boolean closeOnly = closeOnly(m);
        List<MarketInfo> list = new ArrayList<>();
        if (closeOnly) {
            for (Market market : markets()) {
                boolean inTraining = m.data() != null
                        && m.data().stream().anyMatch(d -> d.name().equals(market.data().source()));
                list.add(info(market.name(), market.about(), market.data(), inTraining));
            }
        }
        ModelManifest.AlarmRule alarm = m.alarmAt(service.preference());
        String by = alarm.by();
        return new Overview(m.version(), service.modelSha256(), m.createdAt(), closeOnly, m.label().describe(), by,
                by.equals(ModelManifest.AlarmRule.MODEL) ? alarm.threshold() : m.threshold(),
                by.equals(ModelManifest.AlarmRule.VOLATILITY) ? alarm.threshold() : null, m.input().window(),
                m.input().requiredDays(), chunkDates(), config.serving().maxDays(), list, card(m),
                m.input().columns(), panel(m) ? m.input().indexColumn() : null,
                panel(m) ? memberDrawdown(m) : null, m.horizons(), m.model().servedHorizon(),
                io.sysrisk.serving.ModelInfo.alarms(m, service.preference()), m.input().systemic());
    }

    /** A model of an index and its members (the page draws the members' state). */
    private static boolean panel(ModelManifest m) {
        return m.input().kind() == io.sysrisk.data.InputKind.PANEL && m.input().indexColumn() != null
                && m.input().columns().size() > 1;
    }

    /** The label's fall size, so that "in drawdown" means what a fall means to the model. */
    private static double memberDrawdown(ModelManifest m) {
        return m.label() instanceof LabelDefinition.Onset o ? o.threshold()
                : m.label() instanceof LabelDefinition.FutureDrawdown d ? d.threshold() : DEFAULT_MEMBER_DRAWDOWN;
    }

    private static Card card(ModelManifest m) {
        int members = m.ensemble() == null ? 1 : m.ensemble().config().members();
        String training = m.training() == null ? null : String.format(java.util.Locale.ROOT,
                "%d epochs run, best epoch %d, %.0f s on %s, seed %d", m.training().epochsRun(),
                m.training().bestEpoch(), m.training().seconds(), m.training().device(),
                m.training().config().seed());
        if (m.ensemble() != null) {
            training = members + " members (seeds " + m.ensemble().config().seeds() + "), best epochs "
                    + m.ensemble().members().stream().map(r -> String.valueOf(r.bestEpoch())).toList() + "; " + training;
        }
        String calibration = m.ensemble() == null ? "none (the network's own sigmoid)"
                : m.ensemble().config().hazards() != null ? "Platt per interval between the horizons " + m.horizons()
                + " days: each interval's mean member hazard, logit = scale x logit + shift, (scale, shift) = "
                + m.ensemble().config().hazards().stream().map(c -> String.format(java.util.Locale.ROOT,
                "(%.3f, %+.3f)", c.scale(), c.shift())).toList() + ", fitted on held-back calibration days"
                : String.format(
                java.util.Locale.ROOT, "Platt: logit = %.3f x logit(mean member probability) %+.3f, fitted on "
                        + "held-back calibration days", m.ensemble().config().calibrationScale(),
                m.ensemble().config().calibrationShift());
        boolean learned = m.ensemble() != null
                ? m.ensemble().members().stream().anyMatch(r -> r.bestEpoch() > 0)
                : m.training() == null || m.training().bestEpoch() > 0;
        return new Card(m.architecture(), m.input().features(), members, training, calibration, m.data(), m.alarm(),
                learned && m.model().attention());
    }

    public HistoryChunk history(String marketId, int chunk) {
        return history(marketId, chunk, null);
    }

    /** As {@link #history(String, int)}, alerting at {@code preference} (null: the function's default). */
    public HistoryChunk history(String marketId, int chunk, Double preference) {
        Market market = market(marketId);
        return history(market.name(), market.data(), chunk, preference);
    }

    public HistoryChunk uploadedHistory(String csv, int chunk) {
        return uploadedHistory(csv, chunk, null);
    }

    public HistoryChunk uploadedHistory(String csv, int chunk, Double preference) {
        return history("upload", upload(csv), chunk, preference);
    }

    public WindowDetail window(String marketId, String date) {
        return window(marketId, date, null);
    }

    public WindowDetail window(String marketId, String date, Double preference) {
        Market market = market(marketId);
        return window(market.name(), market.data(), date, preference);
    }

    public WindowDetail uploadedWindow(String csv, String date) {
        return uploadedWindow(csv, date, null);
    }

    public WindowDetail uploadedWindow(String csv, String date, Double preference) {
        return window("upload", upload(csv), date, preference);
    }

    private HistoryChunk history(String name, MarketData data, int chunk, Double preference) {
        long t0 = System.nanoTime();
        ModelManifest m = service.manifest();
        int first = firstScorable(data);
        int n = data.size();
        int per = chunkDates();
        int chunks = chunks(n, first, per);
        if (chunks == 0) {
            throw new InvalidRequestException(name + " has " + n + " daily rows; the model needs at least "
                    + m.input().requiredDays() + " (window " + m.input().window() + " + look-back "
                    + m.input().lookbackDays() + ")");
        }
        if (chunk < 0 || chunk >= chunks) {
            throw new InvalidRequestException("chunk " + chunk + " does not exist; " + name + " has chunks 0.."
                    + (chunks - 1));
        }
        int start = first + chunk * per;
        int end = Math.min(n - 1, start + per - 1);
        // The request holds the chunk's dates and the look-back before them, not the history before that.
        int lookback = m.input().requiredDays() - 1;
        ScoreResponse r = service.score(request(data, start - lookback - MARGIN, end, start, false, preference));
        double[] close = io.sysrisk.data.PriceLevels.marketLevel(data);
        List<String> dates = new ArrayList<>(r.scores().size());
        List<Double> closes = new ArrayList<>(r.scores().size());
        List<Double> p = new ArrayList<>(r.scores().size());
        List<Boolean> alert = new ArrayList<>(r.scores().size());
        List<Double> vol = new ArrayList<>(r.scores().size());
        java.util.Map<String, List<Double>> terms = m.horizons() == null ? null : new java.util.LinkedHashMap<>();
        for (int i = 0; i < r.scores().size(); i++) {
            ScoreResponse.Score s = r.scores().get(i);
            dates.add(s.asOf());
            closes.add(close[start + i]);
            p.add(s.probability());
            alert.add(s.alert());
            vol.add(s.volatility());
            if (terms != null) {
                s.termStructure().forEach((h, v) -> terms.computeIfAbsent(h, k -> new ArrayList<>()).add(v));
            }
        }
        LabelDefinition label = m.label();
        List<String> onsets = new ArrayList<>();
        String knownUntil = null;
        if (label instanceof LabelDefinition.Onset onset) {
            for (int row : Labeler.onsets(data, onset)) {
                if (row >= start && row <= end) {
                    onsets.add(data.dates().get(row).toString());
                }
            }
            // A fall starting on day s is known once its h days have passed.
            int known = n - 1 - onset.horizon();
            knownUntil = known < 0 ? null : data.dates().get(known).toString();
        }
        List<String> warnings = r.warnings().stream().map(w -> w.message()).toList();
        return new HistoryChunk(name, chunk, chunks, dates, closes, p, alert, vol, onsets, knownUntil, warnings,
                r.modelSha256(), Math.round((System.nanoTime() - t0) / 1e4) / 100.0,
                panel(m) ? membersInDrawdown(data, start, start + r.scores().size() - 1, memberDrawdown(m)) : null,
                terms);
    }

    /**
     * Per row {@code from..to}: the share of the members whose value is more than {@code fall} below their highest
     * of the last {@link #MEMBER_HIGH_DAYS} rows up to that row (a member without a value that day is left out).
     */
    static List<Double> membersInDrawdown(MarketData data, int from, int to, double fall) {
        List<String> members = data.members();
        List<Double> out = new ArrayList<>(Math.max(0, to - from + 1));
        for (int t = from; t <= to; t++) {
            int down = 0;
            int seen = 0;
            for (String c : members) {
                double[] v = data.column(c);
                if (!(v[t] > 0)) {
                    continue;
                }
                double high = v[t];
                for (int k = Math.max(0, t - MEMBER_HIGH_DAYS + 1); k < t; k++) {
                    high = v[k] > high ? v[k] : high;
                }
                seen++;
                down += v[t] < (1 - fall) * high ? 1 : 0;
            }
            out.add(seen == 0 ? null : (double) down / seen);
        }
        return out;
    }

    private WindowDetail window(String name, MarketData data, String date, Double preference) {
        if (date == null || date.isBlank()) {
            throw new InvalidRequestException("which window? send ?date=YYYY-MM-DD");
        }
        LocalDate asOf;
        try {
            asOf = LocalDate.parse(date);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("date '" + date + "' is not an ISO date (YYYY-MM-DD)");
        }
        ModelManifest m = service.manifest();
        int t = data.indexOnOrAfter(asOf);
        int first = m.input().requiredDays() - 1;
        int scorable = firstScorable(data);
        if (t >= data.size() || !data.dates().get(t).equals(asOf) || t < scorable) {
            throw new InvalidRequestException(asOf + " is not a scorable date of " + name + " (scorable: "
                    + data.dates().get(Math.min(scorable, data.size() - 1)) + ".." + data.dates().get(data.size() - 1)
                    + ", trading days only)");
        }
        ScoreRequest request = request(data, t - first - MARGIN, t, t, true, preference);
        ScoreResponse r = service.score(request);
        ScoreResponse.Score s = r.scores().get(0);
        MarketScorer.FeatureRows rows;
        try {
            rows = service.scorer().featureRows(data, asOf);
        } catch (DataValidationException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        List<List<Double>> values = new ArrayList<>();
        for (double[] row : rows.values()) {
            List<Double> v = new ArrayList<>(row.length);
            for (double x : row) {
                v.add(x);
            }
            values.add(v);
        }
        List<Double> columnValues = new ArrayList<>();
        for (String c : m.input().columns()) {
            columnValues.add(data.column(c)[t]);
        }
        return new WindowDetail(name, s.asOf(), s.probability(), s.alert(), s.volatility(),
                s.attention().stream().map(ScoreResponse.Weight::date).toList(),
                s.attention().stream().map(ScoreResponse.Weight::weight).toList(), rows.features(), values,
                m.input().columns(), columnValues, s.termStructure(), service.attribution(request));
    }

    /**
     * A POST /score request for rows {@code from..to} of {@code data} (from below 0 means 0), scoring dates
     * {@code rows[score]..rows[to]}, with every column the served model reads.
     */
    private ScoreRequest request(MarketData data, int from, int to, int score, boolean attention,
                                 Double preference) {
        from = Math.max(0, from);
        List<String> dates = new ArrayList<>(to - from + 1);
        for (int i = from; i <= to; i++) {
            dates.add(data.dates().get(i).toString());
        }
        Map<String, List<Double>> series = new java.util.LinkedHashMap<>();
        for (String c : service.manifest().input().columns()) {
            double[] v = data.column(c);
            List<Double> values = new ArrayList<>(to - from + 1);
            for (int i = from; i <= to; i++) {
                values.add(Double.isNaN(v[i]) ? null : v[i]);
            }
            series.put(c, values);
        }
        return new ScoreRequest(dates, series, data.dates().get(score).toString(),
                data.dates().get(to).toString(), null, null, attention, preference);
    }

    /**
     * An uploaded CSV of {@code date} and the served model's columns ({@code date,close} for a close-only model),
     * read by the CLI's reader with the model's load options (every error names its line and column), held to the
     * API's row limit.
     */
    private MarketData upload(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new InvalidRequestException("the file is empty; expected a header 'date,"
                    + String.join(",", service.manifest().input().columns()) + "' and one row per day");
        }
        MarketData data;
        try {
            data = CsvMarketLoader.load(new StringReader(csv), "the file", service.manifest().loadOptions());
        } catch (DataValidationException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        List<String> missing = service.manifest().input().columns().stream()
                .filter(c -> !data.columns().contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("the file has no column " + String.join(", ", missing) + "; model "
                    + service.manifest().version() + " reads a header 'date,"
                    + String.join(",", service.manifest().input().columns()) + "' (it has " + data.columns() + ")");
        }
        if (data.size() > config.serving().maxDays()) {
            throw new InvalidRequestException("the file has " + data.size() + " daily rows; at most "
                    + config.serving().maxDays() + " (the API's limit): send the most recent ones");
        }
        return data;
    }

    private Market market(String id) {
        requireCloseOnly();
        return markets().stream().filter(m -> m.name().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("unknown market '" + id + "'; known: "
                        + markets().stream().map(Market::name).toList()));
    }

    private List<Market> markets() {
        List<Market> list = markets;
        if (list == null) {
            synchronized (this) {
                if (markets == null) {
                    // A systemic model reads the panel's state: its markets are the panel's eight indices.
                    markets = List.copyOf(service.manifest().input().systemic()
                            ? io.sysrisk.research.data.SystemicPanel.markets() : Markets.embedded());
                }
                list = markets;
            }
        }
        return list;
    }

    private MarketInfo info(String id, String about, MarketData data, boolean inTraining) {
        int first = firstScorable(data);
        return new MarketInfo(id, about, data.dates().get(0).toString(), data.dates().get(data.size() - 1).toString(),
                data.size(), first < data.size() ? data.dates().get(first).toString() : null,
                chunks(data.size(), first, chunkDates()), inTraining);
    }

    /**
     * The first row of {@code data} the served model scores: after its feature look-back and window, and for a
     * systemic model inside the state it carries; a market with none counts as too short.
     */
    private int firstScorable(MarketData data) {
        try {
            return service.scorer().firstScorableRow(data);
        } catch (io.sysrisk.data.DataValidationException e) {
            return data.size();
        }
    }

    private static int chunks(int rows, int first, int per) {
        return rows <= first ? 0 : (rows - first + per - 1) / per;
    }

    private int chunkDates() {
        return config.serving().maxScoredDates();
    }

    /** The page reads one close per day; models of other inputs are served by the API only. */
    private static boolean closeOnly(ModelManifest m) {
        return m.input().columns().equals(List.of(Market.CLOSE));
    }

    private void requireCloseOnly() {
        ModelManifest m = service.manifest();
        if (!closeOnly(m)) {
            throw new InvalidRequestException("the risk page scores close-only models; model " + m.version()
                    + " reads " + m.input().columns() + ": use POST /score");
        }
    }
}
