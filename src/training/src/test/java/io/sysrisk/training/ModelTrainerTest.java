package io.sysrisk.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.djl.inference.Predictor;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.experiment.EpochStats;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.model.DjlScoring;
import io.sysrisk.model.SystemicRiskNet;
import io.sysrisk.windows.WindowSet;

class ModelTrainerTest {

    private static final ModelConfig SMALL = new ModelConfig(16, 3, 2, 16, 16, 0.1f, true);

    private static double[] testProbabilities(ModelTrainer.Result r, WindowSet test) {
        try (Predictor<WindowBatch, List<WindowScore>> p = r.newPredictor()) {
            return WindowScore.probabilities(DjlScoring.score(p, test));
        }
    }

    /** {@code block} trained on {@code train}, its probabilities on {@code val}. */
    private static double[] trained(ai.djl.nn.Block block, WindowSet train, WindowSet val, TrainConfig cfg) {
        try (ModelTrainer.Result r = ModelTrainer.train(block, train, val, cfg, s -> { })) {
            return testProbabilities(r, val);
        }
    }

    @Test
    void learnsAPlantedPattern() {
        WindowSet train = PlantedPattern.windows(800, 0.15, 2.5, 1);
        WindowSet val = PlantedPattern.windows(300, 0.15, 2.5, 2);
        WindowSet test = PlantedPattern.windows(300, 0.15, 2.5, 3);
        TrainConfig cfg = TrainConfig.defaults().withMaxEpochs(25).withPatience(6);
        try (ModelTrainer.Result r = ModelTrainer.train(new SystemicRiskNet(SMALL), train, val, cfg, s -> { })) {
            Metrics m = Metrics.of(testProbabilities(r, test), test.labels(), r.threshold());
            assertTrue(m.f1() > 0.9, "F1 on the planted pattern " + m.f1());
            assertTrue(m.rocAuc() > 0.97, "ROC-AUC " + m.rocAuc());
            assertTrue(r.bestEpoch() >= 1 && r.bestEpoch() <= r.history().size());
            assertTrue(r.positiveWeight() > 3, "the rare class is weighted: " + r.positiveWeight());
        }
    }

    @Test
    void sameSeedSameResult() {
        WindowSet train = PlantedPattern.windows(300, 0.2, 1.0, 4);
        WindowSet val = PlantedPattern.windows(100, 0.2, 1.0, 5);
        TrainConfig cfg = TrainConfig.defaults().withMaxEpochs(3).withSeed(7);
        double[] a;
        double[] b;
        List<EpochStats> ha;
        List<EpochStats> hb;
        try (ModelTrainer.Result r = ModelTrainer.train(new SystemicRiskNet(SMALL), train, val, cfg, s -> { })) {
            a = testProbabilities(r, val);
            ha = r.history();
        }
        try (ModelTrainer.Result r = ModelTrainer.train(new SystemicRiskNet(SMALL), train, val, cfg, s -> { })) {
            b = testProbabilities(r, val);
            hb = r.history();
        }
        // On a mismatch, both trainings' epochs say where they parted (the rare failure's cause is still unknown:
        // docs/jobs.md#reproducibility).
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, 0.0, () -> "same seed, other model; epochs of the "
                + "first training " + ha + ", of the second " + hb);
        for (int i = 0; i < ha.size(); i++) {
            assertEquals(ha.get(i).trainLoss(), hb.get(i).trainLoss(), 0.0);
            assertEquals(ha.get(i).validationPrAuc(), hb.get(i).validationPrAuc(), 0.0);
        }
        try (ModelTrainer.Result r = ModelTrainer.train(new SystemicRiskNet(SMALL), train, val, cfg.withSeed(8),
                s -> { })) {
            assertTrue(!java.util.Arrays.equals(a, testProbabilities(r, val)), "another seed gives another model");
        }
    }

    /**
     * A training and its predictions on another thread (a Spark task, a pool's worker) equal the same on this one.
     * DJL turns libtorch's per-thread autograd off only on the thread that started the engine; before
     * {@link io.sysrisk.model.Autograd} every other thread predicted with it on, through other kernels, and this
     * network's probabilities came out up to 3e-8 apart (2026-12-07), enough to move an early-stopping decision.
     */
    @Test
    void theThreadDoesNotMatter() throws Exception {
        WindowSet train = PlantedPattern.windows(300, 0.2, 1.0, 4);
        WindowSet val = PlantedPattern.windows(100, 0.2, 1.0, 5);
        TrainConfig cfg = TrainConfig.defaults().withMaxEpochs(3).withSeed(7);
        java.util.concurrent.Callable<double[]> training = () -> trained(new SystemicRiskNet(SMALL), train, val, cfg);
        double[] here = training.call();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            // Autograd on, as libtorch starts every thread but the engine's.
            pool.submit(() -> ai.djl.pytorch.jni.JniUtils.setGradMode(true)).get();
            org.junit.jupiter.api.Assertions.assertArrayEquals(here, pool.submit(training).get(), 0.0);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * A garbage collection between a batch's forward and backward pass does not change the training. DJL's
     * {@code mul(Number)} and {@code maximum(Number)} free the scalar they make (a Java direct buffer) right after the
     * forward op, while autograd reads it again in the backward pass; with them in the loss, a collector run every
     * 3 ms made every training differ from its first epoch (2026-12-07), and an occasional one made the rare
     * unexplained differences of docs/jobs.md#reproducibility.
     */
    @Test
    void aGarbageCollectionDoesNotChangeATraining() {
        WindowSet train = PlantedPattern.windows(1000, 0.2, 1.0, 4);
        WindowSet val = PlantedPattern.windows(200, 0.2, 1.0, 5);
        TrainConfig cfg = TrainConfig.defaults().withMaxEpochs(3).withSeed(7);
        java.util.function.Supplier<double[]> training =
                () -> trained(new io.sysrisk.model.baselines.LogisticNet(), train, val, cfg);
        double[] quiet = training.get();
        Thread collector = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                try {
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gc every 3 ms");
        collector.setDaemon(true);
        collector.start();
        try {
            for (int i = 0; i < 2; i++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(quiet, training.get(), 0.0, "training " + i);
            }
        } finally {
            collector.interrupt();
        }
    }

    /** The progress line's ETA is an upper bound that never goes up (it used to jump when a new best epoch came). */
    @Test
    void etaOnlyGoesDown() {
        WindowSet train = PlantedPattern.windows(300, 0.2, 1.0, 4);
        WindowSet val = PlantedPattern.windows(100, 0.2, 1.0, 5);
        List<String> lines = new java.util.ArrayList<>();
        TrainConfig cfg = TrainConfig.defaults().withMaxEpochs(12).withPatience(12).withSeed(3);
        try (ModelTrainer.Result r = ModelTrainer.train(new SystemicRiskNet(SMALL), train, val, cfg, lines::add)) {
            assertEquals(12, r.history().size());
        }
        java.util.regex.Pattern eta = java.util.regex.Pattern.compile("ETA <= ([0-9.]+) (s|min)");
        double last = Double.POSITIVE_INFINITY;
        int seen = 0;
        for (String line : lines) {
            java.util.regex.Matcher m = eta.matcher(line);
            if (m.find()) {
                double seconds = Double.parseDouble(m.group(1)) * (m.group(2).equals("min") ? 60 : 1);
                assertTrue(seconds <= last + 0.5, "ETA went up: " + line); // printed rounded to whole seconds
                last = seconds;
                seen++;
            }
        }
        assertEquals(12, seen);
        assertEquals(0.0, last, 0.0, "the last epoch has nothing left");
    }
}
