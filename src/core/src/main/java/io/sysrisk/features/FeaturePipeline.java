package io.sysrisk.features;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import io.sysrisk.data.InputKind;
import io.sysrisk.data.MarketData;
import io.sysrisk.data.PriceLevels;

/**
 * Computes a {@link FeatureSet} from {@link MarketData}; the one implementation used by training and serving.
 *
 * <p>Every feature on day t reads rows up to t only (see {@link Feature} for each definition), so computing on a
 * whole history and then cutting it gives the same values as computing on the history up to each day.
 */
public final class FeaturePipeline {

    public static final double TRADING_DAYS = PriceLevels.TRADING_DAYS;
    static final double TAIL_QUANTILE = 5.0;

    private FeaturePipeline() {
    }

    public static FeatureMatrix compute(MarketData data, FeatureSet set) {
        return compute(data, set, 0);
    }

    /**
     * As {@link #compute(MarketData, FeatureSet)} for a caller that reads only rows {@code firstRow} onwards (a
     * scorer: one window and the look-back before it). Those rows hold the same values, bit for bit; the
     * realized volatilities, the costliest columns (a serial sum per row and day), are left NaN before it.
     */
    public static FeatureMatrix compute(MarketData data, FeatureSet set, int firstRow) {
        set.checkSupports(data);
        int n = data.size();
        double[] level = PriceLevels.marketLevel(data);
        double[] ret = PriceLevels.logReturns(level);
        double[][] memberRet = data.kind() == InputKind.PANEL ? PriceLevels.memberReturns(data) : null;
        double[][] values = new double[n][set.size()];
        for (double[] row : values) {
            Arrays.fill(row, Double.NaN);
        }
        for (int f = 0; f < set.size(); f++) {
            Feature feature = set.features().get(f);
            double[] column = switch (feature) {
                case RET_1D -> ret;
                case VOL_20D -> realizedVolatility(ret, 20, firstRow);
                case VOL_120D -> realizedVolatility(ret, 120, firstRow);
                case DRAWDOWN_250D -> drawdown(level, 250);
                case PARKINSON_20D -> parkinson(data.column("high"), data.column("low"), 20);
                case VOLUME_SURPRISE_20D -> volumeSurprise(data.column("volume"), 20);
                case AVG_CORR_60D -> averageCorrelation(memberRet, 60);
                case ABSORPTION_250D -> absorptionRatio(memberRet, 250);
                case TURBULENCE_250D -> turbulence(memberRet, 250);
                case DISPERSION_1D -> dispersion(memberRet);
                case COEXCEEDANCE_250D -> coExceedance(memberRet, 250);
                case WORST_MEMBER_20D -> worstMember(memberRet, 20);
                case RET_Z -> ratio(ret, sigma(ret, 250), 1);
                case VOL_RATIO_20_250 -> logRatio(sigma(ret, 20), sigma(ret, 250));
                case VOL_RATIO_5_20 -> logRatio(sigma(ret, 5), sigma(ret, 20));
                case VOL_RANK_250 -> trailingRank(sigma(ret, 20), 250);
                case DRAWDOWN_Z -> ratio(drawdown(level, 250), sigma(ret, 250), 250);
                case MOMENTUM_20_Z -> ratio(logChange(level, 20), sigma(ret, 250), 20);
                case TREND_200_Z -> ratio(trendGap(level, 200), sigma(ret, 250), 200);
                case DOWNSIDE_SHARE_20 -> downsideShare(ret, 20);
            };
            for (int t = feature.lookback(); t < n; t++) {
                values[t][f] = column[t];
            }
        }
        return new FeatureMatrix(set, data.dates(), values, Math.min(set.lookback(), n));
    }

    /**
     * The reference the alarm rule and the reports compare against: the index's 20-day realized volatility of log
     * returns, annualized, per day (NaN for the first 20).
     */
    public static double[] volatility20d(MarketData data) {
        return volatility20d(data, 0);
    }

    /** As {@link #volatility20d(MarketData)}, computed from row {@code firstRow} on (NaN before it). */
    public static double[] volatility20d(MarketData data, int firstRow) {
        return realizedVolatility(PriceLevels.logReturns(PriceLevels.marketLevel(data)), 20, firstRow);
    }

    public static double[] realizedVolatility(double[] ret, int window) {
        return realizedVolatility(ret, window, 0);
    }

