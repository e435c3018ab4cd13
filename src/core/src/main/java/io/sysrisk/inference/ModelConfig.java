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
 */
public record ModelConfig(int convFilters, int convKernel, int poolSize, int lstmUnits, int attentionUnits,
                          float dropout, boolean attention) {

    public ModelConfig {
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
