package io.sysrisk.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * The anchored network's reference: a logistic regression on the window's last day, {@code bias + weight . x[W-1]},
 * fitted on the training part before the network trains ({@link #set}) and never changed by the optimizer (its
 * parameters need no gradient). Input (N, W, F), output the reference logit (N).
 */
public class AnchorBlock extends AbstractBlock {

    private final Parameter weight;
    private final Parameter bias;

    public AnchorBlock() {
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optInitializer(new ConstantInitializer(0)).optRequiresGrad(false).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optInitializer(new ConstantInitializer(0)).optRequiresGrad(false).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        NDArray x = inputs.singletonOrThrow();
        NDArray last = x.get(new NDIndex(":, -1, :")); // (N, F)
        NDArray w = ps.getValue(weight, x.getDevice(), training);
        NDArray b = ps.getValue(bias, x.getDevice(), training);
        return new NDList(last.matMul(w.transpose()).squeeze(1).add(b));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0))};
    }

    @Override
    protected void prepare(Shape[] inputs) {
        weight.setShape(new Shape(1, inputs[0].get(2)));
        bias.setShape(new Shape(1));
    }

    /** Sets the reference: {@code weights} over the F features of the last day, and the intercept. */
    public void set(float[] weights, float intercept) {
        weight.getArray().set(weights);
        bias.getArray().set(new float[] {intercept});
    }
}
