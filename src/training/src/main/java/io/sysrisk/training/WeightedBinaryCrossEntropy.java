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
        NDArray pos = softplus(z.neg()).mul(y).mul(positiveWeight);
        NDArray neg = softplus(z).mul(y.neg().add(1));
        return pos.add(neg).mean();
    }

    static NDArray softplus(NDArray x) {
        return x.maximum(0).add(x.abs().neg().exp().add(1).log());
    }
}
