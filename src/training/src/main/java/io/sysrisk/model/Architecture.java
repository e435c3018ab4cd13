package io.sysrisk.model;

import java.util.Locale;

import ai.djl.nn.Block;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.model.baselines.BiLstmNet;
import io.sysrisk.model.baselines.CnnNet;
import io.sysrisk.model.baselines.LogisticNet;
import io.sysrisk.model.baselines.TcnNet;
import io.sysrisk.model.baselines.TransformerNet;

/**
 * The reference model, its no-attention ablation, and the baselines it is compared with; all take the same
 * normalized windows (N, W, F). Sizes follow the reference {@link ModelConfig} (64 filters / units, dropout 0.2).
 */
public enum Architecture {
    CNN_BILSTM_ATTENTION("cnn-bilstm-attention"),
    CNN_BILSTM("cnn-bilstm (no attention)"),
    CNN("cnn"),
    BILSTM("bilstm"),
    TRANSFORMER("transformer"),
    TCN("tcn"),
    LOGISTIC("logistic (last day)");

    private final String label;

    Architecture(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The network a manifest's architecture label names ({@link io.sysrisk.store.ModelManifest#architectureOf}); a
     * store can only hold the reference model and its no-attention ablation.
     */
    public static Architecture ofManifest(String label) {
        if (io.sysrisk.store.ModelManifest.ARCHITECTURE.equals(label)) {
            return CNN_BILSTM_ATTENTION;
        }
        if (io.sysrisk.store.ModelManifest.ARCHITECTURE_NO_ATTENTION.equals(label)) {
            return CNN_BILSTM;
        }
        throw new io.sysrisk.store.ModelStoreException("unknown stored architecture '" + label + "'");
    }

    /** The CNN-BiLSTM(-attention) network {@code c} describes: every such block is built here. */
    public static SystemicRiskNet network(ModelConfig c) {
        return (SystemicRiskNet) (c.attention() ? CNN_BILSTM_ATTENTION : CNN_BILSTM).build(c);
    }

    public Block build(ModelConfig c) {
        return switch (this) {
            case CNN_BILSTM_ATTENTION -> new SystemicRiskNet(c);
            case CNN_BILSTM -> new SystemicRiskNet(c.withoutAttention());
            case CNN -> new CnnNet(c.convFilters(), c.convKernel(), c.poolSize(), c.dropout());
            case BILSTM -> new BiLstmNet(c.lstmUnits(), c.dropout());
            case TRANSFORMER -> new TransformerNet(c.lstmUnits(), 4, 2 * c.lstmUnits(), 2, c.dropout());
            case TCN -> new TcnNet(c.convFilters() / 2, c.convKernel(), new int[] {1, 2, 4, 8}, c.dropout());
            case LOGISTIC -> new LogisticNet();
        };
    }
}
