package io.sysrisk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.sysrisk.inference.EnsembleConfig;
import io.sysrisk.inference.ModelConfig;

/** The ensemble block is exactly: mean of the members' probabilities, Platt-calibrated; mean attention. */
class EnsembleNetTest {

    private static final int W = 20;
    private static final int F = 4;

    @Test
    void averagesMembersThenCalibrates() throws Exception {
        Engine.getEngine("PyTorch").setRandomSeed(2);
        ModelConfig cfg = ModelConfig.small();
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            Shape in = new Shape(3, W, F);
            SystemicRiskNet a = new SystemicRiskNet(cfg);
            SystemicRiskNet b = new SystemicRiskNet(cfg);
            a.initialize(m, DataType.FLOAT32, in);
            b.initialize(m, DataType.FLOAT32, in);
            double scale = 0.7;
            double shift = -1.2;
            EnsembleNet e = new EnsembleNet(new EnsembleConfig(cfg, List.of(1, 2), scale, shift));
            e.initialize(m, DataType.FLOAT32, in);
            copy(a, e.members().get(0), m);
            copy(b, e.members().get(1), m);

            float[] x = new float[3 * W * F];
            Random r = new Random(1);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            NDArray input = m.create(x, in);
            ParameterStore ps = new ParameterStore(m, false);
            NDList oa = a.forward(ps, new NDList(input), false);
            NDList ob = b.forward(ps, new NDList(input), false);
            NDList oe = e.forward(ps, new NDList(input), false);
            float[] za = oa.get(0).toFloatArray();
            float[] zb = ob.get(0).toFloatArray();
            float[] ze = oe.get(0).toFloatArray();
            float[] attA = oa.get(1).toFloatArray();
            float[] attB = ob.get(1).toFloatArray();
            float[] attE = oe.get(1).toFloatArray();
            for (int i = 0; i < 3; i++) {
                double p = (WindowTranslator.sigmoid(za[i]) + WindowTranslator.sigmoid(zb[i])) / 2;
                double expected = scale * Math.log(p / (1 - p)) + shift;
                assertEquals(expected, ze[i], 1e-4, "window " + i);
            }
            for (int k = 0; k < attE.length; k++) {
                assertEquals((attA[k] + attB[k]) / 2, attE[k], 1e-6);
            }
        }
    }

    private static void copy(SystemicRiskNet from, SystemicRiskNet to, NDManager m) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            from.saveParameters(out);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            to.loadParameters(m, in);
        }
    }
}
