package io.sysrisk.inference;

/**
 * "How soon" as a discrete-time hazard (issue 26): over horizons H_1 &lt; ... &lt; H_K, {@code g_k} is the logit of
 * q_k, the probability that the first onset comes in (H_{k-1}, H_k] given none before. The probability of an onset
 * within H_k is then {@code 1 - prod_{j<=k} (1 - q_j)}: non-decreasing in the horizon by construction, whatever
 * the network outputs, so no answer can say a fall is likelier within 5 days than within 20.
 *
 * <p>Training reads nested labels (a fall within 5 days is one within 20 and 60, {@code OnsetTermStructure}) as the
 * interval of the first onset, and its likelihood is a sum of binary cross-entropies over the intervals at risk
 * ({@link #riskSet}): one loss the network's trainer already knows, with a mask. Calibrating each interval's hazard
 * logit (Platt per interval, on its risk set) keeps the curve monotone; calibrating each cumulative probability
 * apart would not.
 */
public final class HazardCurve {

    private HazardCurve() {
    }

    /** Cumulative probabilities of an onset within each horizon, from the intervals' hazard logits. */
    public static double[] cumulative(double[] hazardLogits) {
        double[] out = new double[hazardLogits.length];
        double logSurvival = 0;
        for (int k = 0; k < hazardLogits.length; k++) {
            logSurvival -= softplus(hazardLogits[k]); // log(1 - sigmoid(g)) = -softplus(g)
            out[k] = -Math.expm1(logSurvival);
        }
        return out;
    }

    /**
     * The interval of the first onset, 0-based, from nested 0/1 labels at each horizon: the first k with a 1, or
     * {@code labels.length} when no onset comes within the longest horizon.
     *
     * @throws IllegalArgumentException when the labels are not 0/1 or not nested (a 1 followed by a 0)
     */
    public static int firstInterval(int[] labels) {
        int first = labels.length;
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] != 0 && labels[k] != 1) {
                throw new IllegalArgumentException("labels must be 0 or 1 at every horizon, got "
                        + java.util.Arrays.toString(labels));
            }
            if (labels[k] == 1 && first == labels.length) {
                first = k;
            } else if (labels[k] == 0 && first < labels.length) {
                throw new IllegalArgumentException("labels are not nested: " + java.util.Arrays.toString(labels));
            }
        }
        return first;
    }

    /**
     * The censored likelihood's per-interval binary cross-entropy terms for an example whose first onset is in
     * interval {@code first} of {@code k} ({@code k}: none within the longest horizon): interval j is at risk
     * ({@code mask[j] = 1}) when j &lt;= first, and its target is 1 only at j = first.
     */
    public static void riskSet(int first, int k, float[] target, float[] mask) {
        if (first < 0 || first > k) {
            throw new IllegalArgumentException("first interval " + first + " is not one of 0.." + k);
        }
        for (int j = 0; j < k; j++) {
            mask[j] = j <= first ? 1 : 0;
            target[j] = j == first ? 1 : 0;
        }
    }

    /** The negative log-likelihood of nested labels under hazard logits: the masked cross-entropies, summed. */
    public static double negativeLogLikelihood(double[] hazardLogits, int[] labels) {
        return negativeLogLikelihood(hazardLogits, firstInterval(labels));
    }

    /** As above, for an example whose first onset is in interval {@code first} ({@code K}: none). */
    public static double negativeLogLikelihood(double[] hazardLogits, int first) {
        int k = hazardLogits.length;
        float[] target = new float[k];
        float[] mask = new float[k];
        riskSet(first, k, target, mask);
        double nll = 0;
        for (int j = 0; j < k; j++) {
            // -log sigmoid(g) = softplus(-g); -log(1 - sigmoid(g)) = softplus(g)
            nll += mask[j] * (target[j] == 1 ? softplus(-hazardLogits[j]) : softplus(hazardLogits[j]));
        }
        return nll;
    }

    private static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }
}
