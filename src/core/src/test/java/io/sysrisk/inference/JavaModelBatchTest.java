package io.sysrisk.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The batched forward pass (windows side by side, in tiles, on several threads) gives each window the numbers the
 * one-window pass gives it: the batch path is what reports and long requests use, the one-window path what DJL's
 * parity tests were written against.
 */
class JavaModelBatchTest {

    private static final int FEATURES = 4;
    private static final int WINDOW = 60;

    @ParameterizedTest
    @ValueSource(strings = {"single", "ensemble", "anchored-ensemble", "no-attention", "odd-window"})
    void aBatchScoresEveryWindowAsItsOwnCallDoes(String kind) {
        Random rnd = new Random(kind.hashCode());
        ModelConfig member = new ModelConfig(8, 3, 2, 6, 5, 0.2f, !kind.equals("no-attention"),
                kind.equals("anchored-ensemble") ? 1 : null);
        EnsembleConfig ensemble = kind.contains("ensemble")
                ? new EnsembleConfig(member, List.of(1, 2, 3), 1.1, -0.3) : null;
        List<Tensor> params = new ArrayList<>();
        int members = ensemble == null ? 1 : 3;
        for (int m = 1; m <= members; m++) {
            params.addAll(randomNet(ensemble == null ? "" : "member" + m + "_", member, rnd));
        }
        java.util.Map<String, Tensor> byName = new java.util.LinkedHashMap<>();
        params.forEach(t -> byName.put(t.name(), t));
        JavaModel model = JavaModel.of(member, ensemble, FEATURES, byName);

        int window = kind.equals("odd-window") ? 21 : WINDOW;
        int count = 101; // several tiles and a partial one, above the parallel threshold
        float[] data = new float[count * window * FEATURES];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (rnd.nextGaussian() * 1.5);
        }
        List<WindowScore> batch = model.score(new WindowBatch(count, window, FEATURES, data));
        assertEquals(count, batch.size());
        for (int i = 0; i < count; i++) {
            WindowScore one = model.score(WindowBatch.slice(data, window, FEATURES, i, i + 1)).get(0);
            assertEquals(one.logit(), batch.get(i).logit(), 1e-12, "window " + i);
            assertEquals(one.probability(), batch.get(i).probability(), 1e-12, "window " + i);
            assertEquals(one.attention().length, batch.get(i).attention().length);
            for (int s = 0; s < one.attention().length; s++) {
                assertEquals(one.attention()[s], batch.get(i).attention()[s], 1e-7, "window " + i + " step " + s);
            }
        }
    }

    private static List<Tensor> randomNet(String prefix, ModelConfig c, Random rnd) {
        int f = c.convFilters();
        int h = c.lstmUnits();
        int a = c.attentionUnits();
        List<Tensor> t = new ArrayList<>();
        t.add(random(prefix + "conv_weight", rnd, f, FEATURES, c.convKernel()));
        t.add(random(prefix + "conv_bias", rnd, f));
        for (String dir : new String[] {"forward", "backward"}) {
            String p = prefix + "bilstm_" + dir + "_l_0_";
            t.add(random(p + "i2h_weight", rnd, 4 * h, f));
            t.add(random(p + "h2h_weight", rnd, 4 * h, h));
            t.add(random(p + "i2h_bias", rnd, 4 * h));
            t.add(random(p + "h2h_bias", rnd, 4 * h));
        }
        if (c.attention()) {
            t.add(random(prefix + "attention_hidden_weight", rnd, a, 2 * h));
            t.add(random(prefix + "attention_hidden_bias", rnd, a));
            t.add(random(prefix + "attention_score_weight", rnd, 1, a));
        }
        t.add(random(prefix + "output_weight", rnd, 1, 2 * h));
        t.add(random(prefix + "output_bias", rnd, 1));
        if (c.anchored()) {
            t.add(random(prefix + "anchor_weight", rnd, 1, FEATURES));
            t.add(random(prefix + "anchor_bias", rnd, 1));
        }
        return t;
    }

    private static Tensor random(String name, Random rnd, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rnd.nextGaussian() * 0.6);
        }
        return new Tensor(name, shape, v);
    }
}
