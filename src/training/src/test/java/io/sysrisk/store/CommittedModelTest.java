package io.sysrisk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import io.sysrisk.evaluation.EvaluationReport;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.inference.WindowScorer;
import io.sysrisk.model.DjlModels;
import io.sysrisk.model.DjlScoring;
import io.sysrisk.model.StoredModel;
import io.sysrisk.research.data.EmbeddedDataset;
import io.sysrisk.research.data.Markets;
import io.sysrisk.research.experiment.PooledExperiment;
import io.sysrisk.windows.Part;
import io.sysrisk.windows.WindowSet;

/**
 * The models committed in model-store/ (and the old job's sp500 fixture) load, match their provenance, and reproduce their recorded metrics on any
 * x86 CPU. Recomputed with the Java forward pass (the reference; DJL is held to it within 1e-5 here too), compared
 * with what another CPU may move and nothing more: a window within {@link #NEAR} of the threshold may fall on
 * either side (last-bit differences flipped one at 0.2759 vs 0.2609 under a capped oneDNN), and the curves' areas
 * may move by as little as such a swap does.
 */
class CommittedModelTest {

    /** Probabilities from another CPU or engine differ by up to 1e-5; ten times that is "at the threshold". */
    private static final double NEAR = 1e-4;
    private static final double AREA = 1e-4;

    private static void assertReproduces(String what, Metrics recorded, double[] p, int[] y, double threshold) {
        Metrics again = Metrics.of(p, y, threshold);
        int near = 0;
        for (double v : p) {
            near += Math.abs(v - threshold) <= NEAR ? 1 : 0;
        }
        assertEquals(recorded.n(), again.n(), what);
        assertTrue(Math.abs(recorded.tp() - again.tp()) <= near, what + ": tp " + recorded.tp() + " recorded, "
                + again.tp() + " now, " + near + " windows at the threshold");
        assertTrue(Math.abs(recorded.fp() - again.fp()) <= near, what + ": fp " + recorded.fp() + " recorded, "
                + again.fp() + " now, " + near + " windows at the threshold");
        assertEquals(recorded.rocAuc(), again.rocAuc(), AREA, what);
        assertEquals(recorded.prAuc(), again.prAuc(), AREA, what);
    }

    /** Java's probabilities for {@code windows}, after checking DJL's agree with them. */
    private static double[] probabilities(ModelStore store, String version,
                                          Predictor<WindowBatch, List<WindowScore>> djl, WindowSet windows) {
        double[] java = WindowScore.probabilities(WindowScorer.scoreAll(store.javaModel(version), windows.data(),
                windows.window(), windows.features(), windows.size()));
        double[] engine = WindowScore.probabilities(DjlScoring.score(djl, windows));
        for (int i = 0; i < java.length; i++) {
            assertEquals(java[i], engine[i], 1e-5, version + " window " + i + ": DJL against the Java forward pass");
        }
        return java;
    }

    /** The served any-index ensemble: same features, normalization and validation figures as when it was trained. */
    @Test
    void anyIndexModelReproducesItsRecordedValidationMetrics() {
        ModelStore store = new ModelStore(Path.of("model-store"));
        try (StoredModel model = DjlModels.load(store, PooledConfig.DEFAULT_NAME, Device.cpu());
             Predictor<WindowBatch, List<WindowScore>> predictor = model.newPredictor()) {
            ModelManifest m = model.manifest();
            assertEquals(PooledConfig.defaults(), m.pooled(), "trained with today's default experiment");
            assertEquals(5, m.ensemble().config().members());
            assertEquals(List.of("close"), m.input().columns());
            PooledExperiment exp = PooledExperiment.prepare(m.pooled(), Markets.embedded());
            assertEquals(exp.features().ids(), m.input().features());
            for (int j = 0; j < m.normalization().mean().length; j++) {
                assertEquals(exp.normalization().mean()[j], m.normalization().mean()[j], 1e-12);
                assertEquals(exp.normalization().std()[j], m.normalization().std()[j], 1e-12);
            }
            for (ModelManifest.DataFile f : m.data()) {
                assertEquals(EmbeddedDataset.byFileName(f.name()).orElseThrow().sha256(), f.sha256(), f.name());
            }
            double[] p = probabilities(store, PooledConfig.DEFAULT_NAME, predictor, exp.validation());
            assertReproduces("any-index validation", m.metrics().validation(), p, exp.validation().labels(),
                    m.threshold());
            assertEquals(m.metrics().validation().brier(), Metrics.of(p, exp.validation().labels(), m.threshold())
                    .brier(), 1e-6);
        }
    }

