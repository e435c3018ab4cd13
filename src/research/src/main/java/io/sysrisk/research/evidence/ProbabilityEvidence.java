package io.sysrisk.research.evidence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.sysrisk.research.evaluation.ProperScores.Bin;

/**
 * Whether a score's numbers can be read as probabilities: proper scores (Brier, log loss) and their skill against
 * the forecast a user could make without the model, calibration in the large and reliability by decile, per fold and
 * pooled. The report leads with them; {@code GET /model} and the risk page say from them whether the number is a
 * probability or a ranking of days.
 */
public final class ProbabilityEvidence {

    /**
     * The band a held-out market's mean probability must fall in, as a multiple of its observed onset rate, for the
     * numbers to count as calibrated on markets never seen (with a pooled Brier skill interval above 0).
     */
    public static final double RATIO_LOW = 0.7;
    public static final double RATIO_HIGH = 1.4;

    /** What the reference forecast is, in words: every figure's skill is taken against it. */
    public static final String REFERENCE = "the training base rate (the share of onset windows in every part of "
            + "the fold's training markets that it could read: one constant per fold)";

    private ProbabilityEvidence() {
    }

    /**
     * The model's probabilities recalibrated on each held-out market's own past: the earlier half of its test days
     * fits the recalibration (only windows whose labels were known {@code lookaheadDays} trading days before the
     * later half begins), the later half is scored. {@code folds}: per held-out market; {@code pooled}: over them.
     * Each forecast is scored against the training base rate ({@link #REFERENCE}) and against the model as served
     * on the same days ({@code versusModel}: skill above 0 is a gain from recalibrating).
     */
    public record OwnPast(String about, int lookaheadDays, List<OwnPastFold> folds, List<Probabilities> pooled,
                          List<Probabilities> versusModel) {
        public OwnPast {
            folds = List.copyOf(folds);
            pooled = List.copyOf(pooled);
            versusModel = List.copyOf(versusModel);
        }
    }

    /**
     * One held-out market's past (fitting) and later (scored) days, and each forecast's proper scores on the later
     * days ({@code later}); {@code fitted}: the recalibrations' parameters in words.
     */
    public record OwnPastFold(String fold, String pastFrom, String pastTo, int pastWindows, int pastPositives,
                              String laterFrom, String laterTo, List<Probabilities> later, List<String> fitted) {
        public OwnPastFold {
            later = List.copyOf(later);
            fitted = List.copyOf(fitted);
        }
    }

    /** A figure with its 95% circular block-bootstrap interval. */
    public record Skill(double estimate, Interval interval) {
    }

    /**
     * One probability score's proper scores on a test set. Skill is 1 - score / the reference's score (0: no better
     * than the reference, 1: perfect); {@code calibrationRatio} is the mean probability over the observed rate.
     *
     * @param referenceRate the reference forecast's mean over the windows (one fold: its training base rate)
     */
    public record Probabilities(String name, int windows, int positives, double observedRate,
                                double meanProbability, double referenceRate, double brier, double referenceBrier,
                                Skill brierSkill, double logLoss, double referenceLogLoss, Skill logLossSkill,
                                Skill calibrationRatio, List<Bin> reliability) {
        public Probabilities {
            reliability = List.copyOf(reliability);
        }

        /** Whether the mean probability is within {@link #RATIO_LOW}-{@link #RATIO_HIGH} times the observed rate. */
        public boolean withinBand() {
            return calibrationRatio.estimate() >= RATIO_LOW && calibrationRatio.estimate() <= RATIO_HIGH;
        }

        /** The observed onset rate among the test windows whose forecast fell in the bin holding {@code p}. */
        public Bin binOf(double p) {
            Bin best = reliability.get(0);
            for (Bin b : reliability) {
                if (p >= b.from()) {
                    best = b;
                }
            }
            return best;
        }
    }

    /**
     * Whether a score's numbers are probabilities on markets never seen: its pooled Brier skill interval lies above
     * 0 and every held-out market's mean probability is within the band of its observed rate.
     *
     * @param ratios each held-out market's mean probability over its observed onset rate
     */
    public record Verdict(String score, boolean calibrated, Skill brierSkill, Map<String, Double> ratios,
                          String inWords) {

        /** The verdict on {@code pooled} given each fold's figures of the same score ({@code byMarket}). */
        public static Verdict of(Probabilities pooled, Map<String, Probabilities> byMarket) {
            boolean skill = pooled.brierSkill().interval().low() > 0;
            Map<String, Double> ratios = new LinkedHashMap<>();
            byMarket.forEach((m, p) -> ratios.put(m, p.calibrationRatio().estimate()));
            boolean band = byMarket.values().stream().allMatch(Probabilities::withinBand);
            boolean calibrated = skill && band;
            // A fold without an onset in a market has no rate to divide by: said, not printed as NaN.
            String each = String.join(", ", ratios.entrySet().stream().map(e -> Double.isFinite(e.getValue())
                    ? String.format(Locale.ROOT, "%s %.2fx", e.getKey(), e.getValue())
                    : e.getKey() + " n/a (no onset)").toList());
            String words;
            if (calibrated) {
                words = String.format(Locale.ROOT, "Its probabilities held out of sample: pooled Brier "
                                + "skill %+.3f [%+.3f, %+.3f] against the training base rate, and each fold's "
                                + "mean probability within %.1f-%.1fx of its onset rate (%s).",
                        pooled.brierSkill().estimate(), pooled.brierSkill().interval().low(),
                        pooled.brierSkill().interval().high(), RATIO_LOW, RATIO_HIGH, each);
            } else {
                words = String.format(Locale.ROOT, "Read the number as a ranking of days, not as a calibrated "
                                + "probability: out of sample, its pooled Brier skill against the "
                                + "training base rate is %+.3f [%+.3f, %+.3f] (0: no better than that constant)%s, and "
                                + "its mean probability over each fold's observed onset rate was %s (%.1f-%.1fx counts as "
                                + "calibrated). What a score level meant there is the observed onset rate at it.",
                        pooled.brierSkill().estimate(), pooled.brierSkill().interval().low(),
                        pooled.brierSkill().interval().high(), skill ? ", above 0" : "", each, RATIO_LOW,
                        RATIO_HIGH);
            }
            return new Verdict(pooled.name(), calibrated, pooled.brierSkill(), ratios, words);
        }
    }
}
