package io.sysrisk.inference;

import java.util.Map;

import io.sysrisk.model.ModelConfig;

/**
 * {@link io.sysrisk.model.SystemicRiskNet}'s forward pass in plain Java, for one window at a time, over the
 * parameters DJL trained: Conv1d (same padding) + ReLU, MaxPool1d, the forward and the time-reversed LSTM
 * (PyTorch gate order i, f, g, o), additive attention (or the mean without it), Linear. Dropout is the identity at
 * inference. Computed in double from float32 parameters; {@code InferenceParityTest} holds it to DJL within 1e-5.
 */
public final class JavaNet {

    /** One window's logit and its attention weights over the pooled steps. */
    public record Output(double logit, double[] attention) {
    }

    private final ModelConfig config;
    private final int features;
    private final float[] convW;
    private final float[] convB;
    private final Lstm forward;
    private final Lstm backward;
    private final float[] attW;
    private final float[] attB;
    private final float[] attV;
    private final float[] outW;
    private final float outB;

    /**
     * @param prefix the member's name prefix in {@code params} after {@link #normalize} ("" for a single network,
     *               "member1_" for an ensemble's first member)
     */
    public JavaNet(ModelConfig config, int features, Map<String, Tensor> params, String prefix) {
        this.config = config;
        this.features = features;
        int c = config.convFilters();
        int k = config.convKernel();
        int h = config.lstmUnits();
        convW = get(params, prefix + "conv_weight").expect(c, features, k).data();
        convB = get(params, prefix + "conv_bias").expect(c).data();
        forward = new Lstm(params, prefix + "bilstm_forward_l_0_", c, h);
        backward = new Lstm(params, prefix + "bilstm_backward_l_0_", c, h);
        if (config.attention()) {
            int a = config.attentionUnits();
            attW = get(params, prefix + "attention_hidden_weight").expect(a, 2 * h).data();
            attB = get(params, prefix + "attention_hidden_bias").expect(a).data();
            attV = get(params, prefix + "attention_score_weight").expect(1, a).data();
        } else {
            attW = null;
            attB = null;
            attV = null;
        }
        outW = get(params, prefix + "output_weight").expect(1, 2 * h).data();
        outB = get(params, prefix + "output_bias").expect(1).data()[0];
    }

    /** DJL's parameter name without the child-order numbers: {@code 01member1_03bilstm_01forward_l_0_i2h_WEIGHT} -> {@code member1_bilstm_forward_l_0_i2h_weight}. */
    public static String normalize(String djlName) {
        return djlName.replaceAll("(^|_)\\d{2}", "$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static Tensor get(Map<String, Tensor> params, String name) {
        Tensor t = params.get(name);
        if (t == null) {
            throw new IllegalArgumentException("parameter " + name + " is missing; the file has " + params.keySet());
        }
        return t;
    }

    /** The window starting at {@code offset} of {@code x}, laid out (W, F). */
    public Output forward(float[] x, int offset, int window) {
        int c = config.convFilters();
        int k = config.convKernel();
        int pad = k / 2;
        int pool = config.poolSize();
        int steps = config.steps(window);
        double[][] pooled = new double[steps][c];
        for (double[] row : pooled) {
            java.util.Arrays.fill(row, Double.NEGATIVE_INFINITY);
        }
        for (int t = 0; t < steps * pool; t++) {
            for (int o = 0; o < c; o++) {
                double s = convB[o];
                for (int j = 0; j < k; j++) {
                    int src = t + j - pad;
                    if (src < 0 || src >= window) {
                        continue;
                    }
                    int xi = offset + src * features;
                    int wi = (o * features) * k + j;
                    for (int f = 0; f < features; f++) {
                        s += convW[wi + f * k] * x[xi + f];
                    }
                }
                double relu = Math.max(0, s);
                int step = t / pool;
                pooled[step][o] = Math.max(pooled[step][o], relu);
            }
        }
        int h = config.lstmUnits();
        double[][] hidden = new double[steps][2 * h];
        forward.run(pooled, hidden, 0, false);
        backward.run(pooled, hidden, h, true);

        double[] weights = new double[steps];
        double[] context = new double[2 * h];
        if (attW != null) {
            int a = config.attentionUnits();
            double max = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < steps; s++) {
                double score = 0;
                for (int u = 0; u < a; u++) {
                    double e = attB[u];
                    for (int d = 0; d < 2 * h; d++) {
                        e += attW[u * 2 * h + d] * hidden[s][d];
                    }
                    score += attV[u] * Math.tanh(e);
                }
                weights[s] = score;
                max = Math.max(max, score);
            }
            double sum = 0;
            for (int s = 0; s < steps; s++) {
                weights[s] = Math.exp(weights[s] - max);
                sum += weights[s];
            }
            for (int s = 0; s < steps; s++) {
                weights[s] /= sum;
            }
        } else {
            java.util.Arrays.fill(weights, 1.0 / steps);
        }
        for (int s = 0; s < steps; s++) {
            for (int d = 0; d < 2 * h; d++) {
                context[d] += weights[s] * hidden[s][d];
            }
        }
        double logit = outB;
        for (int d = 0; d < 2 * h; d++) {
            logit += outW[d] * context[d];
        }
        return new Output(logit, weights);
    }

    /** One direction of the bidirectional LSTM. */
    private static final class Lstm {
        private final float[] wi;
        private final float[] wh;
        private final float[] bi;
        private final float[] bh;
        private final int inputs;
        private final int units;

        Lstm(Map<String, Tensor> params, String prefix, int inputs, int units) {
            this.inputs = inputs;
            this.units = units;
            wi = get(params, prefix + "i2h_weight").expect(4 * units, inputs).data();
            wh = get(params, prefix + "h2h_weight").expect(4 * units, units).data();
            bi = get(params, prefix + "i2h_bias").expect(4 * units).data();
            bh = get(params, prefix + "h2h_bias").expect(4 * units).data();
        }

        /** Writes h of every step into {@code out[step][column ..]}; reversed: runs from the last step back. */
        void run(double[][] x, double[][] out, int column, boolean reversed) {
            int steps = x.length;
            double[] h = new double[units];
            double[] c = new double[units];
            double[] g = new double[4 * units];
            for (int n = 0; n < steps; n++) {
                int s = reversed ? steps - 1 - n : n;
                for (int r = 0; r < 4 * units; r++) {
                    double v = bi[r] + bh[r];
                    int ri = r * inputs;
                    for (int d = 0; d < inputs; d++) {
                        v += wi[ri + d] * x[s][d];
                    }
                    int rh = r * units;
                    for (int d = 0; d < units; d++) {
                        v += wh[rh + d] * h[d];
                    }
                    g[r] = v;
                }
                for (int u = 0; u < units; u++) {
                    double in = sigmoid(g[u]);
                    double forget = sigmoid(g[units + u]);
                    double cell = Math.tanh(g[2 * units + u]);
                    double outGate = sigmoid(g[3 * units + u]);
                    c[u] = forget * c[u] + in * cell;
                    h[u] = outGate * Math.tanh(c[u]);
                    out[s][column + u] = h[u];
                }
            }
        }
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
