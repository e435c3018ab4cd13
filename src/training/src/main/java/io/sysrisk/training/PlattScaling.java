package io.sysrisk.training;

/**
 * Platt scaling: fits P(y = 1) = sigmoid(a z + b) to scores z (logits) by maximum likelihood (Newton's method,
 * with a tiny ridge so that separable data still gives finite values). Trained with a class-weighted loss, a model's
 * probabilities are too high by about the weight; calibrating on validation windows gives probabilities whose Brier
 * score and level mean something.
 *
 * <p>Calibration must not reorder the scores: when the fitted scale is not positive (the model ranks validation
 * windows no better than chance, or backwards), only the shift is fitted, with the scale held at 1 (a prior
 * correction). Flipping the model's ranking on the strength of one validation period would be a new model, chosen
 * on validation noise.
 */
public final class PlattScaling {

    /** The fitted scale a and shift b. */
    public record Fit(double scale, double shift) {
    }

    private static final double RIDGE = 1e-6;

    private PlattScaling() {
    }

    public static Fit fit(double[] z, int[] y) {
        Fit full = fit(z, y, false);
        return full.scale() > 0 ? full : fit(z, y, true);
    }

    private static Fit fit(double[] z, int[] y, boolean shiftOnly) {
        double a = 1;
        double b = 0;
        for (int iter = 0; iter < 100; iter++) {
            double ga = RIDGE * (a - 1);
            double gb = 0;
            double haa = RIDGE;
            double hab = 0;
            double hbb = RIDGE;
            for (int i = 0; i < z.length; i++) {
                double p = sigmoid(a * z[i] + b);
                double r = p - y[i];
                double w = p * (1 - p);
                ga += r * z[i];
                gb += r;
                haa += w * z[i] * z[i];
                hab += w * z[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (!(det > 0)) {
                break;
            }
            double da = shiftOnly ? 0 : (hbb * ga - hab * gb) / det;
            double db = shiftOnly ? gb / hbb : (haa * gb - hab * ga) / det;
            // Damped Newton: a full step from far away (logits stretched or shifted a lot) can overshoot and diverge;
            // halve it until the penalized log loss does not rise (the objective is convex, so a full step is taken
            // near the optimum and the result there is Newton's).
            double before = objective(z, y, a, b);
            double step = 1;
            while (step > 1e-12 && objective(z, y, a - step * da, b - step * db) > before) {
                step /= 2;
            }
            a -= step * da;
            b -= step * db;
            if (step * (Math.abs(da) + Math.abs(db)) < 1e-10) {
                break;
            }
        }
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalStateException("Platt scaling did not converge");
        }
        return new Fit(a, b);
    }

    /** The fit's objective: total log loss of sigmoid(a z + b) plus the ridge on the scale that the gradient has. */
    private static double objective(double[] z, int[] y, double a, double b) {
        return logLoss(z, y, new Fit(a, b)) * z.length + RIDGE / 2 * (a - 1) * (a - 1);
    }

    /** Mean log loss (natural log) of sigmoid(a z + b) against {@code y}. */
    public static double logLoss(double[] z, int[] y, Fit fit) {
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            double x = fit.scale() * z[i] + fit.shift();
            // -log sigmoid(x) = softplus(-x); -log(1 - sigmoid(x)) = softplus(x).
            double u = y[i] == 1 ? -x : x;
            sum += Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
        }
        return sum / z.length;
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
