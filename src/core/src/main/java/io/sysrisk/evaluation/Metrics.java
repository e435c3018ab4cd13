package io.sysrisk.evaluation;

import java.util.Arrays;

/**
 * Binary classification metrics of probabilities against labels, at a decision threshold (alert when p >= threshold).
 *
 * <p>ROC-AUC is the Mann-Whitney statistic (ties count one half). PR-AUC is average precision: the mean of the
 * precision at the rank of each positive, scores tied with it counted together; its no-skill value is the base
 * rate, reported beside it. Brier is the mean squared error of the probabilities (NaN for scores that are not
 * probabilities). Precision is undefined (NaN) without an alert, recall without an event; F1 is 0 when there are
 * events but no alert (nothing found), NaN when there is no event.
 */
public record Metrics(int n, int positives, double baseRate, double threshold, double accuracy, double precision,
                      double recall, double f1, double rocAuc, double prAuc, double brier, int tp, int fp, int tn,
                      int fn) {

    public static Metrics of(double[] p, int[] y, double threshold) {
        return of(p, y, threshold, p);
    }

    /**
     * Metrics of a score that is not itself a probability (an indicator): alerts and the ranking metrics come from
     * {@code score}, the Brier score from {@code probability}.
     */
    public static Metrics of(double[] score, int[] y, double threshold, double[] probability) {
        double[] p = score;
        if (p.length != y.length || p.length == 0 || probability.length != p.length) {
            throw new IllegalArgumentException(p.length + " scores for " + y.length + " labels");
        }
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        double brier = 0;
        for (int i = 0; i < p.length; i++) {
            boolean alert = p[i] >= threshold;
            if (y[i] == 1) {
                tp += alert ? 1 : 0;
                fn += alert ? 0 : 1;
            } else {
                fp += alert ? 1 : 0;
                tn += alert ? 0 : 1;
            }
            brier += (probability[i] - y[i]) * (probability[i] - y[i]);
        }
        int n = p.length;
        int pos = tp + fn;
        // Undefined, not 0: no alert has no precision, no event no recall (a 0 would bias bootstrap intervals).
        double precision = tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
        double recall = pos == 0 ? Double.NaN : (double) tp / pos;
        double f1 = Double.isNaN(precision) || Double.isNaN(recall) ? (pos > 0 && tp + fp == 0 ? 0 : Double.NaN)
                : precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Metrics(n, pos, (double) pos / n, threshold, (double) (tp + tn) / n, precision, recall, f1,
                rocAuc(p, y), averagePrecision(p, y), brier / n, tp, fp, tn, fn);
    }

    public static double rocAuc(double[] score, int[] y) {
        int[] idx = order(score);
        double rankSumPos = 0;
        int pos = 0;
        int i = 0;
        while (i < idx.length) {
            int j = i;
            while (j + 1 < idx.length && score[idx[j + 1]] == score[idx[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1; // ascending ranks, ties share their mean rank
            for (int k = i; k <= j; k++) {
                if (y[idx[k]] == 1) {
                    rankSumPos += midRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        int neg = score.length - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    public static double averagePrecision(double[] score, int[] y) {
        int[] idx = order(score);
        int totalPos = 0;
        for (int v : y) {
            totalPos += v;
        }
        if (totalPos == 0) {
            return Double.NaN;
        }
        double ap = 0;
        int tp = 0;
        int seen = 0;
        int i = idx.length - 1; // descending
        while (i >= 0) {
            int j = i;
            int groupPos = 0;
            while (j >= 0 && score[idx[j]] == score[idx[i]]) {
                groupPos += y[idx[j]];
                j--;
            }
            seen += i - j;
            tp += groupPos;
            ap += groupPos * ((double) tp / seen);
            i = j;
        }
        return ap / totalPos;
    }

    /** The threshold among the scores that gives the highest F1 (the highest such threshold on ties). */
    public static double bestF1Threshold(double[] p, int[] y) {
        int[] idx = order(p);
        int totalPos = 0;
        for (int v : y) {
            totalPos += v;
        }
        double best = -1;
        double bestThreshold = 0.5;
        int tp = 0;
        int alerts = 0;
        int i = idx.length - 1;
        while (i >= 0) {
            int j = i;
            while (j >= 0 && p[idx[j]] == p[idx[i]]) {
                tp += y[idx[j]];
                alerts++;
                j--;
            }
            double f1 = totalPos == 0 ? 0 : 2.0 * tp / (alerts + totalPos);
            if (f1 > best) {
                best = f1;
                bestThreshold = p[idx[i]];
            }
            i = j;
        }
        return bestThreshold;
    }

    /**
     * The indices of {@code score} in ascending order ({@link Double#compare}; equal scores keep their index order):
     * a stable bottom-up merge sort of primitive indices, the permutation a stable sort of boxed indices by the same
     * comparison gives, without boxing (the bootstrap intervals of a report sort thousands of resamples).
     */
    static int[] order(double[] score) {
        int n = score.length;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    // <= keeps the left run's index first on a tie: stable.
                    b[k++] = Double.compare(score[a[i]], score[a[j]]) <= 0 ? a[i++] : a[j++];
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    public String confusion() {
        return String.format("TP %d  FP %d  TN %d  FN %d", tp, fp, tn, fn);
    }
}
