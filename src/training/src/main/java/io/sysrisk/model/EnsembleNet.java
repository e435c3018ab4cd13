package io.sysrisk.model;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.sysrisk.inference.EnsembleConfig;

/**
 * The served model: a seed ensemble of {@link SystemicRiskNet}s with Platt calibration, as one block. Each member
 * gives a probability; their mean p is calibrated as logit' = scale x logit(p) + shift (fitted on validation, so the
 * class-weighted training loss no longer inflates the probabilities). Output as a member's: the calibrated logit
 * (N) and the members' mean attention weights (N, steps). One block means one parameter file, one checksum and
 * one predictor for training, evaluation and serving alike.
 *
 * <p>A term structure's members (issue 26) give (N, K) hazard logits: their mean hazard per interval is calibrated
 * by that interval's Platt scale and shift, and the output is the calibrated hazard logits (N, K).
 */
public class EnsembleNet extends AbstractBlock {

    /** Probabilities are kept this far from 0 and 1 before the logit, so it stays finite. */
    static final float EDGE = 1e-6f;

    private final EnsembleConfig config;
    private final List<SystemicRiskNet> members = new ArrayList<>();

    public EnsembleNet(EnsembleConfig config) {
        this.config = config;
        for (int i = 0; i < config.members(); i++) {
            members.add(addChildBlock("member" + (i + 1), Architecture.network(config.member())));
        }
    }

    public EnsembleConfig config() {
        return config;
    }

    public List<SystemicRiskNet> members() {
        return members;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList probabilities = new NDList();
        NDList attentions = new NDList();
        for (SystemicRiskNet m : members) {
            NDList out = m.forward(ps, inputs, training, params);
            probabilities.add(Activation.sigmoid(out.get(0)));
            attentions.add(out.get(1));
        }
        NDArray p = NDArrays.stack(probabilities).mean(new int[] {0}).clip(EDGE, 1 - EDGE);
        NDArray logit;
        if (config.hazards() == null) {
            logit = p.log().sub(p.neg().add(1).log()).mul(config.calibrationScale()).add(config.calibrationShift());
        } else {
            int k = config.hazards().size();
            float[] scale = new float[k];
            float[] shift = new float[k];
            for (int j = 0; j < k; j++) {
                scale[j] = (float) config.hazards().get(j).scale();
                shift[j] = (float) config.hazards().get(j).shift();
            }
            // (N, K) by (K): each interval's own calibration, broadcast over the windows.
            logit = p.log().sub(p.neg().add(1).log()).mul(p.getManager().create(scale))
                    .add(p.getManager().create(shift));
        }
        NDArray attention = NDArrays.stack(attentions).mean(new int[] {0});
        return new NDList(logit, attention);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return members.get(0).getOutputShapes(inputs);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (SystemicRiskNet m : members) {
            m.initialize(manager, dataType, inputShapes);
        }
    }
}
