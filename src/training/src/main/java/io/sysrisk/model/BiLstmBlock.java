package io.sysrisk.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Bidirectional LSTM over (N, T, C), giving (N, T, 2 x units): a forward LSTM, and a second LSTM fed the sequence
 * reversed in time whose output is reversed back; the two are concatenated on the last axis.
 *
 * <p>Built from two one-way LSTMs because DJL 0.36's {@code optBidirectional(true)} with biases hands libtorch its
 * weights in the wrong order and fails on the PyTorch engine.
 */
public class BiLstmBlock extends AbstractBlock {

    private final LSTM forwardLstm;
    private final LSTM backwardLstm;
    private final int units;

    public BiLstmBlock(int units) {
        this.units = units;
        forwardLstm = addChildBlock("forward", lstm(units));
        backwardLstm = addChildBlock("backward", lstm(units));
    }

    private static LSTM lstm(int units) {
        return LSTM.builder().setStateSize(units).setNumLayers(1).optBatchFirst(true).optReturnState(false).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray fwd = forwardLstm.forward(ps, new NDList(x), training, params).head();
        NDArray bwd = backwardLstm.forward(ps, new NDList(x.flip(1)), training, params).head().flip(1);
        return new NDList(fwd.concat(bwd, 2));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape s = inputs[0];
        return new Shape[] {new Shape(s.get(0), s.get(1), 2L * units)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        forwardLstm.initialize(manager, dataType, inputShapes[0]);
        backwardLstm.initialize(manager, dataType, inputShapes[0]);
    }
}