    /** Realized volatility for rows {@code from} onwards (NaN before): the same values there, bit for bit. */
    static double[] realizedVolatility(double[] ret, int window, int from) {
        double[] out = nans(ret.length);
        for (int t = Math.max(window, from); t < ret.length; t++) {
            double mean = 0;
            for (int k = t - window + 1; k <= t; k++) {
                mean += ret[k];
            }
            mean /= window;
            double ss = 0;
            for (int k = t - window + 1; k <= t; k++) {
                ss += (ret[k] - mean) * (ret[k] - mean);
            }
            out[t] = Math.sqrt(ss / (window - 1) * TRADING_DAYS);
        }
        return out;
    }

    /**
     * Volatility below which a series is treated as flat: a ratio with a flat series' volatility is 0, not an
     * infinity (a constant price gives sigma 0; real daily volatility is never below 1e-6).
     */
    static final double FLAT = 1e-9;

    /** sigma_n: sample standard deviation of the last {@code window} returns, not annualized. */
    static double[] sigma(double[] ret, int window) {
        double[] vol = realizedVolatility(ret, window);
        double scale = Math.sqrt(TRADING_DAYS);
        for (int t = 0; t < vol.length; t++) {
            vol[t] /= scale;
        }
        return vol;
    }

    /** x[t] / (sigma[t] x sqrt(periods)); 0 where the series is flat. */
    static double[] ratio(double[] x, double[] sigma, int periods) {
        double[] out = nans(x.length);
        double root = Math.sqrt(periods);
        for (int t = 0; t < x.length; t++) {
            if (!Double.isNaN(x[t]) && !Double.isNaN(sigma[t])) {
                out[t] = sigma[t] > FLAT ? x[t] / (sigma[t] * root) : 0;
            }
        }
        return out;
    }

    /** ln(a[t] / b[t]); 0 where either is flat. */
    static double[] logRatio(double[] a, double[] b) {
        double[] out = nans(a.length);
        for (int t = 0; t < a.length; t++) {
            if (!Double.isNaN(a[t]) && !Double.isNaN(b[t])) {
                out[t] = a[t] > FLAT && b[t] > FLAT ? Math.log(a[t] / b[t]) : 0;
            }
        }
        return out;
    }

    /** Share of values on days t-window+1..t (all defined) that are <= x[t]. */
    static double[] trailingRank(double[] x, int window) {
        double[] out = nans(x.length);
        for (int t = window - 1; t < x.length; t++) {
            if (Double.isNaN(x[t - window + 1])) {
                continue;
            }
            int below = 0;
            for (int k = t - window + 1; k <= t; k++) {
                below += x[k] <= x[t] ? 1 : 0;
            }
            out[t] = (double) below / window;
        }
        return out;
    }

    /** ln(P_t / P_{t-days}). */
    static double[] logChange(double[] level, int days) {
        double[] out = nans(level.length);
        for (int t = days; t < level.length; t++) {
            out[t] = Math.log(level[t] / level[t - days]);
        }
        return out;
    }

    /** ln(P_t / mean of P over days t-window+1..t). */
    static double[] trendGap(double[] level, int window) {
        double[] out = nans(level.length);
        double sum = 0;
        for (int t = 0; t < level.length; t++) {
            sum += level[t];
            if (t >= window) {
                sum -= level[t - window];
            }
            if (t >= window - 1) {
                out[t] = Math.log(level[t] / (sum / window));
            }
        }
        return out;
    }

    /** Sum of squared negative returns over the last {@code window} days / sum of all squared returns; 0.5 if flat. */
    static double[] downsideShare(double[] ret, int window) {
        double[] out = nans(ret.length);
        for (int t = window; t < ret.length; t++) {
            double down = 0;
            double all = 0;
            for (int k = t - window + 1; k <= t; k++) {
                double sq = ret[k] * ret[k];
                all += sq;
                down += ret[k] < 0 ? sq : 0;
            }
            out[t] = all > FLAT * FLAT ? down / all : 0.5;
        }
        return out;
    }

    static double[] drawdown(double[] level, int window) {
        double[] out = nans(level.length);
        for (int t = window - 1; t < level.length; t++) {
            double peak = level[t];
            for (int k = t - window + 1; k < t; k++) {
                peak = Math.max(peak, level[k]);
            }
            out[t] = Math.log(level[t] / peak);
        }
        return out;
    }

    static double[] parkinson(double[] high, double[] low, int window) {
        double[] out = nans(high.length);
        double scale = TRADING_DAYS / (4 * Math.log(2));
        for (int t = window - 1; t < high.length; t++) {
            double s = 0;
            for (int k = t - window + 1; k <= t; k++) {
                double hl = Math.log(high[k] / low[k]);
                s += hl * hl;
            }
            out[t] = Math.sqrt(scale * s / window);
        }
        return out;
    }

