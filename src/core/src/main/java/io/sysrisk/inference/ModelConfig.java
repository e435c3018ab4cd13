package io.sysrisk.inference;

/**
 * Architecture of the CNN-BiLSTM-attention network (arXiv 2502.06847); the defaults are sysrisk's reference
 * values, since the paper publishes none.
 *
 * @param convFilters      Conv1d filters
 * @param convKernel       Conv1d kernel width (odd; "same" padding keeps the window length)
 * @param poolSize         MaxPool1d size and stride
 * @param lstmUnits        LSTM state size per direction (the BiLSTM output is twice this)
 * @param attentionUnits   width of the additive attention's hidden layer
 * @param dropout          dropout rate before the output layer
 * @param attention        false: mean-pool the BiLSTM outputs instead of attending (the no-attention ablation)
 * @param anchorFeature    null: a plain network (and every manifest written before anchoring). Else the network is anchored on the reference: its logit is a
 *                         logistic regression on this feature of the window's last day (fitted on the training part,
 *                         fixed: parameters {@code anchor_weight}, {@code anchor_bias}) plus the network's output as a
 *                         learned correction that starts at 0, so that with no signal it reproduces the reference
 * @param horizons         null: one output, the logit of the label (every model so far). Else a term structure
 *                         (issue 26): one hazard logit per interval between these horizons in trading days
 *                         ({@link HazardCurve}), each anchored on its own reference when the network is anchored
 * @param servedHorizon    a term structure's horizon whose cumulative probability is the answer's
 *                         {@code probability} (the label's own window, so one-probability readers keep its meaning);
 *                         null for one output
 */
public record ModelConfig(int convFilters, int convKernel, int poolSize, int lstmUnits, int attentionUnits,
                          float dropout, boolean attention,
                          @com.fasterxml.jackson.annotation.JsonInclude(
                                  com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Integer anchorFeature,
                          @com.fasterxml.jackson.annotation.JsonInclude(
                                  com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                          java.util.List<Integer> horizons,
                          @com.fasterxml.jackson.annotation.JsonInclude(
                                  com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                          Integer servedHorizon) {

    public ModelConfig(int convFilters, int convKernel, int poolSize, int lstmUnits, int attentionUnits,
                       float dropout, boolean attention) {
        this(convFilters, convKernel, poolSize, lstmUnits, attentionUnits, dropout, attention, null, null, null);
    }

    public ModelConfig(int convFilters, int convKernel, int poolSize, int lstmUnits, int attentionUnits,
                       float dropout, boolean attention, Integer anchorFeature) {
        this(convFilters, convKernel, poolSize, lstmUnits, attentionUnits, dropout, attention, anchorFeature, null,
                null);
    }

    /** This network anchored on feature {@code feature} of the last day (null: plain). */
    public ModelConfig anchoredOn(Integer feature) {
        return new ModelConfig(convFilters, convKernel, poolSize, lstmUnits, attentionUnits, dropout, attention,
                feature, horizons, servedHorizon);
    }

    /** This network's ablation without attention (the BiLSTM outputs mean-pooled). */
    public ModelConfig withoutAttention() {
        return new ModelConfig(convFilters, convKernel, poolSize, lstmUnits, attentionUnits, dropout, false,
                anchorFeature, horizons, servedHorizon);
    }

    /**
     * This network with a hazard output per interval between {@code horizons} (null: one logit), answering
     * {@code served}'s cumulative probability as its {@code probability}.
     */
    public ModelConfig withHorizons(java.util.List<Integer> horizons, Integer served) {
        return new ModelConfig(convFilters, convKernel, poolSize, lstmUnits, attentionUnits, dropout, attention,
                anchorFeature, horizons, served);
    }

    /** The index of the served horizon among the horizons (0 for one output). */
    public int servedIndex() {
        return horizons == null ? 0 : horizons.indexOf(servedHorizon);
    }

    /** The network's outputs: one logit, or one hazard logit per horizon. */
    public int outputs() {
        return horizons == null ? 1 : horizons.size();
    }

    public boolean anchored() {
        return anchorFeature != null;
    }

    public ModelConfig {
        if (anchorFeature != null && anchorFeature < 0) {
            throw new IllegalArgumentException("invalid anchor feature " + anchorFeature);
        }
        if ((horizons == null) != (servedHorizon == null)
                || horizons != null && !horizons.contains(servedHorizon)) {
            throw new IllegalArgumentException("a term structure serves one of its horizons, got horizons " + horizons
                    + " and served horizon " + servedHorizon);
        }
        if (horizons != null) {
            horizons = java.util.List.copyOf(horizons);
            for (int k = 0; k < horizons.size(); k++) {
                if (horizons.get(k) < 1 || k > 0 && horizons.get(k) <= horizons.get(k - 1)) {
                    throw new IllegalArgumentException("horizons must be at least 1 day and strictly ascending, got "
                            + horizons);
                }
            }
        }
        if (convFilters < 1 || convKernel < 1 || convKernel % 2 == 0 || poolSize < 1 || lstmUnits < 1
                || attentionUnits < 1 || dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("invalid model config: " + convFilters + " filters, kernel "
                    + convKernel + " (must be odd), pool " + poolSize + ", " + lstmUnits + " LSTM units, "
                    + attentionUnits + " attention units, dropout " + dropout);
        }
    }

    public static ModelConfig reference() {
        return new ModelConfig(64, 3, 2, 64, 64, 0.2f, true);
    }

    /** The smaller-network option: 16 filters and units, a tenth of the reference's parameters. */
    public static ModelConfig small() {
        return new ModelConfig(16, 3, 2, 16, 16, 0.2f, true);
    }

    /** Time steps the BiLSTM and attention see for a window of {@code window} days. */
    public int steps(int window) {
        return window / poolSize;
    }
}
