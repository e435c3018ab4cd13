package io.sysrisk.serving;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import io.sysrisk.data.DataValidationException;
import io.sysrisk.inference.JavaModel;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.scoring.DatedScore;
import io.sysrisk.scoring.Attribution;
import io.sysrisk.scoring.MarketScorer;
import io.sysrisk.scoring.Plausibility;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;

/**
 * The one scoring service behind the Lambda function and the REST endpoints. Loads the model eagerly at startup
 * (a missing, corrupt or unknown model stops the application with the store's message) and warms it with one
 * request through the same path a client's takes. Scores with the pure-Java forward pass ({@link JavaModel}:
 * immutable and thread-safe, no native library, no pool); the function carries no DJL.
 */
@Startup
@ApplicationScoped
public class ScoringService {

    private static final Logger LOG = Logger.getLogger(ScoringService.class);

    private final ServingConfig config;
    private ModelManifest manifest;
    private MarketScorer scorer;
    /** The markets the served version carries, to be scored by name (empty for most versions). */
    private List<io.sysrisk.data.Market> carriedMarkets;
    private JavaModel model;
    /** SHA-256 of the parameter bytes the served model was built from: names the exact model in every answer. */
    private String modelSha256;
    private volatile boolean ready;
    private ModelLocator.Location location;

    public ScoringService(ServingConfig config) {
        this.config = config;
    }

    @PostConstruct
    void start() {
        long t0 = System.nanoTime();
        String version = config.model().version();
        location = ModelLocator.locate(config.model().store(), version, config.model().fallbackToPackaged());
        Path root = location.root();
        ModelStore store = new ModelStore(root);
        // One consistent read: manifest and parameters of the same version, even during a replace.
        ModelStore.Loaded loaded = store.loaded(version);
        manifest = loaded.manifest();
        model = loaded.model();
        modelSha256 = loaded.parametersSha256();
        scorer = new MarketScorer(manifest, loaded.systemicState());
        carriedMarkets = loaded.carriedMarkets();
        try {
            manifest.alarmAt(config.alarm().preference());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sysrisk.alarm.preference: " + e.getMessage(), e);
        }
        if (config.serving().warmUp()) {
            warmUp();
        }
        ready = true;
        LOG.infof("model %s loaded from %s%s in %.0f ms", version, root, config.serving().warmUp() ? ", warmed" : "",
                (System.nanoTime() - t0) / 1e6);
    }

    /** A feature window of each feature's training mean, scored as a client's request would be. */
    private void warmUp() {
        ModelManifest.InputSpec in = manifest.input();
        List<Double> row = new ArrayList<>();
        for (double mean : manifest.normalization().mean()) {
            row.add(mean);
        }
        List<List<Double>> window = new ArrayList<>();
        for (int i = 0; i < in.window(); i++) {
            window.add(row);
        }
        score(new ScoreRequest(null, null, null, null, window, null));
    }

    @PreDestroy
    void stop() {
        ready = false;
        if (location != null && location.extracted()) {
            try {
                ModelStore.deleteTree(location.root());
            } catch (RuntimeException e) {
                LOG.debugf("could not delete the extracted model copy %s: %s", location.root(), e.getMessage());
            }
        }
    }

    public boolean ready() {
        return ready;
    }

    /** The preference of the alarm a request gets when it names none ({@code sysrisk.alarm.preference}). */
    public double preference() {
        return config.alarm().preference();
    }

    /** The SHA-256 of the served model's parameter bytes. */
    public String modelSha256() {
        return modelSha256;
    }

