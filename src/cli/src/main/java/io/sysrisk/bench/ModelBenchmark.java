package io.sysrisk.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import ai.djl.translate.TranslateException;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.JavaModel;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.inference.WindowScorer;
import io.sysrisk.model.DjlModels;
import io.sysrisk.model.DjlScoring;
import io.sysrisk.model.SystemicRiskNet;
import io.sysrisk.model.WindowTranslator;
import io.sysrisk.store.ModelStore;
import io.sysrisk.training.ModelTrainer;
import io.sysrisk.training.WeightedBinaryCrossEntropy;
import io.sysrisk.windows.WindowSet;

/**
 * Speed of the reference model at fixed shapes (window 60, 16 features), so the figures can be set beside other
 * implementations: one-window latency, batch-256 throughput and one training epoch over 4,096 windows. Input values
 * are random: speed does not depend on them. Prints one JSON line.
 */
public final class ModelBenchmark {

    public static final int WINDOW = 60;
    public static final int FEATURES = 16;

    private ModelBenchmark() {
    }

    public static String run(int threads, int latencyIterations) throws TranslateException {
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed(1);
        Random rnd = new Random(1);
        SystemicRiskNet net = io.sysrisk.model.Architecture.network(ModelConfig.reference());
        try (Model model = DjlModels.newModel(ModelTrainer.MODEL_NAME, Device.cpu(), net)) {
            WindowSet train = randomWindows(4096, rnd);
            TrainConfig cfg = TrainConfig.defaults();
            WeightedBinaryCrossEntropy loss = new WeightedBinaryCrossEntropy(1f);
            double epochSeconds;
            try (Trainer trainer = model.newTrainer(ModelTrainer.trainingConfig(loss, cfg, Device.cpu()))) {
                trainer.initialize(new Shape(cfg.batchSize(), WINDOW, FEATURES));
                int[] order = new int[train.size()];
                Arrays.setAll(order, i -> i);
                ModelTrainer.trainEpoch(trainer, loss, train, order, cfg, rnd); // warm-up
                long t0 = System.nanoTime();
                int epochs = 2;
                for (int e = 0; e < epochs; e++) {
                    ModelTrainer.trainEpoch(trainer, loss, train, order, cfg, rnd);
                }
                epochSeconds = (System.nanoTime() - t0) / 1e9 / epochs;
            }

            try (Predictor<WindowBatch, List<WindowScore>> predictor = model.newPredictor(new WindowTranslator())) {
                double[] djl = timings(DjlScoring.scorer(predictor), train.data(), WINDOW, FEATURES, latencyIterations);
                // The same trained network through the pure-Java forward pass, in the same run: one window on the calling
                // thread, a batch of 256 on the common fork-join pool (JavaModel).
                JavaModel java = JavaModel.of(ModelConfig.reference(), null, FEATURES, DjlModels.tensors(net));
                WindowBatch b256 = WindowBatch.slice(train.data(), WINDOW, FEATURES, 0, 256);
                List<WindowScore> djlScores = predictor.predict(b256);
                List<WindowScore> javaScores = java.score(b256);
                double maxDiff = 0;
                for (int i = 0; i < 256; i++) {
                    maxDiff = Math.max(maxDiff, Math.abs(djlScores.get(i).probability() - javaScores.get(i).probability()));
                }
                double[] jv = timings(java, train.data(), WINDOW, FEATURES, latencyIterations);
                return String.format(Locale.ROOT, "{\"impl\":\"sysrisk-djl-%s\",\"engine\":\"PyTorch %s\","
                                + "\"device\":\"cpu\",\"threads\":%d,\"window\":%d,\"features\":%d,"
                                + "\"latency_ms_p50\":%.3f,\"latency_ms_p99\":%.3f,"
                                + "\"throughput_windows_per_s_b256\":%.0f,\"train_epoch_s\":%.3f,"
                                + "\"train_windows\":4096,\"batch\":%d,"
                                + "\"java_latency_threads\":1,\"java_batch_threads\":%d,\"java_latency_ms_p50\":%.3f,\"java_latency_ms_p99\":%.3f,"
                                + "\"java_throughput_windows_per_s_b256\":%.0f,\"java_vs_djl_max_abs_diff\":%.1e}",
                        Engine.getDjlVersion(), engine.getVersion(), threads, WINDOW, FEATURES,
                        djl[0], djl[1], djl[2], epochSeconds, cfg.batchSize(), JAVA_BATCH_THREADS, jv[0], jv[1], jv[2], maxDiff);
            }
        }
    }