    /**
     * The term-structure version (issue 26): the default's experiment with horizons 5, 20 and 60 days; its
     * normalization and recorded validation figures (the 20-day probability) come back from the embedded data.
     */
    @Test
    void anyIndexHorizonsReproducesItsRecordedValidationMetrics() {
        ModelStore store = new ModelStore(Path.of("model-store"));
        try (StoredModel model = DjlModels.load(store, "any-index-horizons", Device.cpu());
             Predictor<WindowBatch, List<WindowScore>> predictor = model.newPredictor()) {
            ModelManifest m = model.manifest();
            assertEquals(PooledConfig.defaults().withHorizons(List.of(5, 20, 60)), m.pooled());
            assertEquals(List.of(5, 20, 60), m.horizons());
            assertEquals(20, m.model().servedHorizon());
            assertEquals(3, m.ensemble().config().hazards().size(), "one calibration per interval");
            PooledExperiment exp = PooledExperiment.prepare(m.pooled(), Markets.embedded());
            for (int j = 0; j < m.normalization().mean().length; j++) {
                assertEquals(exp.normalization().mean()[j], m.normalization().mean()[j], 1e-12);
                assertEquals(exp.normalization().std()[j], m.normalization().std()[j], 1e-12);
            }
            double[] p = probabilities(store, "any-index-horizons", predictor, exp.validation());
            assertReproduces("any-index-horizons validation", m.metrics().validation(), p, exp.validation().labels(),
                    m.threshold());
        }
    }

    /** The S&P 500 OHLCV in the default's shape, one market: its recorded validation figures, again. */
    @Test
    void sp500OhlcvReproducesItsRecordedValidationMetrics() {
        ModelStore store = new ModelStore(Path.of("model-store"));
        try (StoredModel model = DjlModels.load(store, "sp500-ohlcv", Device.cpu());
             Predictor<WindowBatch, List<WindowScore>> predictor = model.newPredictor()) {
            ModelManifest m = model.manifest();
            assertTrue(m.isOneMarket());
            assertEquals(EmbeddedDataset.SP500.sha256(), m.data().get(0).sha256(), "trained on the embedded data");
            io.sysrisk.training.TrainingData data = io.sysrisk.training.TrainingData.of(m.pooled().name(),
                    io.sysrisk.research.experiment.DataSpec.of(EmbeddedDataset.SP500));
            PooledExperiment exp = PooledExperiment.prepareUnchecked(m.pooled(), data.markets(), List.of(),
                    data.trainingOnly(), null);
            assertEquals(exp.features().ids(), m.input().features());
            for (int j = 0; j < m.normalization().mean().length; j++) {
                assertEquals(exp.normalization().mean()[j], m.normalization().mean()[j], 1e-12);
                assertEquals(exp.normalization().std()[j], m.normalization().std()[j], 1e-12);
            }
            double[] p = probabilities(store, "sp500-ohlcv", predictor, exp.validation());
            assertReproduces("sp500-ohlcv validation", m.metrics().validation(), p, exp.validation().labels(),
                    m.threshold());
        }
    }

    /**
     * Three indices of one era from {@code src/examples/three-indices.csv}: trained on that file (same SHA-256), and
     * its recorded validation figures again from it.
     */
    @Test
    void threeIndicesReproducesItsRecordedValidationMetricsFromTheExampleFile() throws Exception {
        ModelStore store = new ModelStore(Path.of("model-store"));
        Path file = Path.of("src", "examples", "three-indices.csv");
        try (StoredModel model = DjlModels.load(store, "three-indices", Device.cpu());
             Predictor<WindowBatch, List<WindowScore>> predictor = model.newPredictor()) {
            ModelManifest m = model.manifest();
            io.sysrisk.training.TrainingData data = io.sysrisk.training.TrainingData.markets(m.pooled().name(), file);
            assertEquals(data.files(), m.data(), "trained on the committed example file");
            assertEquals(ModelStore.sha256(file), m.data().get(0).sha256());
            PooledExperiment exp = PooledExperiment.prepareUnchecked(m.pooled(), data.markets(), List.of(),
                    data.trainingOnly(), null);
            assertEquals(exp.features().ids(), m.input().features());
            double[] p = probabilities(store, "three-indices", predictor, exp.validation());
            assertReproduces("three-indices validation", m.metrics().validation(), p, exp.validation().labels(),
                    m.threshold());
        }
    }

