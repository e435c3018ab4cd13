package io.sysrisk.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Binary cross-entropy on logits with a weight on the positive class, which DJL's
 * {@code SigmoidBinaryCrossEntropyLoss} lacks (it has one scalar weight):
 * loss = -mean(w y log sigmoid(z) + (1 - y) log(1 - sigmoid(z))).
 * Computed as w y softplus(-z) + (1 - y) softplus(z), with softplus(x) = max(x, 0) + log(1 + exp(-|x|)) so that
 * large logits neither overflow nor lose the gradient.
 */
public class WeightedBinaryCrossEntropy extends Loss {

    private final float positiveWeight;

    public WeightedBinaryCrossEntropy(float positiveWeight) {
        super("weighted_bce");
        if (!(positiveWeight > 0)) {
            throw new IllegalArgumentException("positive weight must be > 0, got " + positiveWeight);
        }
        this.positiveWeight = positiveWeight;
    }

    public float positiveWeight() {
        return positiveWeight;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray y = labels.head();
        NDArray z = predictions.head();
        // The weight as an array of the labels' manager, alive until the batch is closed, after the backward pass.
        // DJL's mul(Number) closes the scalar array it makes right after the product, while autograd reads it again
        // in the backward pass: the memory behind it (a Java direct buffer) may by then be freed by the garbage
        // collector and reused, and the gradient came out wrong at random (docs/jobs.md#reproducibility).
        NDArray pos = softplus(z.neg()).mul(y).mul(y.getManager().create(positiveWeight));
        NDArray neg = softplus(z).mul(y.neg().add(1)); // add(Number)'s backward does not read the scalar
        return pos.add(neg).mean();
    }

    /**
     * softplus(x) = max(x, 0) + log(1 + exp(-|x|)), with ReLU for the max: DJL's maximum(Number) has the freed-scalar
     * problem above (maximum's backward compares with it).
     */
    static NDArray softplus(NDArray x) {
        return ai.djl.nn.Activation.relu(x).add(x.abs().neg().exp().add(1).log());
    }
}
