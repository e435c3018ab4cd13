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

/** Normalized windows in, one {@link WindowScore} per window out; the same path for evaluation and serving. */
public class WindowTranslator implements NoBatchifyTranslator<WindowBatch, List<WindowScore>> {

    @Override
    public NDList processInput(TranslatorContext ctx, WindowBatch batch) {
        NDArray x = ctx.getNDManager().create(batch.data(), new Shape(batch.count(), batch.window(), batch.features()));
        return new NDList(x);
    }

    @Override
    public List<WindowScore> processOutput(TranslatorContext ctx, NDList output) {
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

    public static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