    /**
     * The systemic model of the embedded panel's eight indices: its recorded validation figures again from the panel
     * (the experiment computes the systemic state afresh), and the serving path reads, from the state the version
     * stores, exactly the windows training read: bit for bit, for a US and a European market.
     */
    @Test
    void systemicReproducesItsValidationAndServesTheWindowsItTrainedOn() throws Exception {
        ModelStore store = new ModelStore(Path.of("model-store"));
        Path file = Path.of("src", "datasets", "src", "main", "resources", "datasets", "world_indices_1950_2015.csv");
        try (StoredModel model = DjlModels.load(store, "systemic", Device.cpu());
             Predictor<WindowBatch, List<WindowScore>> predictor = model.newPredictor()) {
            ModelManifest m = model.manifest();
            io.sysrisk.training.TrainingData data = io.sysrisk.training.TrainingData.markets(m.pooled().name(), file);
            assertEquals(data.files(), m.data(), "trained on the embedded panel's index file");
            assertTrue(m.input().systemic() && m.input().systemicState() != null, "reads and carries the state");
            PooledExperiment exp = PooledExperiment.prepareUnchecked(m.pooled(), data.markets(), List.of(),
                    data.trainingOnly(), null);
            assertEquals(m.input().channels(), exp.normalization().features());
            double[] p = probabilities(store, "systemic", predictor, exp.validation());
            assertReproduces("systemic validation", m.metrics().validation(), p, exp.validation().labels(),
                    m.threshold());
            io.sysrisk.features.SystemicState state = store.loaded("systemic").systemicState();
            io.sysrisk.scoring.MarketScorer scorer = new io.sysrisk.scoring.MarketScorer(m, state);
            // A state known before the last close would let a request's market read it on another day: refused.
            java.util.Map<io.sysrisk.features.SystemicInput, double[]> values = new java.util.EnumMap<>(
                    io.sysrisk.features.SystemicInput.class);
            for (io.sysrisk.features.SystemicInput in : io.sysrisk.features.SystemicInput.values()) {
                values.put(in, state.column(in));
            }
            io.sysrisk.features.SystemicState early = new io.sysrisk.features.SystemicState(state.dates(),
                    io.sysrisk.data.Session.US_CLOSE, values);
            org.junit.jupiter.api.Assertions.assertThrows(ModelStoreException.class,
                    () -> new io.sysrisk.scoring.MarketScorer(m, early));
            for (String market : List.of("SP500", "FTSE100")) {
                PooledExperiment.MarketPart part = exp.markets().stream().filter(x -> x.name().equals(market))
                        .findFirst().orElseThrow();
                int[] rows = part.validationRows();
                WindowSet trained = WindowSet.of(part.matrix(), part.labels(), rows, m.input().window(),
                        exp.normalization());
                io.sysrisk.scoring.MarketScorer.Windows served = scorer.windows(part.market().data(),
                        part.matrix().dates().get(rows[0]), part.matrix().dates().get(rows[rows.length - 1]));
                assertEquals(trained.features(), served.features());
                int size = trained.window() * trained.features();
                for (int i = 0; i < rows.length; i++) {
                    int k = served.asOf().indexOf(trained.endDates().get(i));
                    assertTrue(java.util.Arrays.equals(trained.data(), i * size, (i + 1) * size, served.data(),
                            k * size, (k + 1) * size), market + " " + trained.endDates().get(i) + ": the served "
                            + "window is the trained one, systemic inputs included");
                }
            }
        }
    }

    /**
     * The markets the systemic version carries to be scored by name are the panel's index closes, each from its
     * look-back and the request margin before the state's first day to its last close, bit for bit.
     */
    @Test
    void systemicCarriesThePanelsClosesFromItsFirstWindowsLookBack() {
        ModelStore store = new ModelStore(Path.of("model-store"));
        ModelManifest m = store.manifest("systemic");
        java.time.LocalDate stateFrom = java.time.LocalDate.parse(m.input().systemicState().firstDate());
        List<io.sysrisk.data.Market> carried = store.loaded("systemic").carriedMarkets();
        List<io.sysrisk.data.Market> panel = io.sysrisk.research.data.SystemicPanel.markets();
        assertEquals(panel.stream().map(io.sysrisk.data.Market::name).toList(),
                carried.stream().map(io.sysrisk.data.Market::name).toList());
        for (int i = 0; i < panel.size(); i++) {
            io.sysrisk.data.MarketData all = panel.get(i).data();
            io.sysrisk.data.MarketData kept = carried.get(i).data();
            int from = Math.max(0, all.indexOnOrAfter(stateFrom) - m.input().requiredDays()
                    - ModelManifest.CarriedMarkets.MARGIN_DAYS);
            assertEquals(all.dates().subList(from, all.size()), kept.dates(), panel.get(i).name());
            assertTrue(java.util.Arrays.equals(java.util.Arrays.copyOfRange(all.column("close"), from, all.size()),
                    kept.column("close")), panel.get(i).name());
        }
    }
}
