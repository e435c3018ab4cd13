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

    private final List<JavaNet> members;
    private final EnsembleConfig ensemble;

    private JavaModel(List<JavaNet> members, EnsembleConfig ensemble) {
        this.members = List.copyOf(members);
        this.ensemble = ensemble;
    }

    /**
     * @param params   DJL-named tensors (as written to a {@link PortableParameters} file)
     * @param ensemble the ensemble, or null for a single network of architecture {@code member}
     */
    public static JavaModel of(ModelConfig member, EnsembleConfig ensemble, int features, Map<String, Tensor> params) {
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
        return new JavaModel(nets, ensemble);
    }

    private static int expectedTensors(ModelConfig c) {
        return 2 + 8 + (c.attention() ? 3 : 0) + 2 + (c.anchored() ? 2 : 0);
    }

    public WindowScore score(float[] data, int offset, int window) {
        if (ensemble == null) {
            JavaNet.Output o = members.get(0).forward(data, offset, window);
            return new WindowScore(o.logit(), JavaNet.sigmoid(o.logit()), toFloat(o.attention()));
        }
        double p = 0;
        double[] attention = null;
        for (JavaNet m : members) {
            JavaNet.Output o = m.forward(data, offset, window);
            p += JavaNet.sigmoid(o.logit()) / members.size();
            if (attention == null) {
                attention = new double[o.attention().length];
            }
            for (int s = 0; s < attention.length; s++) {
                attention[s] += o.attention()[s] / members.size();
            }
        }
        p = Math.min(1 - EDGE, Math.max(EDGE, p));
        double logit = ensemble.calibrationScale() * Math.log(p / (1 - p)) + ensemble.calibrationShift();
        return new WindowScore(logit, JavaNet.sigmoid(logit), toFloat(attention));
    }

    @Override
    public List<WindowScore> score(WindowBatch batch) {
        int size = batch.window() * batch.features();
        WindowScore[] out = new WindowScore[batch.count()];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, batch.count());
        // Windows are independent: large batches (reports, the CLI, long requests) use every core of the common
        // pool; a short request stays on its own thread, where a fork would cost more than it saves.
        (batch.count() >= PARALLEL_FROM ? range.parallel() : range)
                .forEach(i -> out[i] = score(batch.data(), i * size, batch.window()));
        return java.util.Arrays.asList(out);
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
