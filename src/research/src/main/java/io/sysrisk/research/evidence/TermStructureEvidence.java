package io.sysrisk.research.evidence;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.sysrisk.research.evaluation.AlarmNulls;

/**
 * What the term structure's per-horizon study writes ({@code term-structure.json}) and the function reads for a
 * term-structure version: each horizon's ranking figures, its alarm tables and their nulls, per fold and pooled. Its
 * schema version is {@link Evidence#SCHEMA}, read through {@link EvidenceJson} as the default's study is.
 */
public final class TermStructureEvidence {

    private TermStructureEvidence() {
    }

    /**
     * One horizon's figures on a set of windows; {@code NaN} and null intervals where it holds no event.
     * {@code trainingRate}: that horizon's training base rate (pooled: the folds' mean over the windows), the
     * reference of {@code probabilities}, its proper scores ({@link ProbabilityEvidence}).
     */
    public record Horizon(int days, int windows, int positives, double baseRate, double meanProbability, double brier,
                          double modelRocAuc, double volatilityRocAuc, double modelPrAuc, double volatilityPrAuc,
                          Difference rocVsVolatility, Difference prVsVolatility, double trainingRate,
                          ProbabilityEvidence.Probabilities probabilities) {
    }

    /**
     * One horizon's early-warning table: its alarm rules, then the uninformative alarms shaped after the model's
     * (row 0), and that alarm's circular shifts. {@code adopted} of {@code folds} folds alarmed by the horizon's
     * probability; the others by the reference rule, so row 0 is the model's own alarm only in those.
     */
    @JsonIgnoreProperties(value = {"alarmedBy", "verdict", "beatsNulls"}, allowGetters = true)
    public record AlarmTable(int days, double preference, int folds, int adopted,
                             List<Evidence.EventRow> rows, AlarmNulls.ShiftSummary shifts) {

        /** Who alarms in row 0, in words. */
        @JsonProperty("alarmedBy")
        public String alarmedBy() {
            return adopted == folds ? "the horizon's probability" + (folds == 1 ? "" : ", in every fold")
                    : adopted == 0 ? "the reference rule (volatility > train p90): the horizon's probability was not "
                    + "adopted" + (folds == 1 ? "" : " in any fold")
                    : "the horizon's probability in " + adopted + " of " + folds + " folds, the reference rule "
                    + "(volatility > train p90) in the others";
        }

        /** The model alarm's per-day skill against every uninformative alarm's, as the default's headline. */
        @JsonProperty("verdict")
        public Evidence.Verdict verdict() {
            java.util.function.ToDoubleFunction<String> skill = name -> rows.stream()
                    .filter(x -> x.name().equals(name)).findFirst().orElseThrow().events().skill();
            return new Evidence.Verdict(rows.get(0).events().skill(), rows.get(0).intervals().skill(),
                    skill.applyAsDouble(Evidence.ALWAYS_ON),
                    skill.applyAsDouble(Evidence.EVENLY_SPACED),
                    skill.applyAsDouble(Evidence.CALENDAR), shifts.skill()[2]);
        }

        /** Whether no uninformative alarm reaches row 0's skill ({@link Evidence.Verdict#beatsNulls}). */
        @JsonProperty("beatsNulls")
        public boolean beatsNulls() {
            return verdict().beatsNulls();
        }
    }

    /**
     * One held-out market: its test period, what the fold trained on, each horizon's figures, and every test
     * window's date, probability and label per horizon ({@code probability[h][i]}, {@code labels[h][i]}), so the
     * figures can be recomputed from the report.
     */
    public record Fold(String market, String period, String trainedOn, List<Integer> bestEpochs, List<Horizon> horizons,
                       List<AlarmTable> alarms, List<LocalDate> dates,
                       double[][] probability,
                       int[][] labels,
                       @JsonIgnore double[] volatility,
                       @JsonIgnore int[] rows,
                       @JsonIgnore int[] onsets,
                       @JsonIgnore boolean[] calmOnsets,
                       @JsonIgnore List<LocalDate> onsetDates) {
    }

    /**
     * Every fold, and the folds pooled (segments: one per market). {@code stratifiedPrAuc}: per horizon, each
     * fold's PR-AUC weighted by its events (the folds' calibrations differ; this does not join their scores).
     */
    public record Result(int schema, String design, String mode, List<Integer> horizons, int servedHorizon, List<Fold> folds,
                         List<Horizon> pooled, List<double[]> stratifiedPrAuc, List<CalmFigures> calm,
                         List<AlarmTable> pooledAlarms, long answers, long decreasing, int samples, double seconds) {
    }
}
