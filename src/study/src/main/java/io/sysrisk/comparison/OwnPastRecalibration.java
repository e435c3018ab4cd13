package io.sysrisk.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.sysrisk.research.evaluation.LogisticFit;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.evidence.Evidence.FoldResult;
import io.sysrisk.research.evidence.ProbabilityEvidence.OwnPast;
import io.sysrisk.research.evidence.ProbabilityEvidence.OwnPastFold;
import io.sysrisk.research.evidence.ProbabilityEvidence.Probabilities;

/**
 * Whether a held-out market's own past makes the model's numbers probabilities on it (issue 37: "if a market's
 * history is long enough, a recalibration on it may be offered, measured the same way"). Each held-out market's test
 * days are cut in two by count: the later half is scored; the earlier half fits, on the windows whose labels were
 * known before the later half begins (a window's label reads {@code lookahead} trading days of the market after it),
 * three forecasts a user with that market's history could make, each declared before any figure was seen:
 * <ul>
 *   <li>{@value #INTERCEPT}: the model's log-odds shifted by one constant, chosen so that its mean over the past
 *       windows is the past onset share below (the likelihood's own condition, with the share smoothed): its ranking
 *       kept, its level moved to the market's;</li>
 *   <li>{@value #PLATT}: a + b x the model's log-odds, fitted by likelihood; where the past holds no onset window
 *       (nothing to fit a slope on), the level refit;</li>
 *   <li>{@value #PAST_RATE}: one constant, the market's past onset share with half a pseudo-onset added
 *       ((k + 0.5) / (n + 1)), so that a past without an onset does not forecast 0.</li>
 * </ul>
 * All are scored on the later days beside the model as served, against the training base rate and against the model.
 */
public final class OwnPastRecalibration {

    public static final String AS_SERVED = "model (as served)";
    public static final String INTERCEPT = "model, level refitted on the market's past";
    public static final String PLATT = "model, Platt on the market's past";
    public static final String PAST_RATE = "the market's past onset rate";

    /** Log-odds are taken of probabilities kept this far inside (0, 1). */
    private static final double EDGE = 1e-6;

    private OwnPastRecalibration() {
    }

    /**
     * The recalibrations on {@code folds} (the held-out markets, each with its model values and training rate);
     * {@code calendars}: each market's trading days, by market name, for the label's look-ahead. Null when a fold
     * has no model values or no past window.
     */
    public static OwnPast of(List<FoldResult> folds, Map<String, List<LocalDate>> calendars, int lookahead,
                             int samples) {
        List<OwnPastFold> out = new ArrayList<>();
        List<double[][]> forecasts = new ArrayList<>();
        List<int[]> outcomes = new ArrayList<>();
        List<double[]> references = new ArrayList<>();
        for (FoldResult f : folds) {
            Evidence.ScoreResult model = f.scores().stream().filter(s -> s.name().equals(Evidence.MODEL)).findFirst()
                    .orElse(null);
            List<LocalDate> calendar = calendars.get(f.market());
            if (model == null || model.score() == null || calendar == null) {
                return null;
            }
            Split split = split(f.dates(), calendar, lookahead);
            int[] y = f.labels();
            double[] p = model.score();
            double[] pastP = Arrays.copyOfRange(p, 0, split.pastEnd());
            int[] pastY = Arrays.copyOfRange(y, 0, split.pastEnd());
            int positives = Arrays.stream(pastY).sum();
            if (pastY.length == 0) {
                return null;
            }
            double rate = (positives + 0.5) / (pastY.length + 1.0);
            double shift = level(logits(pastP), rate);
            boolean slope = positives > 0 && positives < pastY.length;
            double[] platt = slope ? platt(logits(pastP), pastY) : new double[] {shift, 1};
            double[] laterP = Arrays.copyOfRange(p, split.laterStart(), p.length);
            int[] laterY = Arrays.copyOfRange(y, split.laterStart(), y.length);
            double[] laterLogit = logits(laterP);
            double[][] four = {laterP, new double[laterP.length], new double[laterP.length], new double[laterP.length]};
            for (int i = 0; i < laterP.length; i++) {
                four[1][i] = sigmoid(laterLogit[i] + shift);
                four[2][i] = sigmoid(platt[0] + platt[1] * laterLogit[i]);
                four[3][i] = rate;
            }
            double[] reference = new double[laterP.length];
            Arrays.fill(reference, f.trainingRate());
            int[] segments = {laterP.length};
            List<Probabilities> later = new ArrayList<>();
            for (int k = 0; k < NAMES.size(); k++) {
                later.add(ProbabilityFigures.of(NAMES.get(k), four[k], reference, laterY, segments, null, samples));
            }
            out.add(new OwnPastFold(f.fold(), f.dates().get(0).toString(), f.dates().get(split.pastEnd() - 1)
                    .toString(), pastY.length, positives, f.dates().get(split.laterStart()).toString(),
                    f.dates().get(f.dates().size() - 1).toString(), later, List.of(
                            String.format(Locale.ROOT, "log-odds %+.3f", shift),
                            slope ? String.format(Locale.ROOT, "a %+.3f, b %.3f", platt[0], platt[1])
                                    : "no onset in the past: the level refit",
                            String.format(Locale.ROOT, "%.4f", rate))));
            forecasts.add(four);
            outcomes.add(laterY);
            references.add(reference);
        }
        int[] segments = outcomes.stream().mapToInt(y -> y.length).toArray();
        int[] y = outcomes.stream().flatMapToInt(Arrays::stream).toArray();
        double[] reference = references.stream().flatMapToDouble(Arrays::stream).toArray();
        double[] asServed = forecasts.stream().flatMapToDouble(x -> Arrays.stream(x[0])).toArray();
        List<Probabilities> pooled = new ArrayList<>();
        List<Probabilities> versusModel = new ArrayList<>();
        for (int k = 0; k < NAMES.size(); k++) {
            int m = k;
            double[] p = forecasts.stream().flatMapToDouble(x -> Arrays.stream(x[m])).toArray();
            pooled.add(ProbabilityFigures.of(NAMES.get(k), p, reference, y, segments, null, samples));
            if (k > 0) {
                versusModel.add(ProbabilityFigures.of(NAMES.get(k), p, asServed, y, segments, null, samples));
            }
        }
        return new OwnPast("the earlier half of each held-out market's test days (by count) fits, the later half "
                + "is scored", lookahead, out, pooled, versusModel);
    }

