package io.sysrisk.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

class WeightedBinaryCrossEntropyTest {
    @Test
    void matchesTheFormulaAndStaysFiniteForLargeLogits() {
        float[] z = {-3f, 0.5f, 2f, 80f, -80f};
        float[] y = {1f, 0f, 1f, 0f, 1f};
        float w = 4f;
        double expected = 0;
        for (int i = 0; i < z.length; i++) {
            double p = 1 / (1 + Math.exp(-z[i]));
            double term = y[i] == 1 ? -w * Math.log(Math.max(p, 1e-300)) : -Math.log(Math.max(1 - p, 1e-300));
            expected += term / z.length;
        }
        // Large logits: log(sigmoid(-80)) = -80 exactly in the limit.
        expected = 0;
        for (int i = 0; i < z.length; i++) {
            double sp = Math.max(y[i] == 1 ? -z[i] : z[i], 0) + Math.log1p(Math.exp(-Math.abs(z[i])));
            expected += (y[i] == 1 ? w : 1) * sp / z.length;
        }
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            float loss = new WeightedBinaryCrossEntropy(w).evaluate(new NDList(m.create(y)), new NDList(m.create(z)))
                    .getFloat();
            assertEquals(expected, loss, 1e-4);
            assertEquals((4 * 3.0486 + 0.9741 + 4 * 0.1269 + 80 + 4 * 80) / 5, loss, 1e-3);
        }
    }
}
