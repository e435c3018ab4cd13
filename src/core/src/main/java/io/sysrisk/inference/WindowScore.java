package io.sysrisk.inference;

/**
 * The model's answer for one window: the logit, its probability sigmoid(logit), and the attention weight of each
 * pooled time step (oldest first; they sum to 1).
 */
public record WindowScore(double logit, double probability, float[] attention) {

    public static double[] probabilities(java.util.List<WindowScore> scores) {
        return scores.stream().mapToDouble(WindowScore::probability).toArray();
    }
}
