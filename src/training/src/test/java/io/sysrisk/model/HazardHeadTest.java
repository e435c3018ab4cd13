package io.sysrisk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.sysrisk.inference.HazardCurve;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.training.HazardLoss;

/**
 * The term-structure head (issue 26) in DJL: its loss is {@link HazardCurve}'s likelihood, an anchored head starts
 * at one reference per horizon, and a planted pattern whose falls come 40-60 days later raises the 60-day
 * probability and not the 5-day one; the Java forward pass computes it as DJL does (a whole served ensemble's
 * term structure: {@code InferenceParityTest} on the committed any-index-horizons).
 */
class HazardHeadTest {

    private static final List<Integer> HORIZONS = List.of(5, 20, 60);
    private static final int W = 20;
    private static final int F = 2;

    @Test
    void theLossIsTheHazardCurvesLikelihood() {
        float[] g = {-2f, -0.5f, 0.3f, 1f, -1f, 0f, 0.5f, 0.5f, -3f, -1.5f, 2f, 0.2f};
        float[] y = {1, 1, 1, 0, 1, 1, 0, 0, 1, 0, 0, 0};
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            double loss = new HazardLoss().evaluate(new NDList(m.create(y, new Shape(4, 3))),
                    new NDList(m.create(g, new Shape(4, 3)))).getFloat();
            double expected = 0;
            for (int i = 0; i < 4; i++) {
                double[] gi = {g[3 * i], g[3 * i + 1], g[3 * i + 2]};
                int[] yi = {(int) y[3 * i], (int) y[3 * i + 1], (int) y[3 * i + 2]};
                expected += HazardCurve.negativeLogLikelihood(gi, yi) / 4;
            }
            assertEquals(expected, loss, 1e-5);
        }
    }

    @Test
    void anAnchoredHeadStartsAtOneReferencePerHorizon() {
        ModelConfig cfg = ModelConfig.small().anchoredOn(1).withHorizons(HORIZONS, 20);
        try (Model model = Model.newInstance("hazard", Device.cpu(), "PyTorch")) {
            SystemicRiskNet net = initialized(model, cfg);
            net.anchor(new float[][] {{0, 0.2f}, {0, 0.5f}, {0, 0.9f}}, new float[] {-3f, -2f, -1f});
            float[] x = windows(8, new Random(1), new boolean[8]);
            NDArray out = net.forward(new ParameterStore(model.getNDManager(), false),
                    new NDList(model.getNDManager().create(x, new Shape(8, W, F))), false).head();
            assertEquals(new Shape(8, 3), out.getShape());
            float[] g = out.toFloatArray();
            for (int i = 0; i < 8; i++) {
                float last = x[i * W * F + (W - 1) * F + 1];
                assertEquals(-3f + 0.2f * last, g[3 * i], 1e-5);
                assertEquals(-2f + 0.5f * last, g[3 * i + 1], 1e-5);
                assertEquals(-1f + 0.9f * last, g[3 * i + 2], 1e-5);
            }
        }
    }

    /** The Java forward pass computes the head's K hazard logits and the attention as DJL does, within 1e-5. */
    @Test
    void theJavaForwardPassComputesTheHeadAsDjlDoes() {
        ModelConfig cfg = ModelConfig.small().anchoredOn(1).withHorizons(HORIZONS, 20);
        try (Model model = Model.newInstance("hazard", Device.cpu(), "PyTorch")) {
            SystemicRiskNet net = initialized(model, cfg);
            net.anchor(new float[][] {{0.1f, 0.2f}, {0, 0.5f}, {-0.3f, 0.9f}}, new float[] {-3f, -2f, -1f});
            AnchoredNetTest.correctAsIfTrained(net); // a correction that is no longer zero
            int n = 32;
            float[] x = windows(n, new Random(9), new boolean[n]);
            NDList out = net.forward(new ParameterStore(model.getNDManager(), false),
                    new NDList(model.getNDManager().create(x, new Shape(n, W, F))), false);
            float[] g = out.get(0).toFloatArray();
            float[] att = out.get(1).toFloatArray();
            java.util.Map<String, io.sysrisk.inference.Tensor> byName = new java.util.TreeMap<>();
            DjlModels.tensors(net).values().forEach(t -> byName.put(io.sysrisk.inference.JavaNet.normalize(t.name()),
                    t));
            io.sysrisk.inference.JavaNet java = new io.sysrisk.inference.JavaNet(cfg, F, byName, "");
            int steps = cfg.steps(W);
            double[] batchLogits = new double[n * 3];
            double[] batchAttention = new double[n * steps];
            java.forward(x, 0, W * F, n, W, batchLogits, batchAttention);
            for (int i = 0; i < n; i++) {
                io.sysrisk.inference.JavaNet.Output o = java.forward(x, i * W * F, W);
                for (int k = 0; k < 3; k++) {
                    assertEquals(g[3 * i + k], o.logits()[k], 1e-5, "window " + i + ", interval " + k);
                    assertEquals(o.logits()[k], batchLogits[3 * i + k], 1e-12, "the batch pass, the same numbers");
                }
                assertEquals(o.logits()[0], o.logit(), 0.0);
                for (int s = 0; s < steps; s++) {
                    assertEquals(att[i * steps + s], o.attention()[s], 1e-5);
                    assertEquals(o.attention()[s], batchAttention[i * steps + s], 1e-12);
                }
            }
        }
    }

    @Test
    void aPatternWhoseFallsComeFortyToSixtyDaysLaterRaisesTheSixtyDayProbabilityOnly() {
        Engine.getEngine("PyTorch").setRandomSeed(3);
        Random rnd = new Random(5);
        int n = 1600;
        boolean[] planted = new boolean[n];
        for (int i = 0; i < n; i++) {
            planted[i] = rnd.nextDouble() < 0.3;
        }
        float[] x = windows(n, rnd, planted);
        // Planted windows: the first onset comes 40-60 days later (labels 0, 0, 1). Every window also has the same
        // chance of an onset within 5 days whatever its inputs (1, 1, 1): nothing tells the near term.
        float[] y = new float[3 * n];
        for (int i = 0; i < n; i++) {
            boolean soon = rnd.nextDouble() < 0.1;
            boolean later = planted[i] || rnd.nextDouble() < 0.05;
            y[3 * i] = soon ? 1 : 0;
            y[3 * i + 1] = soon ? 1 : 0;
            y[3 * i + 2] = soon || later ? 1 : 0;
        }
        ModelConfig cfg = ModelConfig.small().withHorizons(HORIZONS, 20);
        try (Model model = Model.newInstance("hazard", Device.cpu(), "PyTorch")) {
            model.setBlock(new SystemicRiskNet(cfg));
            DefaultTrainingConfig tc = new DefaultTrainingConfig(new HazardLoss()).optOptimizer(Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed(0.003f)).build()).optDevices(new Device[] {Device.cpu()});
            int batch = 64;
            try (Trainer trainer = model.newTrainer(tc)) {
                trainer.initialize(new Shape(batch, W, F));
                for (int epoch = 0; epoch < 8; epoch++) {
                    for (int from = 0; from < n; from += batch) {
                        int b = Math.min(batch, n - from);
                        try (NDManager m = trainer.getManager().newSubManager()) {
                            NDArray xs = m.create(java.util.Arrays.copyOfRange(x, from * W * F, (from + b) * W * F),
                                    new Shape(b, W, F));
                            NDArray ys = m.create(java.util.Arrays.copyOfRange(y, 3 * from, 3 * (from + b)),
                                    new Shape(b, 3));
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                gc.backward(trainer.getLoss().evaluate(new NDList(ys),
                                        trainer.forward(new NDList(xs))));
                            }
                            trainer.step();
                        }
                    }
                }
            }
            Random fresh = new Random(7);
            int t = 400;
            boolean[] tp = new boolean[t];
            for (int i = 0; i < t; i++) {
                tp[i] = i % 2 == 0;
            }
            float[] tx = windows(t, fresh, tp);
            float[] g = model.getBlock().forward(new ParameterStore(model.getNDManager(), false),
                    new NDList(model.getNDManager().create(tx, new Shape(t, W, F))), false).head().toFloatArray();
            double[][] mean = new double[2][3];
            for (int i = 0; i < t; i++) {
                double[] c = HazardCurve.cumulative(new double[] {g[3 * i], g[3 * i + 1], g[3 * i + 2]});
                assertTrue(c[0] <= c[1] && c[1] <= c[2], "non-decreasing");
                for (int k = 0; k < 3; k++) {
                    mean[tp[i] ? 1 : 0][k] += c[k] / (t / 2.0);
                }
            }
            String msg = "other windows " + java.util.Arrays.toString(mean[0]) + ", planted "
                    + java.util.Arrays.toString(mean[1]);
            // The figures the README quotes, in the test's output.
            System.out.println("term structure (5, 20, 60 days), mean cumulative probability: " + msg);
            assertTrue(mean[1][2] > mean[0][2] + 0.4, "the 60-day probability rises: " + msg);
            assertTrue(Math.abs(mean[1][0] - mean[0][0]) < 0.05, "the 5-day one does not: " + msg);
            assertTrue(Math.abs(mean[0][0] - 0.1) < 0.05, "the 5-day one is the base rate: " + msg);
        }
    }

    private static SystemicRiskNet initialized(Model model, ModelConfig cfg) {
        SystemicRiskNet net = new SystemicRiskNet(cfg);
        model.setBlock(net);
        net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, W, F));
        return net;
    }

    /** {@code n} windows (W, F) of noise; a planted window's feature 0 is +2 over its last 5 days. */
    private static float[] windows(int n, Random rnd, boolean[] planted) {
        float[] x = new float[n * W * F];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < W; d++) {
                for (int f = 0; f < F; f++) {
                    x[(i * W + d) * F + f] = (float) rnd.nextGaussian()
                            + (planted[i] && f == 0 && d >= W - 5 ? 2f : 0f);
                }
            }
        }
        return x;
    }
}
