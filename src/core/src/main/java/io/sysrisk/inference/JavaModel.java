package io.sysrisk.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.sysrisk.inference.EnsembleConfig;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;

/**
 * A stored model scored in plain Java: one {@link JavaNet}, or an ensemble of them with the same averaging and
 * Platt calibration as {@link io.sysrisk.model.EnsembleNet}. Immutable and thread-safe: no predictor pool needed.
 */
public final class JavaModel implements WindowScorer {

    private static final double EDGE = 1e-6;
    /** Windows from which a batch is scored on the common fork-join pool. */
    private static final int PARALLEL_FROM = 32;
    /**
     * Windows that go through the network side by side: long loops for C2's vectors. Chosen by measurement (served
     * ensemble, batches of 256 on 2 cores: tiles of 64 -> 4,560, 128 -> 4,950 windows/s); a batch of 256 is then
     * two tiles, one per core.
     */
    private static final int TILE = 128;

    private final List<JavaNet> members;
    private final EnsembleConfig ensemble;
    /** The network's outputs: 1, or a term structure's K intervals. */
    private final int outputs;
    /** A term structure's served horizon: its cumulative probability is the score's {@code probability}. */
    private final int served;

    private JavaModel(List<JavaNet> members, EnsembleConfig ensemble, int outputs, int served) {
        this.members = List.copyOf(members);
        this.ensemble = ensemble;
        this.outputs = outputs;
        this.served = served;
    }


    /**
     * @param params   DJL-named tensors (as written to a {@link PortableParameters} file)
     * @param ensemble the ensemble, or null for a single network of architecture {@code member}
     */
    public static JavaModel of(ModelConfig member, EnsembleConfig ensemble, int features, Map<String, Tensor> params) {
        ModelConfig net = ensemble == null ? member : ensemble.member();
        Map<String, Tensor> byName = new TreeMap<>();
        params.values().forEach(t -> byName.put(JavaNet.normalize(t.name()), t));
        List<JavaNet> nets = new ArrayList<>();
        if (ensemble == null) {
            nets.add(new JavaNet(member, features, byName, ""));
        } else {
            for (int i = 1; i <= ensemble.members(); i++) {
                nets.add(new JavaNet(ensemble.member(), features, byName, "member" + i + "_"));
            }
        }
        int used = nets.size() * expectedTensors(ensemble == null ? member : ensemble.member());
        if (used != byName.size()) {
            throw new IllegalArgumentException("the parameter file holds " + byName.size() + " tensors, the recorded "
                    + "architecture uses " + used);
        }
        return new JavaModel(nets, ensemble, net.outputs(), net.servedIndex());
    }

    private static int expectedTensors(ModelConfig c) {
        return 2 + 8 + (c.attention() ? 3 : 0) + 2 + (c.anchored() ? 2 : 0);
    }

    public WindowScore score(float[] data, int offset, int window) {
        if (ensemble == null) {
            JavaNet.Output o = members.get(0).forward(data, offset, window);
            return outputs == 1 ? new WindowScore(o.logit(), Activations.sigmoid(o.logit()), toFloat(o.attention()))
                    : WindowScore.ofHazards(o.logits(), served, toFloat(o.attention()));
        }
        double[] p = new double[outputs];
        double[] attention = null;
        for (JavaNet m : members) {
            JavaNet.Output o = m.forward(data, offset, window);
            for (int k = 0; k < outputs; k++) {
                p[k] += Activations.sigmoid(outputs == 1 ? o.logit() : o.logits()[k]) / members.size();
            }
            if (attention == null) {
                attention = new double[o.attention().length];
            }
            for (int s = 0; s < attention.length; s++) {
                attention[s] += o.attention()[s] / members.size();
            }
        }
        return calibrated(p, 0, toFloat(attention));
    }

    /**
     * The ensemble's answer from its members' mean probabilities {@code p[from .. from + outputs)}: Platt on the
     * one output, or on each interval's hazard (as {@code EnsembleNet}).
     */
    private WindowScore calibrated(double[] p, int from, float[] attention) {
        if (outputs == 1) {
            double q = Math.min(1 - EDGE, Math.max(EDGE, p[from]));
            double logit = ensemble.calibrationScale() * Math.log(q / (1 - q)) + ensemble.calibrationShift();
            return new WindowScore(logit, Activations.sigmoid(logit), attention);
        }
        double[] g = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            double q = Math.min(1 - EDGE, Math.max(EDGE, p[from + k]));
            EnsembleConfig.Calibration c = ensemble.hazards().get(k);
            g[k] = c.scale() * Math.log(q / (1 - q)) + c.shift();
        }
        return WindowScore.ofHazards(g, served, attention);
    }

    @Override
    public List<WindowScore> score(WindowBatch batch) {
        int count = batch.count();
        if (count == 1) {
            return List.of(score(batch.data(), 0, batch.window()));
        }
        WindowScore[] out = new WindowScore[count];
        int tiles = (count + TILE - 1) / TILE;
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, tiles);
        // Tiles are independent: large batches (reports, the CLI, long requests) use every core of the common pool;
        // a short request stays on its own thread, where a fork would cost more than it saves.
        (count >= PARALLEL_FROM ? range.parallel() : range).forEach(t -> {
            int from = t * TILE;
            scoreTile(batch, from, Math.min(count, from + TILE), out);
        });
        return java.util.Arrays.asList(out);
    }

    /** Windows {@code from..to-1} of the batch side by side through every member ({@link JavaNet#forward} for many). */
    private void scoreTile(WindowBatch batch, int from, int to, WindowScore[] out) {
        int n = to - from;
        int size = batch.window() * batch.features();
        int steps = members.get(0).steps(batch.window());
        double[] logits = new double[n * outputs];
        double[] attention = new double[n * steps];
        if (ensemble == null) {
            members.get(0).forward(batch.data(), from * size, size, n, batch.window(), logits, attention);
            for (int i = 0; i < n; i++) {
                float[] a = toFloat(attention, i * steps, steps);
                out[from + i] = outputs == 1 ? new WindowScore(logits[i], Activations.sigmoid(logits[i]), a)
                        : WindowScore.ofHazards(java.util.Arrays.copyOfRange(logits, i * outputs, (i + 1) * outputs),
                        served, a);
            }
            return;
        }
        double[] p = new double[n * outputs];
        double[] meanAttention = new double[n * steps];
        for (JavaNet m : members) {
            m.forward(batch.data(), from * size, size, n, batch.window(), logits, attention);
            for (int j = 0; j < p.length; j++) {
                p[j] += Activations.sigmoid(logits[j]) / members.size();
            }
            for (int j = 0; j < meanAttention.length; j++) {
                meanAttention[j] += attention[j] / members.size();
            }
        }
        for (int i = 0; i < n; i++) {
            out[from + i] = calibrated(p, i * outputs, toFloat(meanAttention, i * steps, steps));
        }
    }

    private static float[] toFloat(double[] v, int from, int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) v[from + i];
        }
        return f;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
