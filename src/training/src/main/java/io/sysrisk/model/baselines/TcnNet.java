package io.sysrisk.model.baselines;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Temporal convolutional network (Bai et al. 2018): residual blocks of two dilated causal Conv1d + ReLU, dilations
 * 1, 2, 4, 8 (receptive field 61 days with kernel 3), a 1x1 Conv1d on the first residual path to match channels;
 * the encoding is the last time step. Causal: each conv pads both sides and drops the outputs that would have seen
 * the future.
 */
public class TcnNet extends SequenceClassifier {

    private final int channels;
    private final List<Conv1d[]> blocks = new ArrayList<>();
    private final Conv1d match;

    public TcnNet(int channels, int kernel, int[] dilations, float dropout) {
        super(dropout);
        this.channels = channels;
        for (int i = 0; i < dilations.length; i++) {
            int d = dilations[i];
            blocks.add(new Conv1d[] {
                    addChildBlock("block" + i + "a", causal(channels, kernel, d)),
                    addChildBlock("block" + i + "b", causal(channels, kernel, d))});
        }
        match = addChildBlock("match", Conv1d.builder().setKernelShape(new Shape(1)).setFilters(channels).build());
    }

    private static Conv1d causal(int channels, int kernel, int dilation) {
        return Conv1d.builder().setKernelShape(new Shape(kernel)).setFilters(channels)
                .optDilation(new Shape(dilation)).optPadding(new Shape((long) (kernel - 1) * dilation)).build();
    }

    private static NDArray causalConv(Conv1d conv, ParameterStore ps, NDArray x, boolean training,
                               PairList<String, Object> params) {
        NDArray y = conv.forward(ps, new NDList(x), training, params).head();
        long steps = x.getShape().get(2);
        return y.get(new NDIndex(":, :, 0:" + steps)); // keep outputs that saw only the present and the past
    }

    @Override
    protected NDArray encode(ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params) {
        NDArray h = hidden(ps, x, training, params);
        long last = h.getShape().get(2) - 1;
        return h.get(new NDIndex(":, :, " + last));
    }

    /** The last residual block's output at every step, (N, C, W). */
    NDArray hidden(ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params) {
        NDArray h = x.transpose(0, 2, 1);
        for (int i = 0; i < blocks.size(); i++) {
            NDArray a = Activation.relu(causalConv(blocks.get(i)[0], ps, h, training, params));
            NDArray b = Activation.relu(causalConv(blocks.get(i)[1], ps, a, training, params));
            NDArray residual = i == 0 ? match.forward(ps, new NDList(h), training, params).head() : h;
            h = Activation.relu(b.add(residual));
        }
        return h;
    }

    @Override
    protected long initializeEncoder(NDManager manager, DataType dataType, Shape in) {
        Shape first = new Shape(in.get(0), in.get(2), in.get(1));
        Shape hidden = new Shape(in.get(0), channels, in.get(1));
        for (int i = 0; i < blocks.size(); i++) {
            blocks.get(i)[0].initialize(manager, dataType, i == 0 ? first : hidden);
            blocks.get(i)[1].initialize(manager, dataType, hidden);
        }
        match.initialize(manager, dataType, first);
        return channels;
    }
}
