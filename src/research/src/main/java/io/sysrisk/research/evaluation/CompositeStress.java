package io.sysrisk.research.evaluation;

import java.util.Arrays;
import java.util.List;

import io.sysrisk.features.SystemicInput;
import io.sysrisk.features.SystemicState;

/**
 * A composite stress index in the spirit of the ECB's CISS (Hollo, Kremer and Lo Duca 2012), from the systemic
 * state: each segment's stress measure is turned into its empirical distribution function over its own past (the
 * share of earlier days at or below today's, expanding: causal), and the segments are aggregated as portfolio risk is,
 * {@code s' C s} with {@code s} the equally weighted transformed measures and {@code C} their exponentially weighted
 * correlation (decay 0.93, CISS's), so that stress counts more when it is in every segment at once.
 *
 * <p>The segments are those the panel has (no credit or money-market spread is in it): implied equity volatility
 * (the VIX), markets in drawdown (breadth), cross-market turbulence, single-stock dispersion (index members) and oil
 * volatility. A reference, not an input of any model.
 */
public final class CompositeStress {

    /** The stress measures aggregated, one per segment. */
    public static final List<SystemicInput> SEGMENTS = List.of(SystemicInput.VIX_LOG, SystemicInput.BREADTH,
            SystemicInput.TURBULENCE, SystemicInput.MEMBER_DISPERSION, SystemicInput.OIL_VOLATILITY);
    /** CISS's decay of the exponentially weighted correlations. */
    static final double DECAY = 0.93;
    /** Days of a segment before its distribution function is given: it needs a past to rank against. */
    static final int WARM_UP = 250;
    /** Days of all segments before the correlations are read (their memory is about 1 / (1 - decay) = 14 days). */
    static final int CORRELATION_WARM_UP = 60;

    private CompositeStress() {
    }

    /**
     * The index on every day of {@code state}: NaN until every segment has {@value #WARM_UP} days and then
     * {@value #CORRELATION_WARM_UP} more together.
     */
    public static double[] of(SystemicState state) {
        int n = state.dates().size();
        int k = SEGMENTS.size();
        double[][] x = new double[k][];
        for (int j = 0; j < k; j++) {
            x[j] = state.column(SEGMENTS.get(j));
        }
        double[][] z = new double[k][];
        for (int j = 0; j < k; j++) {
            z[j] = expandingCdf(x[j]);
        }
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        double[] mean = new double[k];
        double[][] cov = new double[k][k];
        int seen = 0;
        for (int t = 0; t < n; t++) {
            boolean all = true;
            for (int j = 0; j < k; j++) {
                all &= Double.isFinite(z[j][t]);
            }
            if (!all) {
                continue;
            }
            double[] s = new double[k];
            for (int j = 0; j < k; j++) {
                s[j] = z[j][t];
            }
            if (seen == 0) {
                System.arraycopy(s, 0, mean, 0, k);
            }
            for (int j = 0; j < k; j++) {
                mean[j] = DECAY * mean[j] + (1 - DECAY) * s[j];
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    cov[a][b] = DECAY * cov[a][b] + (1 - DECAY) * (s[a] - mean[a]) * (s[b] - mean[b]);
                }
            }
            seen++;
            if (seen < CORRELATION_WARM_UP) {
                continue;
            }
            double v = 0;
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    double c = a == b ? 1 : cov[a][b] / Math.sqrt(cov[a][a] * cov[b][b]);
                    v += s[a] / k * c * s[b] / k;
                }
            }
            out[t] = v;
        }
        return out;
    }

    /**
     * Per day: the share of the series' days up to and including it (with a value) whose value is at most that
     * day's, NaN before {@value #WARM_UP} such days.
     */
    static double[] expandingCdf(double[] x) {
        double[] out = new double[x.length];
        Arrays.fill(out, Double.NaN);
        double[] past = new double[x.length];
        int m = 0;
        for (int t = 0; t < x.length; t++) {
            if (!Double.isFinite(x[t])) {
                continue;
            }
            // Insert x[t] into the sorted past, then count the values at or below it.
            int at = Arrays.binarySearch(past, 0, m, x[t]);
            int pos = at >= 0 ? at : -at - 1;
            System.arraycopy(past, pos, past, pos + 1, m - pos);
            past[pos] = x[t];
            m++;
            int upper = pos;
            while (upper + 1 < m && past[upper + 1] <= x[t]) {
                upper++;
            }
            if (m >= WARM_UP) {
                out[t] = (upper + 1) / (double) m;
            }
        }
        return out;
    }
}
