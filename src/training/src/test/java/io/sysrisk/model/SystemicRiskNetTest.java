package io.sysrisk.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.sysrisk.inference.ModelConfig;

class SystemicRiskNetTest {

    private static NDList forward(NDManager m, Block b, NDArray x) {
        return b.forward(new ParameterStore(m, false), new NDList(x), false);
    }

    @Test
    void shapesThroughEveryBlock() {
        Engine.getEngine("PyTorch").setRandomSeed(1);
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            ModelConfig cfg = ModelConfig.reference();
            SystemicRiskNet net = new SystemicRiskNet(cfg);
            Shape in = new Shape(5, 60, 16);
            net.initialize(m, DataType.FLOAT32, in);
            NDList out = forward(m, net, m.randomNormal(in));
            assertEquals(new Shape(5), out.get(0).getShape());
            assertEquals(new Shape(5, 30), out.get(1).getShape());
            assertArrayEquals(new Shape[] {new Shape(5), new Shape(5, 30)}, net.getOutputShapes(new Shape[] {in}));

            BiLstmBlock bi = new BiLstmBlock(64);
            bi.initialize(m, DataType.FLOAT32, new Shape(5, 30, 64));
            assertEquals(new Shape(5, 30, 128), forward(m, bi, m.randomNormal(new Shape(5, 30, 64))).head().getShape());

            AdditiveAttentionBlock att = new AdditiveAttentionBlock(64);
            att.initialize(m, DataType.FLOAT32, new Shape(5, 30, 128));
            NDList a = forward(m, att, m.randomNormal(new Shape(5, 30, 128)));
            assertEquals(new Shape(5, 128), a.get(0).getShape());
            assertEquals(new Shape(5, 30), a.get(1).getShape());
        }
    }

    /** Forward half at step t depends on steps <= t only; backward half on steps >= t only. */
    @Test
    void biLstmHalvesSeeTheRightSideOfTheWindow() {
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            int units = 4;
            int steps = 10;
            BiLstmBlock bi = new BiLstmBlock(units);
            bi.initialize(m, DataType.FLOAT32, new Shape(1, steps, 3));
            NDArray x = m.randomNormal(new Shape(1, steps, 3));
            float[] base = forward(m, bi, x).head().toFloatArray();

            NDArray late = x.duplicate();
            late.set(new ai.djl.ndarray.index.NDIndex("0, 9, :"), 5f);
            float[] moved = forward(m, bi, late).head().toFloatArray();
            for (int t = 0; t < steps - 1; t++) {
                for (int c = 0; c < units; c++) {
                    int i = t * 2 * units + c;
                    assertEquals(base[i], moved[i], 0f, "forward half at step " + t + " saw the last step");
                }
            }
            assertTrue(differs(base, moved, 0, 2 * units, units), "backward half at step 0 must see the last step");

            NDArray early = x.duplicate();
            early.set(new ai.djl.ndarray.index.NDIndex("0, 0, :"), 5f);
            float[] moved0 = forward(m, bi, early).head().toFloatArray();
            for (int t = 1; t < steps; t++) {
                for (int c = units; c < 2 * units; c++) {
                    int i = t * 2 * units + c;
                    assertEquals(base[i], moved0[i], 0f, "backward half at step " + t + " saw the first step");
                }
            }
            assertTrue(differs(base, moved0, (steps - 1) * 2 * units, 2 * units, 0),
                    "forward half at the last step must see the first step");
        }
    }

    private static boolean differs(float[] a, float[] b, int rowStart, int rowWidth, int from) {
        for (int c = from; c < from + rowWidth / 2; c++) {
            if (a[rowStart + c] != b[rowStart + c]) {
                return true;
            }
        }
        return false;
    }

    @Test
    void attentionWeightsSumToOne() {
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            SystemicRiskNet net = new SystemicRiskNet(ModelConfig.reference());
            net.initialize(m, DataType.FLOAT32, new Shape(3, 40, 6));
            float[] w = forward(m, net, m.randomNormal(new Shape(3, 40, 6))).get(1).toFloatArray();
            for (int i = 0; i < 3; i++) {
                double s = 0;
                for (int t = 0; t < 20; t++) {
                    assertTrue(w[i * 20 + t] > 0);
                    s += w[i * 20 + t];
                }
                assertEquals(1.0, s, 1e-5);
            }
        }
    }
}
