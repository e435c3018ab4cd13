package io.sysrisk.model.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

class TcnNetTest {

    /** Changing steps from 41 on leaves every hidden output up to step 40 unchanged: the convolutions are causal. */
    @Test
    void hiddenOutputsSeeOnlyThePast() {
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            TcnNet tcn = new TcnNet(8, 3, new int[] {1, 2, 4, 8}, 0f);
            Shape in = new Shape(1, 60, 3);
            tcn.initialize(m, DataType.FLOAT32, in);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(in);
            NDArray later = x.duplicate();
            later.set(new NDIndex(":, 41:, :"), 9f);
            NDArray a = tcn.hidden(ps, x, false, null);
            NDArray b = tcn.hidden(ps, later, false, null);
            assertArrayEquals(a.get(new NDIndex(":, :, 0:41")).toFloatArray(),
                    b.get(new NDIndex(":, :, 0:41")).toFloatArray(), 0f);
            assertFalse(Arrays.equals(a.get(new NDIndex(":, :, 41:")).toFloatArray(),
                    b.get(new NDIndex(":, :, 41:")).toFloatArray()));
        }
    }
}
