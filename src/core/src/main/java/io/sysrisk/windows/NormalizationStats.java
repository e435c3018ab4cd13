package io.sysrisk.windows;

import java.util.List;

/**
 * Per-feature z-scoring fitted on the training part only: x' = clamp((x - mean) / std, -clip, clip). The clip keeps
 * crisis-day outliers (turbulence can reach 50 standard deviations) from saturating the network.
 */
public record NormalizationStats(List<String> features, double[] mean, double[] std, double clip) {

    public static final double DEFAULT_CLIP = 8.0;

    public NormalizationStats {
        features = List.copyOf(features);
        mean = mean.clone();
        std = std.clone();
        if (mean.length != features.size() || std.length != features.size()) {
            throw new IllegalArgumentException("normalization statistics do not match the " + features.size() + " features");
        }
    }

    /** Mean and standard deviation of each feature over rows {@code from..to} inclusive. */
    public static NormalizationStats fit(List<String> features, double[][] rows, int from, int to, double clip) {
        int f = features.size();
        double[] mean = new double[f];
        double[] std = new double[f];
        int n = to - from + 1;
        for (int t = from; t <= to; t++) {
            for (int j = 0; j < f; j++) {
                mean[j] += rows[t][j] / n;
            }
        }
        for (int t = from; t <= to; t++) {
            for (int j = 0; j < f; j++) {
                double d = rows[t][j] - mean[j];
                std[j] += d * d / n;
            }
        }
        for (int j = 0; j < f; j++) {
            std[j] = Math.sqrt(std[j]);
            if (!(std[j] > 1e-12) || Double.isNaN(mean[j])) {
                throw new IllegalArgumentException("feature " + features.get(j) + " is constant or missing over the "
                        + "training rows; it cannot be normalized");
            }
        }
        return new NormalizationStats(features, mean, std, clip);
    }

    public float apply(int feature, double value) {
        double z = (value - mean[feature]) / std[feature];
        return (float) Math.max(-clip, Math.min(clip, z));
    }
}
