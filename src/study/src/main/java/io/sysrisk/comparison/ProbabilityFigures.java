package io.sysrisk.comparison;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.sysrisk.research.evaluation.ProperScores;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.evidence.Evidence.FoldResult;
import io.sysrisk.research.evidence.Evidence.ScoreResult;
import io.sysrisk.research.evidence.ProbabilityEvidence.Probabilities;
import io.sysrisk.research.evidence.ProbabilityEvidence.Skill;
import io.sysrisk.research.experiment.PooledExperiment;

/**
 * The proper scores of a study's probability scores, per fold and pooled, against each fold's training base rate
 * ({@link io.sysrisk.research.evidence.ProbabilityEvidence#REFERENCE}), with paired circular-block-bootstrap intervals
 * resampled as the study's other figures are (market by market, or on a joint calendar for markets of one era).
 */
public final class ProbabilityFigures {

    private ProbabilityFigures() {
    }

    /**
     * Whether the score called {@code name} is a probability the study judges as one: every network's and the
     * logistic's (Platt-calibrated or fitted by likelihood), not volatility's (a level) and not the paper's
     * comparison's rows (they compare rankings).
     */
    public static boolean judged(String name) {
        return !name.equals(Evidence.VOLATILITY) && !Evidence.paperRow(name);
    }

    /**
     * The forecast a user could make without the model on a fold: the share of onset windows among the windows of
     * every part the fold trains, stops and calibrates on (every training market, the held-out period excluded).
     */
    public static double trainingRate(PooledExperiment e) {
        int n = e.train().size() + e.validation().size() + e.calibration().size();
        int positives = e.train().positives() + e.validation().positives() + e.calibration().positives();
        return (double) positives / n;
    }

    /** {@code fold} with its probability scores' proper scores against {@code trainingRate}. */
    public static FoldResult fold(FoldResult fold, double trainingRate, int samples) {
        double[] reference = new double[fold.windows()];
        Arrays.fill(reference, trainingRate);
        int[] segments = {fold.windows()};
        List<Probabilities> out = new ArrayList<>();
        for (ScoreResult s : fold.scores()) {
            if (judged(s.name())) {
                out.add(of(s.name(), s.score(), reference, fold.labels(), segments, null, samples));
            }
        }
        return fold.withProbabilities(trainingRate, out);
    }

    /**
     * The pooled proper scores of every judged score over {@code folds} (each with its values and training rate);
     * {@code calendar}: resample on it (markets of one era), else fold by fold.
     */
    public static List<Probabilities> pooled(List<FoldResult> folds, BlockBootstrap.Calendar calendar, int samples) {
        int[] segments = folds.stream().mapToInt(FoldResult::windows).toArray();
        int[] y = folds.stream().flatMapToInt(f -> Arrays.stream(f.labels())).toArray();
        double[] reference = folds.stream().flatMapToDouble(f -> {
            double[] r = new double[f.windows()];
            Arrays.fill(r, f.trainingRate());
            return Arrays.stream(r);
        }).toArray();
        List<Probabilities> out = new ArrayList<>();
        for (int k = 0; k < folds.get(0).scores().size(); k++) {
            int s = k;
            String name = folds.get(0).scores().get(s).name();
            if (!judged(name)) {
                continue;
            }
            double[] p = folds.stream().flatMapToDouble(f -> Arrays.stream(f.scores().get(s).score())).toArray();
            out.add(of(name, p, reference, y, segments, calendar, samples));
        }
        return out;
    }

    /** The proper scores of forecast {@code p} against {@code reference} on outcomes {@code y}. */
    static Probabilities of(String name, double[] p, double[] reference, int[] y, int[] segments,
                            BlockBootstrap.Calendar calendar, int samples) {
        if (p == null) {
            throw new IllegalStateException(name + " has no values on its windows: its proper scores need them");
        }
        int positives = Arrays.stream(y).sum();
        return new Probabilities(name, y.length, positives, (double) positives / y.length,
                Arrays.stream(p).average().orElseThrow(), Arrays.stream(reference).average().orElseThrow(),
                ProperScores.brier(p, y), ProperScores.brier(reference, y),
                interval(p, reference, y, segments, calendar, ProperScores::brierSkill, samples),
                ProperScores.logLoss(p, y), ProperScores.logLoss(reference, y),
                interval(p, reference, y, segments, calendar, ProperScores::logLossSkill, samples),
                interval(p, reference, y, segments, calendar, (a, b, yy) -> Arrays.stream(yy).sum() == 0
                        ? Double.NaN : ProperScores.calibrationRatio(a, yy), samples),
                ProperScores.reliability(p, y, ProperScores.BINS));
    }

    private static Skill interval(double[] p, double[] reference, int[] y, int[] segments,
                                  BlockBootstrap.Calendar calendar, BlockBootstrap.PairedStatistic statistic,
                                  int samples) {
        return calendar != null
                ? BlockBootstrap.statistic(p, reference, y, calendar, statistic, BlockBootstrap.MIN_BLOCK, samples,
                        Resampling.PROBABILITIES)
                : BlockBootstrap.statistic(p, reference, y, segments, statistic, BlockBootstrap.MIN_BLOCK, samples,
                        Resampling.PROBABILITIES);
    }
}