    /** The scorer of the served model (with the systemic state a systemic model carries). */
    public MarketScorer scorer() {
        return scorer;
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /**
     * The one scoring path of both fronts: parse (every check), score (dated scores for either kind of request),
     * answer. A data error found while scoring (a feature that is not finite, no date with a full window) is the
     * caller's: it becomes the 400 here, and only here.
     */
    public ScoreResponse score(ScoreRequest request) {
        long t0 = System.nanoTime();
        if (request != null && request.embedded() != null) {
            return several(t0, request, RequestParser.embedded(request, manifest, carriedMarkets), null);
        }
        if (request != null && request.markets() != null) {
            java.util.Map<String, RequestParser.Named> named = new java.util.LinkedHashMap<>();
            RequestParser.markets(request).forEach((name, rows) -> named.put(name, new RequestParser.Named(rows, null)));
            return several(t0, request, named, RequestParser.system(request.system(), manifest,
                    config.serving().maxDays()));
        }
        ModelManifest m = manifest;
        List<Plausibility.Warning> warnings = new ArrayList<>();
        List<DatedScore> dated;
        long t1;
        long t2;
        try {
            RequestParser.Valid valid = RequestParser.parse(request, m, config.serving().maxDays(),
                    config.serving().maxScoredDates(), config.alarm().preference());
            if (valid instanceof RequestParser.Window w) {
                WindowBatch batch = scorer.featureWindow(w.raw(), warnings);
                t1 = System.nanoTime();
                dated = List.of(scorer.predictWindow(batch, w.asOf(), w.lastVolatility(), w.rule(), model));
            } else {
                RequestParser.History h = (RequestParser.History) valid;
                MarketScorer on = scorerFor(h.system());
                MarketScorer.Windows windows = on.windows(h.data(), h.from(), h.to(), h.rule());
                warnings.addAll(windows.warnings());
                t1 = System.nanoTime();
                dated = on.predict(windows, model);
            }
            t2 = System.nanoTime();
            boolean attention = valid.attention();
            List<ScoreResponse.Score> scores = dated.stream().map(d -> toScore(d, attention, m.horizons())).toList();
            ScoreResponse.Timing timing = new ScoreResponse.Timing(ms(t0, t2), ms(t0, t1), ms(t1, t2));
            ModelManifest.AlarmRule rule = valid.rule();
            ScoreResponse.Alarm alarm = new ScoreResponse.Alarm(valid.preference(), rule.by(), rule.threshold());
            return new ScoreResponse(m.version(), modelSha256, m.threshold(), alarm, scores, timing, null, null,
                    List.copyOf(warnings));
        } catch (DataValidationException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    /** The scorer reading {@code system} (a request's own state), or the served one (null). */
    private MarketScorer scorerFor(io.sysrisk.features.SystemicState system) {
        return system == null ? scorer : scorer.withState(system, "the state of the system the request sent (each "
                + "day's with its " + io.sysrisk.features.SystemicState.LOOKBACK_DAYS + "-day look-back)");
    }

    /**
     * A request of several markets (sent, or carried and named): the shared parts (preference, system) checked once,
     * the system's state computed once ({@code system}, null: the carried one), then each market scored alone as a
     * one-market request with those parts would be; a market's problem is its own answer's (status 400 and error),
     * not the request's.
     */
    private ScoreResponse several(long t0, ScoreRequest request, java.util.Map<String, RequestParser.Named> markets,
                                  io.sysrisk.features.SystemicState system) {
        ModelManifest m = manifest;
        double mu = request.preference() == null ? config.alarm().preference() : request.preference();
        ModelManifest.AlarmRule rule = RequestParser.rule(m, mu);
        MarketScorer on = scorerFor(system);
        java.util.Map<String, ScoreResponse> answers = new java.util.LinkedHashMap<>();
        double featuresMs = 0;
        double inferenceMs = 0;
        for (var e : markets.entrySet()) {
            if (e.getValue().refused() != null) {
                answers.put(e.getKey(), ScoreResponse.error(400, e.getValue().refused()));
                continue;
            }
            ScoreRequest.MarketRequest rows = e.getValue().rows();
            ScoreRequest one = new ScoreRequest(rows.dates(), rows.series(), request.from(),
                    request.to(), null, null, request.attention(), request.preference());
            try {
                long a = System.nanoTime();
                RequestParser.History h = (RequestParser.History) RequestParser.parse(one, m,
                        config.serving().maxDays(), config.serving().maxScoredDates(), config.alarm().preference());
                MarketScorer.Windows windows = on.windows(h.data(), h.from(), h.to(), h.rule());
                long b = System.nanoTime();
                List<DatedScore> dated = on.predict(windows, model);
                long c = System.nanoTime();
                featuresMs += (b - a) / 1e6;
                inferenceMs += (c - b) / 1e6;
                boolean attention = h.attention();
                answers.put(e.getKey(), new ScoreResponse(null, null, null, null, dated.stream()
                        .map(d -> toScore(d, attention, m.horizons())).toList(), null, null, null,
                        List.copyOf(windows.warnings())));
            } catch (InvalidRequestException | DataValidationException x) {
                answers.put(e.getKey(), ScoreResponse.error(400, x.getMessage()));
            }
        }
        ScoreResponse.Timing timing = new ScoreResponse.Timing(ms(t0, System.nanoTime()),
                Math.round(featuresMs * 100) / 100.0, Math.round(inferenceMs * 100) / 100.0);
        return new ScoreResponse(m.version(), modelSha256, m.threshold(), new ScoreResponse.Alarm(mu, rule.by(),
                rule.threshold()), null, timing, null, null, null, answers);
    }

    /**
     * How each group of the served model's inputs moved the probability of the last date {@code request} scores
     * ({@link Attribution}): the market's own features one by one, or for a systemic model the market's features
     * together and each kind of systemic input. The request is read exactly as {@link #score} reads it (the same
     * checks, the same days), so the attribution's probability is the answer's.
     */
    public Attribution attribution(ScoreRequest request) {
        try {
            RequestParser.Valid valid = RequestParser.parse(request, manifest, config.serving().maxDays(),
                    config.serving().maxScoredDates(), config.alarm().preference());
            if (!(valid instanceof RequestParser.History h)) {
                throw new InvalidRequestException("an attribution needs the market's 'dates' and 'series'");
            }
            MarketScorer on = scorerFor(h.system());
            java.time.LocalDate last = h.to() == null ? h.data().dates().get(h.data().size() - 1) : h.to();
            MarketScorer.Windows w = on.windows(h.data(), last, last, h.rule());
            ModelManifest.InputSpec in = manifest.input();
            return Attribution.of(w.data(), w.window(), w.features(), Attribution.groups(in.features(),
                    in.systemicInputs()), in.channels(), model);
        } catch (DataValidationException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    /** A dated score as answered; a feature window sent without dates has no dates for its score or its weights. */
    private static ScoreResponse.Score toScore(DatedScore d, boolean attention, List<Integer> horizons) {
        List<ScoreResponse.Weight> weights = null;
        if (attention) {
            weights = new ArrayList<>(d.attention().length);
            for (int i = 0; i < d.attention().length; i++) {
                weights.add(new ScoreResponse.Weight(d.windowDates() == null ? null : d.windowDates().get(i).toString(),
                        d.attention()[i]));
            }
        }
        return new ScoreResponse.Score(d.asOf() == null ? null : d.asOf().toString(), d.probability(),
                termStructure(d.termStructure(), horizons), d.alert(),
                Double.isFinite(d.volatility()) ? d.volatility() : null, weights);
    }

    /** A term structure keyed by its horizons in days, ascending (null for a one-horizon model). */
    static java.util.Map<String, Double> termStructure(double[] p, List<Integer> horizons) {
        if (p == null) {
            return null;
        }
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (int k = 0; k < p.length; k++) {
            out.put(Integer.toString(horizons.get(k)), p[k]);
        }
        return out;
    }

    private static double ms(long from, long to) {
        return Math.round((to - from) / 1e4) / 100.0;
    }
}
