package io.sysrisk.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.loss.Loss;

/**
 * The censored likelihood of a term structure's hazards (issue 26, {@code HazardCurve}): labels (N, K) are the nested
 * 0/1 labels at each horizon, predictions (N, K) the intervals' hazard logits. Interval j is at risk while no onset
 * came before it, {@code 1 - y[j-1]} (y[-1] = 0), and its target is 1 only where the first onset is,
 * {@code y[j] - y[j-1]}: the loss is the masked binary cross-entropy summed over the intervals, averaged over the
 * windows, so each window adds -log of the probability of the interval it fell in.
 */
public class HazardLoss extends Loss {

    public HazardLoss() {
        super("hazard_nll");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray y = labels.head();
        NDArray g = predictions.head();
        long k = y.getShape().get(1);
        NDArray before = y.getManager().zeros(new ai.djl.ndarray.types.Shape(y.getShape().get(0), 1), y.getDataType())
                .concat(y.get(new NDIndex(":, 0:" + (k - 1))), 1);
        NDArray atRisk = before.neg().add(1);
        NDArray target = y.sub(before);
        NDArray bce = WeightedBinaryCrossEntropy.softplus(g.neg()).mul(target)
                .add(WeightedBinaryCrossEntropy.softplus(g).mul(target.neg().add(1)));
        return bce.mul(atRisk).sum(new int[] {1}).mean();
    }
}
