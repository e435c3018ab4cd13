package io.sysrisk.model.baselines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A baseline window classifier: an encoder turns (N, W, F) into one vector per window, then dropout and a Linear
 * layer give the logit. Outputs the logit (N) and uniform "attention" weights (N, 1), so baselines go through the
 * same trainer, translator and evaluation as the reference model.
 */
public abstract class SequenceClassifier extends AbstractBlock {

    private final Dropout dropout;
    private final Linear output;

    protected SequenceClassifier(float dropoutRate) {
        dropout = addChildBlock("dropout", Dropout.builder().optRate(dropoutRate).build());
        output = addChildBlock("output", Linear.builder().setUnits(1).build());
    }

    /** (N, W, F) -> (N, D). */
    protected abstract NDArray encode(ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params);

    /** Initializes the encoder's children for {@code input} (N, W, F) and returns D. */
    protected abstract long initializeEncoder(NDManager manager, DataType dataType, Shape input);

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray h = encode(ps, x, training, params);
        NDArray d = dropout.forward(ps, new NDList(h), training, params).head();
        NDArray logit = output.forward(ps, new NDList(d), training, params).head().squeeze(1);
        return new NDList(logit, x.getManager().ones(new Shape(x.getShape().get(0), 1)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        long n = inputs[0].get(0);
        return new Shape[] {new Shape(n), new Shape(n, 1)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        long d = initializeEncoder(manager, dataType, in);
        dropout.initialize(manager, dataType, new Shape(in.get(0), d));
        output.initialize(manager, dataType, new Shape(in.get(0), d));
    }
}
