package io.sysrisk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.sysrisk.inference.JavaModel;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.training.AnchorFit;
import io.sysrisk.windows.WindowSet;

/** The anchored network starts as its reference, and the Java forward pass computes it as DJL does. */
class AnchoredNetTest {

    private static final int W = 60;
    private static final int F = 4;

    private static WindowBatch batch(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * W * F];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (1.5 * r.nextGaussian());
        }
        return new WindowBatch(n, W, F, x);
    }

    @Test
    void withAZeroCorrectionTheNetworkIsTheReference() {
        ModelConfig cfg = ModelConfig.small().anchoredOn(1);
        try (Model model = Model.newInstance("anchored", Device.cpu(), "PyTorch")) {
            SystemicRiskNet net = new SystemicRiskNet(cfg);
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, W, F));
            float[] w = {0, 0.8f, 0, 0};
            net.anchor(w, -1.7f);
            WindowBatch b = batch(16, 1);
            List<WindowScore> djl;
            try (Predictor<WindowBatch, List<WindowScore>> p = model.newPredictor(new WindowTranslator())) {
                djl = DjlScoring.predict(p, b);
            }
            List<WindowScore> java = JavaModel.of(cfg, null, F, DjlModels.tensors(net)).score(b);
            for (int i = 0; i < b.count(); i++) {
                double reference = -1.7 + 0.8 * b.data()[i * W * F + (W - 1) * F + 1];
                assertEquals(reference, djl.get(i).logit(), 1e-5, "DJL window " + i);
                assertEquals(reference, java.get(i).logit(), 1e-5, "Java window " + i);
            }
        }
    }

    @Test
    void javaMatchesDjlWithATrainedLookingCorrection() {
        ModelConfig cfg = ModelConfig.small().anchoredOn(2);
        try (Model model = Model.newInstance("anchored", Device.cpu(), "PyTorch")) {
            SystemicRiskNet net = new SystemicRiskNet(cfg);
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, W, F));
            net.anchor(new float[] {0, 0, -0.6f, 0}, 0.4f);
            correctAsIfTrained(net);
            WindowBatch b = batch(32, 2);
            List<WindowScore> djl;
            try (Predictor<WindowBatch, List<WindowScore>> p = model.newPredictor(new WindowTranslator())) {
                djl = DjlScoring.predict(p, b);
            }
            List<WindowScore> java = JavaModel.of(cfg, null, F, DjlModels.tensors(net)).score(b);
            for (int i = 0; i < b.count(); i++) {
                assertEquals(djl.get(i).probability(), java.get(i).probability(), 1e-5, "window " + i);
            }
        }
    }

    /** The reference is the weighted logistic fit on the chosen feature: it recovers a planted slope's sign. */
    @Test
    void theAnchorFitReadsTheLastDayOfItsFeature() {
        int n = 2000;
        Random r = new Random(3);
        float[] x = new float[n * W * F];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < W * F; k++) {
                x[i * W * F + k] = (float) r.nextGaussian();
            }
            double z = -2 + 1.5 * x[i * W * F + (W - 1) * F + 3];
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        WindowSet train = new WindowSet(W, F, x, y, null, null);
        AnchorFit fit = AnchorFit.of(train, 3, 1f);
        assertEquals(1.5, fit.weights()[3], 0.25);
        assertEquals(-2, fit.intercept(), 0.3);
        assertEquals(0f, fit.weights()[0]);
        assertTrue(AnchorFit.of(train, 0, 1f).weights()[0] < 0.2, "an uninformative feature gets a small slope");
    }

    /** Sets the network's output layer (its correction) to small random values, as after training. */
    static void correctAsIfTrained(SystemicRiskNet net) {
        net.getParameters().forEach(p -> {
            if (p.getKey().contains("output")) {
                Random r = new Random(p.getKey().hashCode());
                float[] v = new float[(int) p.getValue().getArray().size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (0.3 * r.nextGaussian());
                }
                p.getValue().getArray().set(v);
            }
        });
    }
}
