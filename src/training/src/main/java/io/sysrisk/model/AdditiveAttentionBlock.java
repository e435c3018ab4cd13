package io.sysrisk.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Additive attention over time steps: score_t = v . tanh(W h_t + b), weights = softmax over t, context =
 * sum_t weight_t h_t. Input (N, T, D); output the context (N, D) and the weights (N, T), kept for explanations.
 */
public class AdditiveAttentionBlock extends AbstractBlock {

    private final Linear hidden;
    private final Linear score;

    public AdditiveAttentionBlock(int units) {
        hidden = addChildBlock("hidden", Linear.builder().setUnits(units).build());
        score = addChildBlock("score", Linear.builder().setUnits(1).optBias(false).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = inputs.singletonOrThrow();
        NDArray e = hidden.forward(ps, new NDList(h), training, params).head().tanh();
        NDArray s = score.forward(ps, new NDList(e), training, params).head().squeeze(2);
        NDArray weights = s.softmax(1);
        NDArray context = h.mul(weights.expandDims(2)).sum(new int[] {1});
        return new NDList(context, weights);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape s = inputs[0];
        return new Shape[] {new Shape(s.get(0), s.get(2)), new Shape(s.get(0), s.get(1))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        hidden.initialize(manager, dataType, inputShapes[0]);
        Shape h = hidden.getOutputShapes(inputShapes)[0];
        score.initialize(manager, dataType, h);
    }
}
