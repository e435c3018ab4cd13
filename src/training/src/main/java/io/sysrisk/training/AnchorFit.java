package io.sysrisk.training;

import io.sysrisk.windows.WindowSet;

/**
 * The anchored network's reference: a logistic regression of the label on one feature of each training window's
 * last day (normalized, as the network sees it), with the training loss's positive-class weight, so that the
 * reference is the best the network's own objective can do with that feature alone. Fitted by Newton's method.
 *
 * @param weights   over the window's F features (zero but at {@code feature})
 * @param intercept the reference's bias
 */
public record AnchorFit(float[] weights, float intercept) {

    private static final int ITERATIONS = 50;

    public static AnchorFit of(WindowSet train, int feature, float positiveWeight) {
        return fit(lastDay(train, feature), train.labels(), null, positiveWeight, feature, train.features());
    }

    /**
     * A term structure's references (issue 26), one per interval: the logistic regression of "the first onset is in
     * interval k" on the feature, over the windows still at risk in it (no onset before it), unweighted, since the
     * hazard's likelihood is ({@code HazardLoss}); so the untrained anchored network is the discrete-time hazard
     * model of that one feature.
     */
    public static AnchorFit[] ofIntervals(WindowSet train, int feature, int intervals) {
        double[] x = lastDay(train, feature);
        AnchorFit[] out = new AnchorFit[intervals];
        for (int k = 0; k < intervals; k++) {
            int[] y = new int[train.size()];
            boolean[] atRisk = new boolean[train.size()];
            for (int i = 0; i < y.length; i++) {
                atRisk[i] = train.firstOnset()[i] >= k;
                y[i] = train.firstOnset()[i] == k ? 1 : 0;
            }
            out[k] = fit(x, y, atRisk, 1f, feature, train.features());
        }
        return out;
    }

    private static double[] lastDay(WindowSet train, int feature) {
        int f = train.features();
        if (feature < 0 || feature >= f) {
            throw new IllegalArgumentException("anchor feature " + feature + " of " + f);
        }
        int size = train.window() * f;
        double[] x = new double[train.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = train.data()[i * size + (train.window() - 1) * f + feature];
        }
        return x;
    }

    /** Newton's method on the weighted log-loss of {@code y} on {@code x}, over the windows {@code use} keeps. */
    private static AnchorFit fit(double[] x, int[] labels, boolean[] use, float positiveWeight, int feature,
                                 int features) {
        int n = x.length;
        double a = 0;
        double b = 0;
        for (int it = 0; it < ITERATIONS; it++) {
            // Gradient and Hessian of the weighted log-loss in (a, b).
            double ga = 0;
            double gb = 0;
            double haa = 0;
            double hab = 0;
            double hbb = 0;
            for (int i = 0; i < n; i++) {
                if (use != null && !use[i]) {
                    continue;
                }
                double w = labels[i] == 1 ? positiveWeight : 1;
                double p = 1 / (1 + Math.exp(-(a + b * x[i])));
                double r = w * (p - labels[i]);
                double s = w * p * (1 - p);
                ga += r;
                gb += r * x[i];
                haa += s;
                hab += s * x[i];
                hbb += s * x[i] * x[i];
            }
            double det = haa * hbb - hab * hab;
            if (!(Math.abs(det) > 1e-12)) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) + Math.abs(db) < 1e-10) {
                break;
            }
        }
        float[] weights = new float[features];
        weights[feature] = (float) b;
        return new AnchorFit(weights, (float) a);
    }
}