    /**
     * A stored version (the served model) through both engines in one run: one-window latency and batch-256
     * throughput on random normalized windows of its shape, and, for a close-only model, a 1,000-date range of real
     * closes from features to scores (what the risk page asks per request). One JSON line.
     */
    public static String runStored(java.nio.file.Path store, String version, int threads, int latencyIterations) {
        ModelStore s = new ModelStore(store);
        JavaModel java = s.javaModel(version);
        try (io.sysrisk.model.StoredModel djl = DjlModels.load(s, version, Device.cpu());
             Predictor<WindowBatch, List<WindowScore>> predictor = djl.newPredictor()) {
            int w = djl.manifest().input().window();
            int f = djl.manifest().input().channels().size();
            Random rnd = new Random(2);
            float[] data = new float[4096 * w * f];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) rnd.nextGaussian();
            }
            double[] d = timings(DjlScoring.scorer(predictor), data, w, f, latencyIterations);
            double[] j = timings(java, data, w, f, latencyIterations);
            // What the risk page asks per request: the last 1,000 dates of the S&P 500, features to scores.
            String range = "";
            io.sysrisk.store.ModelManifest m = djl.manifest();
            if (m.input().columns().equals(List.of(io.sysrisk.data.Market.CLOSE))) {
                io.sysrisk.data.MarketData sp = io.sysrisk.research.data.Markets.byName(io.sysrisk.research.data.Markets.embedded(),
                        "sp500").data();
                io.sysrisk.data.MarketData part = sp.slice(sp.size() - 1000 - m.input().requiredDays(), sp.size());
                LocalDate from = part.dates().get(part.size() - 1000);
                io.sysrisk.scoring.MarketScorer scorer = new io.sysrisk.scoring.MarketScorer(m);
                WindowScorer djlScorer = DjlScoring.scorer(predictor);
                double djlMs = medianMs(() -> scorer.predict(scorer.windows(part, from, null), djlScorer));
                double javaMs = medianMs(() -> scorer.predict(scorer.windows(part, from, null), java));
                range = String.format(Locale.ROOT, ",\"range_dates\":1000,\"djl_range_ms\":%.1f,\"java_range_ms\":%.1f",
                        djlMs, javaMs);
            }
            return String.format(Locale.ROOT, "{\"bench\":\"stored-model\",\"version\":\"%s\",\"members\":%d,"
                            + "\"window\":%d,\"features\":%d,\"djl_threads\":%d,\"djl_latency_ms_p50\":%.3f,"
                            + "\"djl_latency_ms_p99\":%.3f,\"djl_throughput_windows_per_s_b256\":%.0f,"
                            + "\"java_latency_threads\":1,\"java_batch_threads\":%d,\"java_latency_ms_p50\":%.3f,\"java_latency_ms_p99\":%.3f,"
                            + "\"java_throughput_windows_per_s_b256\":%.0f%s}", version,
                    djl.manifest().ensemble() == null ? 1 : djl.manifest().ensemble().config().members(), w, f,
                    threads, d[0], d[1], d[2], JAVA_BATCH_THREADS, j[0], j[1], j[2], range);
        }
    }

    /** Median of 15 timed runs after 10 warm-up runs, in ms. */
    private static double medianMs(Runnable r) {
        for (int i = 0; i < 10; i++) {
            r.run();
        }
        double[] t = new double[15];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }

    /** Threads a Java batch uses: the common fork-join pool and the calling thread. */
    private static final int JAVA_BATCH_THREADS = java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1;

    /** p50 and p99 one-window latency (ms) and batch-256 throughput (windows/s), after a warm-up. */
    private static double[] timings(WindowScorer model, float[] data, int w, int f, int iterations) {
        for (int i = 0; i < 2000; i++) {
            model.score(WindowBatch.slice(data, w, f, i % 4096, i % 4096 + 1));
        }
        List<Double> ms = new ArrayList<>(iterations);
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            model.score(WindowBatch.slice(data, w, f, i % 4096, i % 4096 + 1));
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        WindowBatch b256 = WindowBatch.slice(data, w, f, 0, 256);
        // The batch path is other code than the one-window path warmed above: warm it too, for both engines.
        for (int i = 0; i < 30; i++) {
            model.score(b256);
        }
        int batches = 30;
        long t = System.nanoTime();
        for (int i = 0; i < batches; i++) {
            model.score(b256);
        }
        return new double[] {percentile(ms, 0.50), percentile(ms, 0.99), 256.0 * batches / ((System.nanoTime() - t) / 1e9)};
    }

    private static double percentile(List<Double> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }

    private static WindowSet randomWindows(int n, Random rnd) {
        float[] data = new float[n * WINDOW * FEATURES];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) rnd.nextGaussian();
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextDouble() < 0.1 ? 1 : 0;
        }
        return new WindowSet(WINDOW, FEATURES, data, y, Collections.nCopies(n, LocalDate.of(2000, 1, 1)),
                java.util.stream.IntStream.range(0, n).toArray());
    }
}
