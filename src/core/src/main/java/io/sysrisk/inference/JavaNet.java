package io.sysrisk.inference;

import java.util.Map;

import io.sysrisk.inference.ModelConfig;

/**
 * {@link io.sysrisk.model.SystemicRiskNet}'s forward pass in plain Java, for one window at a time, over the
 * parameters DJL trained: Conv1d (same padding) + ReLU, MaxPool1d, the forward and the time-reversed LSTM
 * (PyTorch gate order i, f, g, o), additive attention (or the mean without it), Linear. Dropout is the identity at
 * inference. Computed in double from float32 parameters; {@code InferenceParityTest} holds it to DJL within 1e-5.
 *
 * <p>Speed: weights are kept transposed (input-major) so every product is an {@code out[r] += w[d][r] * x[d]} loop
 * over contiguous memory, which HotSpot's C2 turns into SIMD (a dot-product loop is a reduction it will not
 * vectorize for doubles); the LSTM's input projections, which do not depend on the recurrence, are computed for all
 * steps before it; sigmoid and tanh are taken through one inlined exponential, {@link #expNonPositive}.
 */
public final class JavaNet {

    /** One window's logit and its attention weights over the pooled steps. */
    public record Output(double logit, double[] attention) {
    }

    private final ModelConfig config;
    private final int features;
    /** [k][features][filters] */
    private final double[] convT;
    private final double[] convB;
    private final Lstm forward;
    private final Lstm backward;
    /** [2h][attentionUnits] */
    private final double[] attT;
    private final double[] attB;
    private final double[] attV;
    private final double[] outW;
    private final double outB;
    /** The anchored network's fixed reference on the last day (null for a plain network). */
    private final double[] anchorW;
    private final double anchorB;

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
        float[] w = get(params, prefix + "conv_weight").expect(c, features, k).data();
        convT = new double[k * features * c];
        for (int o = 0; o < c; o++) {
            for (int f = 0; f < features; f++) {
                for (int j = 0; j < k; j++) {
                    convT[(j * features + f) * c + o] = w[(o * features + f) * k + j];
                }
            }
        }
        convB = toDouble(get(params, prefix + "conv_bias").expect(c).data());
        forward = new Lstm(params, prefix + "bilstm_forward_l_0_", c, h);
        backward = new Lstm(params, prefix + "bilstm_backward_l_0_", c, h);
        if (config.attention()) {
            int a = config.attentionUnits();
            attT = transpose(get(params, prefix + "attention_hidden_weight").expect(a, 2 * h).data(), a, 2 * h);
            attB = toDouble(get(params, prefix + "attention_hidden_bias").expect(a).data());
            attV = toDouble(get(params, prefix + "attention_score_weight").expect(1, a).data());
        } else {
            attT = null;
            attB = null;
            attV = null;
        }
        outW = toDouble(get(params, prefix + "output_weight").expect(1, 2 * h).data());
        outB = get(params, prefix + "output_bias").expect(1).data()[0];
        if (config.anchored()) {
            anchorW = toDouble(get(params, prefix + "anchor_weight").expect(1, features).data());
            anchorB = get(params, prefix + "anchor_bias").expect(1).data()[0];
        } else {
            anchorW = null;
            anchorB = 0;
        }
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
        // Conv1d + ReLU + MaxPool: ReLU outputs are >= 0, so a pooled maximum starting at 0 is exact.
        double[] pooled = new double[steps * c];
        double[] conv = new double[c];
        for (int t = 0; t < steps * pool; t++) {
            System.arraycopy(convB, 0, conv, 0, c);
            for (int j = 0; j < k; j++) {
                int src = t + j - pad;
                if (src < 0 || src >= window) {
                    continue;
                }
                int xi = offset + src * features;
                for (int f = 0; f < features; f++) {
                    axpy(conv, convT, (j * features + f) * c, x[xi + f], c);
                }
            }
            int p = (t / pool) * c;
            for (int o = 0; o < c; o++) {
                pooled[p + o] = Math.max(pooled[p + o], conv[o]);
            }
        }
        int h = config.lstmUnits();
        double[] hidden = new double[steps * 2 * h];
        Lstm.runBoth(forward, backward, pooled, steps, hidden);

