package io.sysrisk.research.evaluation;

import java.util.Arrays;

/**
 * Logistic regression fitted by maximum likelihood (Newton-Raphson), unweighted: its outputs are probabilities of
 * the training data's own rate, not scores inflated by class weights. Inputs are standardized on the training rows;
 * a tiny ridge ({@link #RIDGE}, not on the intercept) only keeps the Newton step defined when two inputs are nearly
 * collinear (vol_20d and vol_120d often are), and moves no fitted probability measurably.
 */
public final class LogisticFit {

    /** The ridge on standardized coefficients (per training row). */
    public static final double RIDGE = 1e-6;
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-10;

    private final double[] mean;
    private final double[] sd;
    /** Intercept first, then one coefficient per standardized input. */
    private final double[] beta;

    private LogisticFit(double[] mean, double[] sd, double[] beta) {
        this.mean = mean;
        this.sd = sd;
        this.beta = beta;
    }

    /**
     * The maximum-likelihood fit of {@code y} (0 or 1) on {@code x} (rows of equal width, finite values).
     *
     * @throws IllegalArgumentException without both outcomes, or with no rows
     */
    public static LogisticFit fit(double[][] x, int[] y) {
        int n = y.length;
        if (n == 0 || x.length != n) {
            throw new IllegalArgumentException("a logistic fit needs rows, got " + x.length + " inputs and " + n
                    + " outcomes");
        }
        int positives = Arrays.stream(y).sum();
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException("a logistic fit needs both outcomes, got " + positives + " of " + n);
        }
        int k = x[0].length;
        double[] mean = new double[k];
        double[] sd = new double[k];
        for (int j = 0; j < k; j++) {
            int c = j;
            mean[j] = Arrays.stream(x).mapToDouble(r -> r[c]).average().orElseThrow();
            double ss = Arrays.stream(x).mapToDouble(r -> (r[c] - mean[c]) * (r[c] - mean[c])).sum();
            sd[j] = Math.sqrt(ss / n) > 0 ? Math.sqrt(ss / n) : 1;
        }
        double[][] z = new double[n][k + 1];
        for (int i = 0; i < n; i++) {
            z[i][0] = 1;
            for (int j = 0; j < k; j++) {
                z[i][j + 1] = (x[i][j] - mean[j]) / sd[j];
            }
        }
        double[] beta = new double[k + 1];
        double rate = (double) positives / n;
        beta[0] = Math.log(rate / (1 - rate));
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] gradient = new double[k + 1];
            double[][] hessian = new double[k + 1][k + 1];
            for (int i = 0; i < n; i++) {
                double p = sigmoid(dot(beta, z[i]));
                double w = p * (1 - p);
                for (int a = 0; a <= k; a++) {
                    gradient[a] += (y[i] - p) * z[i][a];
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += w * z[i][a] * z[i][b];
                    }
                }
            }
            for (int a = 1; a <= k; a++) {
                gradient[a] -= RIDGE * n * beta[a];
                hessian[a][a] += RIDGE * n;
            }
            for (int a = 0; a <= k; a++) {
                for (int b = a + 1; b <= k; b++) {
                    hessian[a][b] = hessian[b][a];
                }
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int a = 0; a <= k; a++) {
                beta[a] += step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        return new LogisticFit(mean, sd, beta);
    }

    /** The fitted probability for one row of inputs. */
    public double probability(double[] row) {
        double s = beta[0];
        for (int j = 0; j < mean.length; j++) {
            s += beta[j + 1] * (row[j] - mean[j]) / sd[j];
        }
        return sigmoid(s);
    }

    /** Intercept, then the coefficient of each standardized input. */
    public double[] coefficients() {
        return beta.clone();
    }

    private static double sigmoid(double s) {
        return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Solves the symmetric positive-definite system {@code a x = b} by Gaussian elimination with pivoting. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int j = c; j <= n; j++) {
                    m[r][j] -= f * m[c][j];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int j = r + 1; j < n; j++) {
                s -= m[r][j] * x[j];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
