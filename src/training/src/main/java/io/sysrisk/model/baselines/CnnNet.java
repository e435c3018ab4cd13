package io.sysrisk.model.baselines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** CNN alone: two Conv1d (same padding) + ReLU with a MaxPool1d between, then the mean over time. */
public class CnnNet extends SequenceClassifier {

    private final int filters;
    private final Conv1d conv1;
    private final Block pool;
    private final Conv1d conv2;

    public CnnNet(int filters, int kernel, int poolSize, float dropout) {
        super(dropout);
        this.filters = filters;
        conv1 = addChildBlock("conv1", conv(filters, kernel));
        pool = addChildBlock("pool", Pool.maxPool1dBlock(new Shape(poolSize), new Shape(poolSize), new Shape(0), false));
        conv2 = addChildBlock("conv2", conv(filters, kernel));
    }

    private static Conv1d conv(int filters, int kernel) {
        return Conv1d.builder().setKernelShape(new Shape(kernel)).setFilters(filters).optPadding(new Shape(kernel / 2))
                .build();
    }

    @Override
    protected NDArray encode(ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params) {
        NDArray c = Activation.relu(conv1.forward(ps, new NDList(x.transpose(0, 2, 1)), training, params).head());
        NDArray p = pool.forward(ps, new NDList(c), training, params).head();
        NDArray c2 = Activation.relu(conv2.forward(ps, new NDList(p), training, params).head());
        return c2.mean(new int[] {2});
    }

    @Override
    protected long initializeEncoder(NDManager manager, DataType dataType, Shape in) {
        Shape ncw = new Shape(in.get(0), in.get(2), in.get(1));
        conv1.initialize(manager, dataType, ncw);
        Shape c = conv1.getOutputShapes(new Shape[] {ncw})[0];
        pool.initialize(manager, dataType, c);
        conv2.initialize(manager, dataType, pool.getOutputShapes(new Shape[] {c})[0]);
        return filters;
    }
}
