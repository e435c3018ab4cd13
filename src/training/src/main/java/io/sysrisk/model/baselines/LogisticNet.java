package io.sysrisk.model.baselines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Logistic regression on the last day's features: sigmoid(w . x_T + b), fitted by the same trainer. */
public class LogisticNet extends SequenceClassifier {

    public LogisticNet() {
        super(0f);
    }

    @Override
    protected NDArray encode(ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params) {
        return x.get(new NDIndex(":, -1, :"));
    }

    @Override
    protected long initializeEncoder(NDManager manager, DataType dataType, Shape in) {
        return in.get(2);
    }
}
