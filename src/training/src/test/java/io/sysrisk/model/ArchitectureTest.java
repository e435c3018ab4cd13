package io.sysrisk.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.sysrisk.inference.ModelConfig;

class ArchitectureTest {

    @Test
    void everyArchitectureMapsWindowsToOneLogitEach() {
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            for (Architecture a : Architecture.values()) {
                Block b = a.build(ModelConfig.reference());
                Shape in = new Shape(4, 60, 6);
                b.initialize(m, DataType.FLOAT32, in);
                NDList out = b.forward(new ParameterStore(m, false), new NDList(m.randomNormal(in)), false);
                assertEquals(new Shape(4), out.get(0).getShape(), a.name());
                assertEquals(out.get(1).getShape(), b.getOutputShapes(new Shape[] {in})[1], a.name());
            }
        }
    }

    /** Logistic regression reads the last day only. */
    @Test
    void logisticReadsOnlyTheLastDay() {
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            Shape in = new Shape(1, 60, 3);
            NDArray x = m.randomNormal(in);
            ParameterStore ps = new ParameterStore(m, false);
            Block logistic = Architecture.LOGISTIC.build(ModelConfig.reference());
            logistic.initialize(m, DataType.FLOAT32, in);
            NDArray early = x.duplicate();
            early.set(new NDIndex(":, 0:59, :"), 5f);
            assertArrayEquals(logistic.forward(ps, new NDList(x), false).head().toFloatArray(),
                    logistic.forward(ps, new NDList(early), false).head().toFloatArray(), 0f);
        }
    }
}
