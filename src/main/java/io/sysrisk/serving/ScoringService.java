package io.sysrisk.serving;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.djl.inference.Predictor;
import io.quarkus.runtime.Startup;
import io.sysrisk.data.DataValidationException;
import io.sysrisk.data.MarketData;
import io.sysrisk.evaluation.Scoring;
import io.sysrisk.inference.JavaModel;
import io.sysrisk.inference.WindowScorer;
import io.sysrisk.model.WindowBatch;
import io.sysrisk.model.WindowScore;
import io.sysrisk.scoring.DatedScore;
import io.sysrisk.scoring.MarketScorer;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;
import io.sysrisk.store.StoredModel;
import io.sysrisk.training.Devices;

/**
 * The one scoring service behind the Lambda function and the REST endpoints. Loads the model eagerly at startup
 * (a missing, corrupt or unknown model stops the application with the store's message) and warms it with one
 * inference. The default engine is the pure-Java forward pass ({@link JavaModel}: immutable, thread-safe, no native
 * library); with {@code sysrisk.model.engine=djl} it scores through a pool of DJL predictors, since a DJL predictor
 * is not thread-safe.
 */
@Startup
@ApplicationScoped
public class ScoringService {

    private static final Logger LOG = Logger.getLogger(ScoringService.class);

    private final ServingConfig config;
    private ModelManifest manifest;
    private MarketScorer scorer;
    private JavaModel javaModel;
    private StoredModel djlModel;
    private BlockingQueue<Predictor<WindowBatch, List<WindowScore>>> predictors;
    private final List<Predictor<WindowBatch, List<WindowScore>>> allPredictors = new ArrayList<>();
    private volatile boolean ready;
    private ModelLocator.Location location;

    public ScoringService(ServingConfig config) {
        this.config = config;
    }

    @PostConstruct
    void start() {
        long t0 = System.nanoTime();
        String version = config.model().version();
        String engine = config.model().engine();
        location = ModelLocator.locate(config.model().store(), version);
        Path root = location.root();
        ModelManifest.InputSpec in;
        WindowBatch warmUp;
        switch (engine) {
            case "java" -> {
                ModelStore store = new ModelStore(root);
                manifest = store.manifest(version);
                javaModel = store.javaModel(version);
                in = manifest.input();
                warmUp = new WindowBatch(1, in.window(), in.features().size(), new float[in.window() * in.features().size()]);
                if (config.serving().warmUp()) {
                    javaModel.score(warmUp);
                }
            }
            case "djl" -> {
                io.sysrisk.EngineDefaults.apply();
                djlModel = new ModelStore(root).load(version, Devices.choose("auto"));
                manifest = djlModel.manifest();
                in = manifest.input();
                warmUp = new WindowBatch(1, in.window(), in.features().size(), new float[in.window() * in.features().size()]);
                int n = Math.max(1, config.serving().predictors());
                predictors = new ArrayBlockingQueue<>(n);
                for (int i = 0; i < n; i++) {
                    Predictor<WindowBatch, List<WindowScore>> p = djlModel.newPredictor();
                    if (config.serving().warmUp()) {
                        Scoring.predict(p, warmUp);
                    }
                    allPredictors.add(p);
                    predictors.add(p);
                }
            }
            default -> throw new IllegalStateException("sysrisk.model.engine must be java or djl, got '" + engine + "'");
        }
        scorer = new MarketScorer(manifest);
        ready = true;
        LOG.infof("model %s loaded from %s (engine %s%s) in %.0f ms", version, root, engine,
                config.serving().warmUp() ? ", warmed" : "", (System.nanoTime() - t0) / 1e6);
    }

    @PreDestroy
    void stop() {
        ready = false;
        allPredictors.forEach(Predictor::close);
        if (djlModel != null) {
            djlModel.close();
        }
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

    public ModelManifest manifest() {
        return manifest;
    }

    public ScoreResponse score(ScoreRequest request) {
        long t0 = System.nanoTime();
        if (request == null) {
            throw new InvalidRequestException("empty request: send 'dates' and 'series' (daily observations) or "
                    + "'featureWindow'");
        }
        RequestParser.requireNoMix(request);
        ModelManifest m = manifest;
        List<ScoreResponse.Score> scores;
        long t1;
        long t2;
        if (request.featureWindow() != null) {
            double[][] raw = RequestParser.featureWindow(request.featureWindow(), m.input());
            String asOf = request.asOf() == null ? null : RequestParser.date("asOf", request.asOf()).toString();
            WindowBatch batch = scorer.featureWindow(raw);
            t1 = System.nanoTime();
            WindowScore s = withModel(model -> model.score(batch)).get(0);
            t2 = System.nanoTime();
            double[] w = MarketScorer.perDate(s.attention(), m.input().window());
            List<ScoreResponse.Weight> weights = new ArrayList<>(w.length);
            for (double v : w) {
                weights.add(new ScoreResponse.Weight(null, v));
            }
            scores = List.of(new ScoreResponse.Score(asOf, s.probability(), s.probability() >= m.threshold(), weights));
        } else {
            MarketData data = RequestParser.marketData(request, m.input(), config.serving().maxDays());
            LocalDate from = request.from() == null ? null : RequestParser.date("from", request.from());
            LocalDate to = request.to() == null ? null : RequestParser.date("to", request.to());
            if (from == null) {
                from = to == null ? data.dates().get(data.size() - 1) : to;
            }
            MarketScorer.Windows windows;
            try {
                windows = scorer.windows(data, from, to);
            } catch (DataValidationException e) {
                throw new InvalidRequestException(e.getMessage());
            }
            if (windows.count() > config.serving().maxScoredDates()) {
                throw new InvalidRequestException("the range asks for " + windows.count() + " dates; at most "
                        + config.serving().maxScoredDates() + " per request");
            }
            t1 = System.nanoTime();
            List<DatedScore> dated = withModel(model -> scorer.predict(windows, model));
            t2 = System.nanoTime();
            scores = dated.stream().map(ScoringService::toScore).toList();
        }
        ScoreResponse.Timing timing = new ScoreResponse.Timing(ms(t0, t2), ms(t0, t1), ms(t1, t2));
        return new ScoreResponse(m.version(), m.threshold(), scores, timing, null, null);
    }

    private static ScoreResponse.Score toScore(DatedScore d) {
        List<ScoreResponse.Weight> weights = new ArrayList<>(d.attention().length);
        for (int i = 0; i < d.attention().length; i++) {
            weights.add(new ScoreResponse.Weight(d.windowDates().get(i).toString(), d.attention()[i]));
        }
        return new ScoreResponse.Score(d.asOf().toString(), d.probability(), d.alert(), weights);
    }

    /** The java engine is thread-safe; a DJL predictor is borrowed from the pool for the call. */
    private <T> T withModel(java.util.function.Function<WindowScorer, T> work) {
        if (javaModel != null) {
            return work.apply(javaModel);
        }
        Predictor<WindowBatch, List<WindowScore>> p;
        try {
            p = predictors.poll(config.serving().acquireTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceBusyException("interrupted while waiting for a free predictor");
        }
        if (p == null) {
            throw new ServiceBusyException("all " + allPredictors.size() + " predictors stayed busy for "
                    + config.serving().acquireTimeout().toMillis() + " ms; retry later");
        }
        try {
            return work.apply(Scoring.scorer(p));
        } finally {
            predictors.add(p);
        }
    }

    private static double ms(long from, long to) {
        return Math.round((to - from) / 1e4) / 100.0;
    }
}
