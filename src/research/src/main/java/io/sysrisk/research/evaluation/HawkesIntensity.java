package io.sysrisk.research.evaluation;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * A self-exciting (Hawkes) intensity of large losses, after Gresnigt, Kole and Franses (2015), whose warning system
 * of crash days beat volatility-based ones: a day whose log return is at or below {@code lossThreshold} is an event,
 * and the expected number of events on day t is {@code mu + eta * beta * E(t)}, with {@code E(t) = sum over earlier
 * events s of exp(-beta (t - 1 - s))} (a discrete exponential kernel; {@code eta} is the share of events another
 * event triggers). Fitted by maximum Poisson likelihood on training days only; {@link #intensity} is causal: day t's
 * value is the intensity expected for day t + 1 from days up to t.
 *
 * @param lossThreshold a large loss: the {@link #LOSS_QUANTILE} quantile of the training days' log returns
 */
public record HawkesIntensity(double lossThreshold, double mu, double eta, double beta) {

    /** The share of training days that are large losses: about two and a half a year. */
    public static final double LOSS_QUANTILE = 0.01;

    /**
     * Fits on {@code segments}, each a run of consecutive days' log returns (NaN: no return that day, no event);
     * the threshold is their pooled {@link #LOSS_QUANTILE} quantile.
     */
    public static HawkesIntensity fit(List<double[]> segments) {
        double[] all = segments.stream().flatMapToDouble(Arrays::stream).filter(Double::isFinite).toArray();
        if (all.length < 250) {
            throw new IllegalArgumentException("a Hawkes intensity needs a year of training returns, got "
                    + all.length);
        }
        double threshold = new Percentile().evaluate(all, 100 * LOSS_QUANTILE);
        List<int[]> events = segments.stream().map(r -> events(r, threshold)).toList();
        double rate = events.stream().mapToInt(e -> Arrays.stream(e).sum()).sum() / (double) all.length;
        // Parameters on unbounded scales: log mu, logit eta, log beta (beta kept within 1/1000 and 5 per day).
        ObjectiveFunction likelihood = new ObjectiveFunction(x -> {
            HawkesIntensity h = of(threshold, x);
            double ll = 0;
            for (int[] n : events) {
                ll += h.logLikelihood(n);
            }
            return Double.isFinite(ll) ? ll : -1e300;
        });
        PointValuePair best = new SimplexOptimizer(1e-9, 1e-12).optimize(new MaxEval(4000), likelihood,
                GoalType.MAXIMIZE, new InitialGuess(new double[] {Math.log(rate / 2), 0, Math.log(0.05)}),
                new NelderMeadSimplex(3));
        return of(threshold, best.getPoint());
    }

    private static HawkesIntensity of(double threshold, double[] x) {
        double eta = 0.999 / (1 + Math.exp(-x[1]));
        double beta = Math.min(5, Math.max(1e-3, Math.exp(x[2])));
        return new HawkesIntensity(threshold, Math.exp(x[0]), eta, beta);
    }

    private static int[] events(double[] returns, double threshold) {
        int[] n = new int[returns.length];
        for (int t = 0; t < n.length; t++) {
            n[t] = returns[t] <= threshold ? 1 : 0; // NaN compares false: no event
        }
        return n;
    }

    /** The Poisson log likelihood of events {@code n} on consecutive days (the first day has no past). */
    double logLikelihood(int[] n) {
        double decay = Math.exp(-beta);
        double e = 0;
        double ll = 0;
        for (int t = 0; t < n.length; t++) {
            if (t > 0) {
                e = decay * e + n[t - 1];
            }
            double lambda = mu + eta * beta * e;
            ll += n[t] * Math.log(lambda) - lambda;
        }
        return ll;
    }

    /** Each day's intensity expected for the next day, from the log returns up to that day. */
    public double[] intensity(double[] returns) {
        int[] n = events(returns, lossThreshold);
        double decay = Math.exp(-beta);
        double[] out = new double[n.length];
        double e = 0;
        for (int t = 0; t < n.length; t++) {
            e = decay * e + n[t];
            out[t] = mu + eta * beta * e;
        }
        return out;
    }
}
