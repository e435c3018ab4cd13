package io.sysrisk.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;

/**
 * Normalized windows in, one {@link WindowScore} per window out; the same path for evaluation and serving. A
 * term structure's network gives (N, K) hazard logits; its translator knows which horizon is served
 * ({@link #of(ai.djl.nn.Block)}).
 */
public class WindowTranslator implements NoBatchifyTranslator<WindowBatch, List<WindowScore>> {

    /** The served horizon's index, or -1 for a one-output network. */
    private final int served;

    /** For a one-output network. */
    public WindowTranslator() {
        this(-1);
    }

    private WindowTranslator(int served) {
        this.served = served;
    }

    /** The translator for {@code block}'s outputs: one logit, or a term structure's hazards. */
    public static WindowTranslator of(ai.djl.nn.Block block) {
        io.sysrisk.inference.ModelConfig c = block instanceof SystemicRiskNet n ? n.config()
                : block instanceof EnsembleNet e ? e.config().member() : null;
        return new WindowTranslator(c == null || c.horizons() == null ? -1 : c.servedIndex());
    }

    @Override
    public NDList processInput(TranslatorContext ctx, WindowBatch batch) {
        NDArray x = ctx.getNDManager().create(batch.data(), new Shape(batch.count(), batch.window(), batch.features()));
        return new NDList(x);
    }

    @Override
    public List<WindowScore> processOutput(TranslatorContext ctx, NDList output) {
        Shape shape = output.get(0).getShape();
        if (shape.dimension() == 2) {
            return hazards(output, (int) shape.get(0), (int) shape.get(1));
        }
        float[] logits = output.get(0).toFloatArray();
        float[] attention = output.get(1).toFloatArray();
        int steps = attention.length / logits.length;
        List<WindowScore> scores = new ArrayList<>(logits.length);
        for (int i = 0; i < logits.length; i++) {
            scores.add(new WindowScore(logits[i], sigmoid(logits[i]),
                    Arrays.copyOfRange(attention, i * steps, (i + 1) * steps)));
        }
        return scores;
    }

    private List<WindowScore> hazards(NDList output, int n, int k) {
        if (served < 0) {
            throw new IllegalStateException("a term structure's " + k + " outputs, read by a one-output translator; "
                    + "use WindowTranslator.of(block)");
        }
        float[] g = output.get(0).toFloatArray();
        float[] attention = output.get(1).toFloatArray();
        int steps = attention.length / n;
        List<WindowScore> scores = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] hazards = new double[k];
            for (int j = 0; j < k; j++) {
                hazards[j] = g[i * k + j];
            }
            scores.add(WindowScore.ofHazards(hazards, served, Arrays.copyOfRange(attention, i * steps, (i + 1) * steps)));
        }
        return scores;
    }

    public static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