        double[] weights = new double[steps];
        if (attT != null) {
            int a = config.attentionUnits();
            double[] e = new double[a];
            double max = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < steps; s++) {
                System.arraycopy(attB, 0, e, 0, a);
                int hs = s * 2 * h;
                for (int d = 0; d < 2 * h; d++) {
                    axpy(e, attT, d * a, hidden[hs + d], a);
                }
                double score = 0;
                for (int u = 0; u < a; u++) {
                    score += attV[u] * tanh(e[u]);
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
        double[] context = new double[2 * h];
        for (int s = 0; s < steps; s++) {
            axpy(context, hidden, s * 2 * h, weights[s], 2 * h);
        }
        double logit = outB;
        if (anchorW != null) {
            int last = offset + (window - 1) * features;
            logit += anchorB;
            for (int f = 0; f < features; f++) {
                logit += anchorW[f] * x[last + f];
            }
        }
        for (int d = 0; d < 2 * h; d++) {
            logit += outW[d] * context[d];
        }
        return new Output(logit, weights);
    }

    /** {@code y[0..n) += a * w[from..from+n)}: the one inner loop of the network, written for C2's vectorizer. */
    private static void axpy(double[] y, double[] w, int from, double a, int n) {
        for (int i = 0; i < n; i++) {
            y[i] += a * w[from + i];
        }
    }

    /** One direction of the bidirectional LSTM. */
    private static final class Lstm {
        /** [inputs][4 units] */
        private final double[] wiT;
        /** [units][4 units] */
        private final double[] whT;
        private final double[] bias;
        private final int inputs;
        private final int units;

        Lstm(Map<String, Tensor> params, String prefix, int inputs, int units) {
            this.inputs = inputs;
            this.units = units;
            wiT = transpose(get(params, prefix + "i2h_weight").expect(4 * units, inputs).data(), 4 * units, inputs);
            whT = transpose(get(params, prefix + "h2h_weight").expect(4 * units, units).data(), 4 * units, units);
            float[] bi = get(params, prefix + "i2h_bias").expect(4 * units).data();
            float[] bh = get(params, prefix + "h2h_bias").expect(4 * units).data();
            bias = new double[4 * units];
            for (int r = 0; r < bias.length; r++) {
                // Summed in double, as the rest; float32 summation in DJL differs by ~1e-8, far inside the parity bound.
                bias[r] = (double) bi[r] + bh[r];
            }
        }

        /** The input projections of every step (bias included): they do not wait on the recurrence. */
        double[] project(double[] x, int steps) {
            int g4 = 4 * units;
            double[] gates = new double[steps * g4];
            double[] g = new double[g4];
            for (int s = 0; s < steps; s++) {
                System.arraycopy(bias, 0, g, 0, g4);
                for (int d = 0; d < inputs; d++) {
                    axpy(g, wiT, d * g4, x[s * inputs + d], g4);
                }
                System.arraycopy(g, 0, gates, s * g4, g4);
            }
            return gates;
        }

        /**
         * Both directions in one loop, step n of the forward LSTM beside step n of the reversed one: two independent
         * dependency chains that the CPU overlaps. Writes h of every step into {@code out[step * 2 units ..]}, the
         * forward direction's first.
         */
        static void runBoth(Lstm fw, Lstm bw, double[] x, int steps, double[] out) {
            int units = fw.units;
            int g4 = 4 * units;
            int width = 2 * units;
            double[] gatesF = fw.project(x, steps);
            double[] gatesB = bw.project(x, steps);
            double[] hF = new double[units];
            double[] cF = new double[units];
            double[] hB = new double[units];
            double[] cB = new double[units];
            double[] gF = new double[g4];
            double[] gB = new double[g4];
            for (int n = 0; n < steps; n++) {
                int sF = n;
                int sB = steps - 1 - n;
                System.arraycopy(gatesF, sF * g4, gF, 0, g4);
                System.arraycopy(gatesB, sB * g4, gB, 0, g4);
                for (int d = 0; d < units; d++) {
                    axpy(gF, fw.whT, d * g4, hF[d], g4);
                    axpy(gB, bw.whT, d * g4, hB[d], g4);
                }
                cell(gF, cF, hF, units, out, sF * width);
                cell(gB, cB, hB, units, out, sB * width + units);
            }
        }

        /** One step's cell and hidden state from its gates (PyTorch order i, f, g, o). */
        private static void cell(double[] g, double[] c, double[] h, int units, double[] out, int at) {
            for (int u = 0; u < units; u++) {
                double in = sigmoid(g[u]);
                double forget = sigmoid(g[units + u]);
                double candidate = tanh(g[2 * units + u]);
                double outGate = sigmoid(g[3 * units + u]);
                c[u] = forget * c[u] + in * candidate;
                h[u] = outGate * tanh(c[u]);
                out[at + u] = h[u];
            }
        }
    }

    private static double[] transpose(float[] w, int rows, int cols) {
        double[] t = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int d = 0; d < cols; d++) {
                t[d * rows + r] = w[r * cols + d];
            }
        }
        return t;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    static double sigmoid(double z) {
        double e = expNonPositive(-Math.abs(z));
        return z >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    /** tanh(z) = 2 sigmoid(2z) - 1; absolute error ~1e-16. */
    static double tanh(double z) {
        double e = expNonPositive(-2 * Math.abs(z));
        double t = (1 - e) / (1 + e);
        return z < 0 ? -t : t;
    }

    /** 64 / ln 2, and ln 2 / 64 in two parts (the high one has zero low bits, so k * LN2_64_HI is exact here). */
    private static final double INV_LN2_64 = 64 * 1.4426950408889634;
    private static final double LN2_64_HI = 0.6931471803691238 / 64;
    private static final double LN2_64_LO = 1.9082149292705877e-10 / 64;
    /** 2^(j/64), j = 0..63. */
    private static final double[] TWO_POW_J64 = new double[64];

    static {
        for (int j = 0; j < 64; j++) {
            TWO_POW_J64[j] = Math.pow(2, j / 64.0);
        }
    }

    /**
     * e^x for x <= 0, to a relative error under 1e-13 ({@code JavaNetTest} holds it to {@link Math#exp}):
     * x = (64 m + j) ln 2 / 64 + r with |r| <= ln 2 / 128, so e^x = 2^m 2^(j/64) e^r, with e^r from its Taylor
     * polynomial to degree 4 (remainder under (ln 2 / 128)^5 / 120 = 4e-14) and 2^(j/64) from a table. Every sigmoid and tanh of the LSTM and the attention goes
     * through here (26,000 calls a window for the served ensemble); it is shorter than {@link Math#exp}'s stub, and
     * C2 inlines it.
     */
    static double expNonPositive(double x) {
        if (x < -708) {
            return 0; // below e^-708 the result leaves the normal doubles; 0 is within 1e-307. NaN passes on as NaN.
        }
        double kd = Math.rint(x * INV_LN2_64);
        double r = x - kd * LN2_64_HI - kd * LN2_64_LO;
        long k = (long) kd;
        double p = 1 + r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24))));
        return p * TWO_POW_J64[(int) (k & 63)] * Double.longBitsToDouble(((k >> 6) + 1023) << 52);
    }
}