    /** The forecasts, in the order of each fold's and the pooled figures. */
    static final List<String> NAMES = List.of(AS_SERVED, INTERCEPT, PLATT, PAST_RATE);

    /**
     * The later half starts at the middle window by count; the past is every earlier window whose label's last day
     * ({@code lookahead} trading days after it) falls before the later half's first day.
     */
    record Split(int pastEnd, int laterStart) {
    }

    static Split split(List<LocalDate> dates, List<LocalDate> calendar, int lookahead) {
        int later = dates.size() / 2;
        int laterDay = java.util.Collections.binarySearch(calendar, dates.get(later));
        if (laterDay < 0) {
            throw new IllegalArgumentException(dates.get(later) + " is not a trading day of its market");
        }
        int end = later;
        while (end > 0) {
            int day = java.util.Collections.binarySearch(calendar, dates.get(end - 1));
            if (day < 0) {
                throw new IllegalArgumentException(dates.get(end - 1) + " is not a trading day of its market");
            }
            if (day + lookahead < laterDay) {
                break;
            }
            end--;
        }
        return new Split(end, later);
    }

    private static double[] logits(double[] p) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - EDGE, Math.max(EDGE, p[i]));
            out[i] = Math.log(q / (1 - q));
        }
        return out;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The constant c whose sigmoid(z + c) has mean {@code rate} over the windows (Newton on a monotone function): with
     * the observed share as the rate, the likelihood's maximum over c.
     */
    static double level(double[] z, double rate) {
        // The mean of sigmoid(z + c) increases with c: bisection on a bracket wide enough for any rate used here.
        double low = -50;
        double high = 50;
        for (int it = 0; it < 200 && high - low > 1e-12; it++) {
            double c = (low + high) / 2;
            double mean = 0;
            for (double x : z) {
                mean += sigmoid(x + c);
            }
            if (mean / z.length < rate) {
                low = c;
            } else {
                high = c;
            }
        }
        return (low + high) / 2;
    }


    /**
     * (a, b) maximizing the likelihood of sigmoid(a + b z): the project's likelihood logistic ({@link LogisticFit})
     * on the one input z, read back as intercept and slope on z.
     */
    static double[] platt(double[] z, int[] y) {
        double[][] x = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            x[i] = new double[] {z[i]};
        }
        LogisticFit fit = LogisticFit.fit(x, y);
        double a = logit(fit.probability(new double[] {0}));
        return new double[] {a, logit(fit.probability(new double[] {1})) - a};
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
