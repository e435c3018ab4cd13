package io.sysrisk.inference;

import static io.sysrisk.inference.Activations.sigmoid;
import static io.sysrisk.inference.Activations.tanh;

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
 * steps before it; sigmoid and tanh are taken through one inlined exponential, {@link Activations#expNonPositive}, with no
 * branch on the sign. Many windows go side by side ({@link #forward(float[], int, int, int, int, double[], double[])}),
 * each product then a small matrix product over the windows ({@link #accumulate}).
 */
public final class JavaNet {

    /**
     * One window's logit and its attention weights over the pooled steps; for a term structure
     * ({@link ModelConfig#horizons}) {@code logits} holds every interval's hazard logit and {@code logit} the first.
     */
    public record Output(double logit, double[] attention, double[] logits) {
        public Output(double logit, double[] attention) {
            this(logit, attention, null);
        }
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
    /** attT's rows, one array each: the one-window pass's products then loop over whole arrays (C2 vectorizes those). */
    private final double[][] attRows;
    private final double[] attB;
    private final double[] attV;
    /** [output][2h], one row per output (one, or a term structure's hazards). */
    private final double[][] outW;
    private final double[] outB;
    /** The anchored network's fixed reference on the last day (null for a plain network). */
    private final double[][] anchorW;
    private final double[] anchorB;

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
            attRows = rows(attT, 2 * h, a);
            attB = toDouble(get(params, prefix + "attention_hidden_bias").expect(a).data());
            attV = toDouble(get(params, prefix + "attention_score_weight").expect(1, a).data());
        } else {
            attT = null;
            attRows = null;
            attB = null;
            attV = null;
        }
        int outputs = config.outputs();
        outW = rows(toDouble(get(params, prefix + "output_weight").expect(outputs, 2 * h).data()), outputs, 2 * h);
        outB = toDouble(get(params, prefix + "output_bias").expect(outputs).data());
        if (config.anchored()) {
            anchorW = rows(toDouble(get(params, prefix + "anchor_weight").expect(outputs, features).data()), outputs,
                    features);
            anchorB = toDouble(get(params, prefix + "anchor_bias").expect(outputs).data());
        } else {
            anchorW = null;
            anchorB = null;
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

    /** Pooled time steps (attention weights) of a window of {@code window} days. */
    public int steps(int window) {
        return config.steps(window);
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
                accumulate(e, attRows, hidden, hs, 2 * h);
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
        double[] logits = new double[outB.length];
        for (int o = 0; o < logits.length; o++) {
            double logit = outB[o];
            if (anchorW != null) {
                int last = offset + (window - 1) * features;
                logit += anchorB[o];
                for (int f = 0; f < features; f++) {
                    logit += anchorW[o][f] * x[last + f];
                }
            }
            for (int d = 0; d < 2 * h; d++) {
                logit += outW[o][d] * context[d];
            }
            logits[o] = logit;
        }
        return new Output(logits[0], weights, logits.length == 1 ? null : logits);
    }

    /**
     * The same forward pass for {@code count} windows side by side: window i starts at {@code offset + i * stride}
     * of {@code x}. Every intermediate vector is held as one array per dimension, indexed by window, so each product
     * is a loop over the windows of whole arrays, which C2 vectorizes (it does not vectorize loops that index one
     * array at two unknown offsets: measured 1.8 against 8 GMAC/s), and each cell update is a loop of independent
     * windows. Same operations per window as {@link #forward(float[], int, int)}, in the same order, so the same
     * numbers ({@code JavaModelBatchTest}).
     *
     * @param logits    receives window i's logit at {@code [i]} (a term structure's K hazard logits at {@code [i * K ..]})
     * @param attention receives window i's attention at {@code [i * steps ..]}
     */
    public void forward(float[] x, int offset, int stride, int count, int window, double[] logits, double[] attention) {
        int b = count;
        int c = config.convFilters();
        int k = config.convKernel();
        int pad = k / 2;
        int pool = config.poolSize();
        int steps = config.steps(window);
        int h = config.lstmUnits();
        double[][] in = new double[window * features][b];
        for (int i = 0; i < b; i++) {
            int from = offset + i * stride;
            for (int r = 0; r < window * features; r++) {
                in[r][i] = x[from + r];
            }
        }
        double[][] pooled = new double[steps * c][b];
        double[][] conv = new double[c][b];
        for (int t = 0; t < steps * pool; t++) {
            for (int o = 0; o < c; o++) {
                java.util.Arrays.fill(conv[o], convB[o]);
            }
            for (int j = 0; j < k; j++) {
                int src = t + j - pad;
                if (src >= 0 && src < window) {
                    accumulate(conv, 0, convT, (j * features) * c, in, src * features, features, c, b);
                }
            }
            int p = (t / pool) * c;
            for (int o = 0; o < c; o++) {
                double[] po = pooled[p + o];
                double[] co = conv[o];
                for (int i = 0; i < b; i++) {
                    po[i] = Math.max(po[i], co[i]);
                }
            }
        }
        double[][] hidden = new double[steps * 2 * h][];
        Lstm.runBoth(forward, backward, pooled, steps, b, hidden);

        double[][] weights = new double[steps][b];
        if (attT != null) {
            int a = config.attentionUnits();
            double[][] e = new double[a][b];
            for (int s = 0; s < steps; s++) {
                for (int u = 0; u < a; u++) {
                    java.util.Arrays.fill(e[u], attB[u]);
                }
                accumulate(e, 0, attT, 0, hidden, s * 2 * h, 2 * h, a, b);
                double[] score = weights[s];
                for (int u = 0; u < a; u++) {
                    double v = attV[u];
                    double[] eu = e[u];
                    for (int i = 0; i < b; i++) {
                        score[i] += v * tanh(eu[i]);
                    }
                }
            }
            for (int i = 0; i < b; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s < steps; s++) {
                    max = Math.max(max, weights[s][i]);
                }
                double sum = 0;
                for (int s = 0; s < steps; s++) {
                    double ws = Math.exp(weights[s][i] - max);
                    weights[s][i] = ws;
                    sum += ws;
                }
                for (int s = 0; s < steps; s++) {
                    weights[s][i] /= sum;
                }
            }
        } else {
            for (double[] w : weights) {
                java.util.Arrays.fill(w, 1.0 / steps);
            }
        }
        double[][] context = new double[2 * h][b];
        for (int s = 0; s < steps; s++) {
            double[] ws = weights[s];
            for (int d = 0; d < 2 * h; d++) {
                double[] cd = context[d];
                double[] hd = hidden[s * 2 * h + d];
                for (int i = 0; i < b; i++) {
                    cd[i] += hd[i] * ws[i];
                }
            }
        }
        int outputs = outB.length;
        for (int i = 0; i < b; i++) {
            for (int o = 0; o < outputs; o++) {
                double logit = outB[o];
                if (anchorW != null) {
                    logit += anchorB[o];
                    for (int f = 0; f < features; f++) {
                        logit += anchorW[o][f] * in[(window - 1) * features + f][i];
                    }
                }
                for (int d = 0; d < 2 * h; d++) {
                    logit += outW[o][d] * context[d][i];
                }
                logits[i * outputs + o] = logit;
            }
            for (int s = 0; s < steps; s++) {
                attention[i * steps + s] = weights[s][i];
            }
        }
    }

    /**
     * {@code y[yFrom + r][i] += sum over d of wT[wFrom + d * rows + r] * x[xFrom + d][i]} for r < rows, d < depth,
     * i < b: a matrix product over a tile of windows. Four depths per pass, so each load and store of a y element
     * carries four multiply-adds; the sum still runs over d in the one-window pass's order.
     */
    static void accumulate(double[][] y, int yFrom, double[] wT, int wFrom, double[][] x, int xFrom, int depth,
                           int rows, int b) {
        int d = 0;
        for (; d + 4 <= depth; d += 4) {
            double[] x0 = x[xFrom + d];
            double[] x1 = x[xFrom + d + 1];
            double[] x2 = x[xFrom + d + 2];
            double[] x3 = x[xFrom + d + 3];
            int w0 = wFrom + d * rows;
            for (int r = 0; r < rows; r++) {
                double a0 = wT[w0 + r];
                double a1 = wT[w0 + rows + r];
                double a2 = wT[w0 + 2 * rows + r];
                double a3 = wT[w0 + 3 * rows + r];
                double[] yr = y[yFrom + r];
                for (int i = 0; i < b; i++) {
                    yr[i] = yr[i] + a0 * x0[i] + a1 * x1[i] + a2 * x2[i] + a3 * x3[i];
                }
            }
        }
        for (; d < depth; d++) {
            double[] xd = x[xFrom + d];
            for (int r = 0; r < rows; r++) {
                double a = wT[wFrom + d * rows + r];
                double[] yr = y[yFrom + r];
                for (int i = 0; i < b; i++) {
                    yr[i] += a * xd[i];
                }
            }
        }
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
        /** wiT's and whT's rows, one array each (see {@code attRows}). */
        private final double[][] wiRows;
        private final double[][] whRows;
        private final double[] bias;
        private final int inputs;
        private final int units;

        Lstm(Map<String, Tensor> params, String prefix, int inputs, int units) {
            this.inputs = inputs;
            this.units = units;
            wiT = transpose(get(params, prefix + "i2h_weight").expect(4 * units, inputs).data(), 4 * units, inputs);
            whT = transpose(get(params, prefix + "h2h_weight").expect(4 * units, units).data(), 4 * units, units);
            wiRows = rows(wiT, inputs, 4 * units);
            whRows = rows(whT, units, 4 * units);
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
                accumulate(g, wiRows, x, s * inputs, inputs);
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
                accumulate(gF, fw.whRows, hF, 0, units);
                accumulate(gB, bw.whRows, hB, 0, units);
                cell(gF, cF, hF, units, out, sF * width);
                cell(gB, cB, hB, units, out, sB * width + units);
            }
        }

        /** {@link #project} for {@code b} windows: x rows (step, input), gates rows (step, 4 units). */
        double[][] project(double[][] x, int steps, int b) {
            int g4 = 4 * units;
            double[][] gates = new double[steps * g4][b];
            for (int s = 0; s < steps; s++) {
                for (int r = 0; r < g4; r++) {
                    java.util.Arrays.fill(gates[s * g4 + r], bias[r]);
                }
                accumulate(gates, s * g4, wiT, 0, x, s * inputs, inputs, g4, b);
            }
            return gates;
        }

        /** {@link #runBoth} for {@code b} windows: h of step s goes to rows {@code s * 2 units ..} of {@code out}. */
        static void runBoth(Lstm fw, Lstm bw, double[][] x, int steps, int b, double[][] out) {
            int units = fw.units;
            int g4 = 4 * units;
            double[][] gatesF = fw.project(x, steps, b);
            double[][] gatesB = bw.project(x, steps, b);
            double[][] hF = new double[units][b];
            double[][] cF = new double[units][b];
            double[][] hB = new double[units][b];
            double[][] cB = new double[units][b];
            for (int n = 0; n < steps; n++) {
                int sF = n;
                int sB = steps - 1 - n;
                // The projections are not read again: the recurrence adds onto them in place.
                accumulate(gatesF, sF * g4, fw.whT, 0, hF, 0, units, g4, b);
                accumulate(gatesB, sB * g4, bw.whT, 0, hB, 0, units, g4, b);
                cell(gatesF, sF * g4, cF, hF, units, b);
                cell(gatesB, sB * g4, cB, hB, units, b);
                for (int u = 0; u < units; u++) {
                    out[sF * 2 * units + u] = hF[u].clone();
                    out[sB * 2 * units + units + u] = hB[u].clone();
                }
            }
        }

        private static void cell(double[][] g, int at, double[][] c, double[][] h, int units, int b) {
            for (int u = 0; u < units; u++) {
                double[] gi = g[at + u];
                double[] gf = g[at + units + u];
                double[] gg = g[at + 2 * units + u];
                double[] go = g[at + 3 * units + u];
                double[] cu = c[u];
                double[] hu = h[u];
                for (int i = 0; i < b; i++) {
                    hu[i] = step(gi[i], gf[i], gg[i], go[i], cu, i);
                }
            }
        }

        /** One step's cell and hidden state from its gates (PyTorch order i, f, g, o). */
        private static void cell(double[] g, double[] c, double[] h, int units, double[] out, int at) {
            for (int u = 0; u < units; u++) {
                h[u] = step(g[u], g[units + u], g[2 * units + u], g[3 * units + u], c, u);
                out[at + u] = h[u];
            }
        }

        /** One unit's LSTM step from its gates (PyTorch order i, f, g, o): updates its cell state, returns its h. */
        static double step(double zi, double zf, double zg, double zo, double[] c, int ci) {
            double cell = sigmoid(zf) * c[ci] + sigmoid(zi) * tanh(zg);
            c[ci] = cell;
            return sigmoid(zo) * tanh(cell);
        }
    }

    /**
     * {@code y += sum over d < depth of x[xFrom + d] * w[d]}: whole arrays, four rows per pass (one load and store of
     * y for four multiply-adds), the sum in the order of d as everywhere else.
     */
    private static void accumulate(double[] y, double[][] w, double[] x, int xFrom, int depth) {
        int d = 0;
        for (; d + 4 <= depth; d += 4) {
            double[] w0 = w[d];
            double[] w1 = w[d + 1];
            double[] w2 = w[d + 2];
            double[] w3 = w[d + 3];
            double a0 = x[xFrom + d];
            double a1 = x[xFrom + d + 1];
            double a2 = x[xFrom + d + 2];
            double a3 = x[xFrom + d + 3];
            for (int i = 0; i < y.length; i++) {
                y[i] = y[i] + a0 * w0[i] + a1 * w1[i] + a2 * w2[i] + a3 * w3[i];
            }
        }
        for (; d < depth; d++) {
            axpy(y, w[d], x[xFrom + d]);
        }
    }

    /** {@code y += a * w}, two whole arrays of the same length: the form C2 vectorizes. */
    private static void axpy(double[] y, double[] w, double a) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * w[i];
        }
    }

    /** The {@code n} rows of a row-major {@code [n][width]} array, one array each. */
    private static double[][] rows(double[] flat, int n, int width) {
        double[][] out = new double[n][];
        for (int r = 0; r < n; r++) {
            out[r] = java.util.Arrays.copyOfRange(flat, r * width, (r + 1) * width);
        }
        return out;
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
}
