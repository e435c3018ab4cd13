package io.sysrisk.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.sysrisk.inference.ModelConfig;

/**
 * CNN-BiLSTM-attention (arXiv 2502.06847). Input: normalized windows (N, W, F). Conv1d (same padding) + ReLU ->
 * MaxPool1d -> BiLSTM -> additive attention over the pooled steps -> dropout -> Linear -> logit.
 * Output: logits (N) and attention weights (N, W / pool); probability = sigmoid(logit).
 *
 * <p>Anchored ({@link ModelConfig#anchored}): logit = the fixed reference's logit ({@link AnchorBlock}) + the
 * network's output, whose Linear starts at zero ({@link #anchor}), so that the untrained network is the reference.
 *
 * <p>A term structure ({@link ModelConfig#horizons}, issue 26): the Linear gives one hazard logit per interval,
 * (N, K), each anchored on its own reference; {@code HazardCurve} turns them into cumulative probabilities.
 */
public class SystemicRiskNet extends AbstractBlock {

    private final ModelConfig config;
    private final Conv1d conv;
    private final Block pool;
    private final BiLstmBlock biLstm;
    private final AdditiveAttentionBlock attention;
    private final Dropout dropout;
    private final Linear output;
    private final AnchorBlock anchor;

    public SystemicRiskNet(ModelConfig config) {
        this.config = config;
        conv = addChildBlock("conv", Conv1d.builder().setKernelShape(new Shape(config.convKernel()))
                .setFilters(config.convFilters()).optPadding(new Shape(config.convKernel() / 2)).build());
        pool = addChildBlock("pool", Pool.maxPool1dBlock(new Shape(config.poolSize()), new Shape(config.poolSize()),
                new Shape(0), false));
        biLstm = addChildBlock("bilstm", new BiLstmBlock(config.lstmUnits()));
        attention = config.attention() ? addChildBlock("attention", new AdditiveAttentionBlock(config.attentionUnits()))
                : null;
        dropout = addChildBlock("dropout", Dropout.builder().optRate(config.dropout()).build());
        output = addChildBlock("output", Linear.builder().setUnits(config.outputs()).build());
        anchor = config.anchored() ? addChildBlock("anchor", new AnchorBlock(config.outputs())) : null;
    }

    /**
     * Sets the reference this network corrects and zeroes its correction (call after initializing, before
     * training): from here the untrained network's logit is exactly the reference's.
     */
    public void anchor(float[] weights, float intercept) {
        anchor(new float[][] {weights}, new float[] {intercept});
    }

    /** As {@link #anchor(float[], float)}, one reference per output (a term structure's hazards). */
    public void anchor(float[][] weights, float[] intercepts) {
        if (anchor == null) {
            throw new IllegalStateException("not an anchored network");
        }
        anchor.set(weights, intercepts);
        output.getParameters().forEach(p -> p.getValue().getArray().set(new float[(int) p.getValue().getArray()
                .size()]));
    }

    public ModelConfig config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow().transpose(0, 2, 1); // NWF -> NCW for Conv1d
        NDArray c = Activation.relu(conv.forward(ps, new NDList(x), training, params).head());
        NDArray p = pool.forward(ps, new NDList(c), training, params).head().transpose(0, 2, 1); // -> N, T, C
        NDArray h = biLstm.forward(ps, new NDList(p), training, params).head();
        NDArray context;
        NDArray weights;
        if (attention != null) {
            NDList a = attention.forward(ps, new NDList(h), training, params);
            context = a.get(0);
            weights = a.get(1);
        } else {
            context = h.mean(new int[] {1});
            long steps = h.getShape().get(1);
            weights = h.getManager().full(new Shape(h.getShape().get(0), steps), 1f / steps);
        }
        NDArray d = dropout.forward(ps, new NDList(context), training, params).head();
        NDArray out = output.forward(ps, new NDList(d), training, params).head();
        NDArray logit = config.outputs() == 1 ? out.squeeze(1) : out;
        if (anchor != null) {
            logit = logit.add(anchor.forward(ps, inputs, training, params).head());
        }
        return new NDList(logit, weights);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape in = inputs[0];
        long steps = config.steps((int) in.get(1));
        Shape logits = config.outputs() == 1 ? new Shape(in.get(0)) : new Shape(in.get(0), config.outputs());
        return new Shape[] {logits, new Shape(in.get(0), steps)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        long n = in.get(0);
        long w = in.get(1);
        long f = in.get(2);
        conv.initialize(manager, dataType, new Shape(n, f, w));
        pool.initialize(manager, dataType, new Shape(n, config.convFilters(), w));
        long steps = config.steps((int) w);
        Shape seq = new Shape(n, steps, config.convFilters());
        biLstm.initialize(manager, dataType, seq);
        Shape hidden = new Shape(n, steps, 2L * config.lstmUnits());
        if (attention != null) {
            attention.initialize(manager, dataType, hidden);
        }
        Shape context = new Shape(n, 2L * config.lstmUnits());
        dropout.initialize(manager, dataType, context);
        output.initialize(manager, dataType, context);
        if (anchor != null) {
            anchor.initialize(manager, dataType, in);
        }
    }
}