    static double[] volumeSurprise(double[] volume, int window) {
        double[] out = nans(volume.length);
        for (int t = window; t < volume.length; t++) {
            double s = 0;
            for (int k = t - window; k < t; k++) {
                s += Math.log(volume[k]);
            }
            out[t] = Math.log(volume[t]) - s / window;
        }
        return out;
    }

    static double[] averageCorrelation(double[][] r, int window) {
        int n = r[0].length;
        double[] out = nans(r.length);
        for (int t = window; t < r.length; t++) {
            double[][] w = rows(r, t - window + 1, t + 1);
            if (!java.util.Arrays.stream(w).allMatch(FeaturePipeline::finite)) {
                continue; // NaN: a non-finite return is not a correlation of 0
            }
            RealMatrix c = new PearsonsCorrelation(w).getCorrelationMatrix();
            double s = 0;
            int pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double v = c.getEntry(i, j);
                    // A member that did not move over the whole window has no defined correlation: count it as 0.
                    s += Double.isNaN(v) ? 0 : v;
                    pairs++;
                }
            }
            out[t] = s / pairs;
        }
        return out;
    }

    static double[] absorptionRatio(double[][] r, int window) {
        int n = r[0].length;
        int top = Math.max(1, (int) Math.round(n / 5.0));
        double[] out = nans(r.length);
        for (int t = window; t < r.length; t++) {
            RealMatrix cov = new Covariance(rows(r, t - window + 1, t + 1), true).getCovarianceMatrix();
            if (!finite(cov)) {
                continue; // NaN: an overflowing price ratio; the decomposition would not converge (the scorer refuses it)
            }
            double[] eig = new EigenDecomposition(cov).getRealEigenvalues();
            Arrays.sort(eig);
            double total = 0;
            double absorbed = 0;
            for (int i = 0; i < eig.length; i++) {
                total += eig[i];
                if (i >= eig.length - top) {
                    absorbed += eig[i];
                }
            }
            out[t] = total > 0 ? absorbed / total : Double.NaN;
        }
        return out;
    }

    private static boolean finite(RealMatrix m) {
        for (double[] row : m.getData()) {
            if (!finite(row)) {
                return false;
            }
        }
        return true;
    }

    private static boolean finite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    static double[] turbulence(double[][] r, int window) {
        int n = r[0].length;
        double[] out = nans(r.length);
        for (int t = window + 1; t < r.length; t++) {
            double[][] past = rows(r, t - window, t);
            RealMatrix cov = new Covariance(past, true).getCovarianceMatrix();
            if (!finite(cov) || !finite(r[t])) {
                continue; // NaN, as in absorptionRatio
            }
            double[] mu = new double[n];
            for (double[] row : past) {
                for (int m = 0; m < n; m++) {
                    mu[m] += row[m] / past.length;
                }
            }
            RealVector dev = new ArrayRealVector(r[t]).subtract(new ArrayRealVector(mu));
            // The SVD solver is the pseudo-inverse: defined even when two members move in lockstep.
            RealVector solved = new SingularValueDecomposition(cov).getSolver().solve(dev);
            out[t] = dev.dotProduct(solved) / n;
        }
        return out;
    }

    static double[] dispersion(double[][] r) {
        double[] out = nans(r.length);
        for (int t = 1; t < r.length; t++) {
            double mean = mean(r[t]);
            double ss = 0;
            for (double v : r[t]) {
                ss += (v - mean) * (v - mean);
            }
            out[t] = Math.sqrt(ss / r[t].length);
        }
        return out;
    }

    /** Per day, the lowest over members of the sum of their last {@code window} log returns. */
    static double[] worstMember(double[][] r, int window) {
        double[] out = nans(r.length);
        for (int t = window; t < r.length; t++) {
            double worst = Double.POSITIVE_INFINITY;
            for (int m = 0; m < r[t].length; m++) {
                double sum = 0;
                for (int k = t - window + 1; k <= t; k++) {
                    sum += r[k][m];
                }
                worst = Math.min(worst, sum);
            }
            out[t] = worst;
        }
        return out;
    }

    static double[] coExceedance(double[][] r, int window) {
        int n = r[0].length;
        double[] out = nans(r.length);
        Percentile percentile = new Percentile();
        double[] past = new double[window];
        for (int t = window + 1; t < r.length; t++) {
            int below = 0;
            for (int m = 0; m < n; m++) {
                for (int k = 0; k < window; k++) {
                    past[k] = r[t - window + k][m];
                }
                if (r[t][m] < percentile.evaluate(past, TAIL_QUANTILE)) {
                    below++;
                }
            }
            out[t] = (double) below / n;
        }
        return out;
    }

    private static double[][] rows(double[][] r, int from, int to) {
        return Arrays.copyOfRange(r, from, to);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
