package io.sysrisk.inference;

/**
 * The model's answer for one window: the logit, its probability sigmoid(logit), and the attention weight of each
 * pooled time step (oldest first; they sum to 1). A term-structure model (issue 26) also gives its calibrated
 * hazard logits, one per interval between its horizons; its {@code probability} is then the served horizon's
 * cumulative probability, so every reader of one probability reads the label's own horizon.
 *
 * @param hazards null for a one-output model; else the intervals' hazard logits ({@link HazardCurve})
 */
public record WindowScore(double logit, double probability, float[] attention, double[] hazards) {

    public WindowScore(double logit, double probability, float[] attention) {
        this(logit, probability, attention, null);
    }

    /** A term structure's score: {@code probability} is the cumulative probability at horizon {@code served}. */
    public static WindowScore ofHazards(double[] hazards, int served, float[] attention) {
        double p = HazardCurve.cumulative(hazards)[served];
        double q = Math.min(1 - 1e-12, Math.max(1e-12, p));
        return new WindowScore(Math.log(q / (1 - q)), p, attention, hazards);
    }

    /** The probability of an onset within each horizon, non-decreasing; null for a one-output model. */
    public double[] termStructure() {
        return hazards == null ? null : HazardCurve.cumulative(hazards);
    }

    public static double[] probabilities(java.util.List<WindowScore> scores) {
        return scores.stream().mapToDouble(WindowScore::probability).toArray();
    }
}
