package io.sysrisk.model.baselines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.sysrisk.model.BiLstmBlock;

/** BiLSTM alone on the raw feature window, then the mean of its outputs over time. */
public class BiLstmNet extends SequenceClassifier {

    private final int units;
    private final BiLstmBlock biLstm;

    public BiLstmNet(int units, float dropout) {
        super(dropout);
        this.units = units;
        biLstm = addChildBlock("bilstm", new BiLstmBlock(units));
    }

    @Override
    protected NDArray encode(ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params) {
        return biLstm.forward(ps, new NDList(x), training, params).head().mean(new int[] {1});
    }

    @Override
    protected long initializeEncoder(NDManager manager, DataType dataType, Shape in) {
        biLstm.initialize(manager, dataType, in);
        return 2L * units;
    }
}
