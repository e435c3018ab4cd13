package io.sysrisk.model.baselines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.transformer.TransformerEncoderBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Transformer encoder: a Linear projection of each day's features to {@code model} dimensions plus sinusoidal
 * positional encodings, {@code layers} DJL {@link TransformerEncoderBlock}s, then the mean over time.
 */
public class TransformerNet extends SequenceClassifier {

    private final int model;
    private final Linear projection;
    private final TransformerEncoderBlock[] encoders;

    public TransformerNet(int model, int heads, int hidden, int layers, float dropout) {
        super(dropout);
        this.model = model;
        projection = addChildBlock("projection", Linear.builder().setUnits(model).build());
        encoders = new TransformerEncoderBlock[layers];
        for (int i = 0; i < layers; i++) {
            encoders[i] = addChildBlock("encoder" + i,
                    new TransformerEncoderBlock(model, heads, hidden, dropout, Activation::relu));
        }
    }

    @Override
    protected NDArray encode(ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params) {
        NDArray h = projection.forward(ps, new NDList(x), training, params).head();
        h = h.add(positions(x.getManager(), (int) x.getShape().get(1), model));
        for (TransformerEncoderBlock e : encoders) {
            h = e.forward(ps, new NDList(h), training, params).head();
        }
        return h.mean(new int[] {1});
    }

    /** The sinusoidal encodings of Vaswani et al. (2017), (T, D). */
    static NDArray positions(NDManager manager, int steps, int dims) {
        float[] pe = new float[steps * dims];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < dims; i++) {
                double angle = t / Math.pow(10000, (2 * (i / 2)) / (double) dims);
                pe[t * dims + i] = (float) (i % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return manager.create(pe, new Shape(steps, dims));
    }

    @Override
    protected long initializeEncoder(NDManager manager, DataType dataType, Shape in) {
        projection.initialize(manager, dataType, in);
        Shape h = new Shape(in.get(0), in.get(1), model);
        for (TransformerEncoderBlock e : encoders) {
            e.initialize(manager, dataType, h);
        }
        return model;
    }
}
