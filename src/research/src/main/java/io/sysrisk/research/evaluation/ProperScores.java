package io.sysrisk.research.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Proper scores of probability forecasts: how right the numbers are, not only how they rank days. The Brier score
 * and the log loss reward a forecast only for being both sharp and calibrated; their skill is taken against a
 * reference forecast a user could make without the model (the training base rate), so 0 means "no better than
 * that constant" whatever the test set's own rate. Reliability bins show where the forecast is off.
 */
public final class ProperScores {

    /**
     * Probabilities are kept this far from 0 and 1 in the log loss: a forecast of exactly 0 or 1 that is wrong would
     * weigh infinitely. No served or studied forecast reaches it (Platt outputs and base rates are strictly inside).
     */
    public static final double LOG_LOSS_FLOOR = 1e-12;
    /** Reliability bins: deciles of the forecast, as many windows in each. */
    public static final int BINS = 10;

    private ProperScores() {
    }

    /** One reliability bin: the forecasts from {@code from} to {@code to}, their mean and the observed rate. */
    public record Bin(double from, double to, int windows, int positives, double meanProbability,
                      double observedRate) {
    }

    /** Mean squared error of the forecast {@code p} against the outcomes {@code y} (0 or 1). */
    public static double brier(double[] p, int[] y) {
        check(p, y);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double d = p[i] - y[i];
            s += d * d;
        }
        return s / y.length;
    }

    /** Mean negative log-likelihood of the outcomes under the forecast, in nats. */
    public static double logLoss(double[] p, int[] y) {
        check(p, y);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double q = Math.min(1 - LOG_LOSS_FLOOR, Math.max(LOG_LOSS_FLOOR, p[i]));
            s -= y[i] == 1 ? Math.log(q) : Math.log1p(-q);
        }
        return s / y.length;
    }

    /** Brier skill of {@code p} against {@code reference}: 1 - Brier(p) / Brier(reference); 0 is no skill. */
    public static double brierSkill(double[] p, double[] reference, int[] y) {
        return 1 - brier(p, y) / brier(reference, y);
    }

    /** Log-loss skill of {@code p} against {@code reference}: 1 - LL(p) / LL(reference). */
    public static double logLossSkill(double[] p, double[] reference, int[] y) {
        return 1 - logLoss(p, y) / logLoss(reference, y);
    }

    /** Mean forecast over the observed rate: 1 is calibrated in the large, 2 predicts twice the events there were. */
    public static double calibrationRatio(double[] p, int[] y) {
        check(p, y);
        double mean = Arrays.stream(p).average().orElse(Double.NaN);
        double rate = Arrays.stream(y).average().orElse(Double.NaN);
        return mean / rate;
    }

    /**
     * Reliability by {@code bins} quantiles of the forecast: windows sorted by forecast, cut into runs of (nearly)
     * equal size; each bin's forecast range, mean forecast and observed rate. Equal forecasts share a bin, so a bin
     * may hold more windows than its share (a forecast that takes few values has fewer bins).
     */
    public static List<Bin> reliability(double[] p, int[] y, int bins) {
        check(p, y);
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        }
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        List<Bin> out = new ArrayList<>();
        int n = p.length;
        int start = 0;
        for (int b = 1; b <= bins && start < n; b++) {
            int end = (int) Math.round((double) b * n / bins);
            if (end <= start) {
                continue;
            }
            // Windows with the same forecast as the bin's last stay with it: a bin is a range of forecasts.
            while (end < n && p[order[end]] == p[order[end - 1]]) {
                end++;
            }
            double sum = 0;
            int positives = 0;
            for (int k = start; k < end; k++) {
                sum += p[order[k]];
                positives += y[order[k]];
            }
            int count = end - start;
            out.add(new Bin(p[order[start]], p[order[end - 1]], count, positives, sum / count,
                    (double) positives / count));
            start = end;
        }
        return out;
    }

    private static void check(double[] p, int[] y) {
        if (p.length != y.length || y.length == 0) {
            throw new IllegalArgumentException("forecasts (" + p.length + ") and outcomes (" + y.length
                    + ") must be as many and not none");
        }
    }
}
