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
 * parameters need no gradient). Input (N, W, F), output the reference logit (N); with {@code outputs} &gt; 1 (a
 * term structure's hazards), one reference per output, (N, outputs).
 */
public class AnchorBlock extends AbstractBlock {

    private final int outputs;
    private final Parameter weight;
    private final Parameter bias;

    public AnchorBlock() {
        this(1);
    }

    public AnchorBlock(int outputs) {
        this.outputs = outputs;
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
        NDArray logits = last.matMul(w.transpose()); // (N, outputs)
        return new NDList(outputs == 1 ? logits.squeeze(1).add(b) : logits.add(b));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {outputs == 1 ? new Shape(inputs[0].get(0)) : new Shape(inputs[0].get(0), outputs)};
    }

    @Override
    protected void prepare(Shape[] inputs) {
        weight.setShape(new Shape(outputs, inputs[0].get(2)));
        bias.setShape(new Shape(outputs));
    }

    /** Sets the reference: {@code weights} over the F features of the last day, and the intercept. */
    public void set(float[] weights, float intercept) {
        set(new float[][] {weights}, new float[] {intercept});
    }

    /** One reference per output: {@code weights[k]} over the F features of the last day, and {@code intercepts[k]}. */
    public void set(float[][] weights, float[] intercepts) {
        if (weights.length != outputs || intercepts.length != outputs) {
            throw new IllegalArgumentException(outputs + " references expected, got " + weights.length);
        }
        float[] flat = new float[weights.length * weights[0].length];
        for (int k = 0; k < weights.length; k++) {
            System.arraycopy(weights[k], 0, flat, k * weights[0].length, weights[0].length);
        }
        weight.getArray().set(flat);
        bias.getArray().set(intercepts);
    }
}
