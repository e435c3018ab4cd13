package io.sysrisk.research.evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import io.sysrisk.evaluation.AlarmThreshold;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.research.evaluation.AlarmNulls;
import io.sysrisk.research.evaluation.EventMetrics;
import io.sysrisk.research.experiment.PlantedInput;
import io.sysrisk.research.experiment.WalkForward;

/**
 * What a study writes: the records of its JSON ({@code lomo.json}, {@code walk-forward.json}), the names of the
 * scores and alarm rules in them, the preferences its event tables are made at, and the designs. Every figure the
 * report, {@code GET /model} and the risk page quote comes from these records.
 */
public final class Evidence {

    private Evidence() {
    }

    /** How a study holds data out; written as its words. */
    public enum Design {
        /** The default's: each market held out with its era, the recipe chosen by a nested selection. */
        LOMO("leave-one-market-out"),
        /** One market's walk-forward folds, judging the version's own recipe. */
        WALK_FORWARD("walk-forward"),
        /** Several markets of one era judged together over time: {@link WalkForward#planMarkets}. */
        WALK_FORWARD_MARKETS("walk-forward, the markets together"),
        /** Leave-one-market-out of a user's several markets, judging the version's own recipe (no selection). */
        LOMO_OWN_RECIPE("leave-one-market-out, the version's recipe");

        private final String words;

        Design(String words) {
            this.words = words;
        }

        @JsonValue
        @Override
        public String toString() {
            return words;
        }

        /** Whether its folds are periods of time (walk-forward), not held-out markets. */
        public boolean walkForward() {
            return this == WALK_FORWARD || this == WALK_FORWARD_MARKETS;
        }

        /** Whether it judges the version's own recipe rather than selecting one. */
        public boolean ownRecipe() {
            return this != LOMO;
        }
    }

    /**
     * The version of these records' JSON. A reader refuses any other: a report written by a later build says so at
     * startup instead of being read as something it is not. Raise it when a record changes shape.
     */
    public static final int SCHEMA = 3;

    /** Preferences mu the event tables are made at; the served rule uses {@link #SERVED_PREFERENCE}. */
    public static final double[] PREFERENCES = {0.3, 0.5, 0.7};
    /** The preference mu of the served alarm: misses and false alarms weigh the same. */
    public static final double SERVED_PREFERENCE = io.sysrisk.store.ModelManifest.DEFAULT_PREFERENCE;

    /** The nested selection's pick per fold: the recipe a fold's inner leave-one-market-out chose. */
    public static final String MODEL = "selected network (nested)";
    public static final String PLAIN = "plain network";
    public static final String ANCHORED = "anchored network";
    public static final String VOLATILITY = "volatility (vol_20d)";
    public static final String LOGISTIC = "logistic (last day)";
    /** The served inputs' last day, logistic regression by maximum likelihood (unweighted): a fitted probability. */
    public static final String ML_LOGISTIC = "logistic, maximum likelihood (last day)";
    /** Log 20-day and log 120-day volatility, logistic regression by maximum likelihood. */
    public static final String LOG_VOLATILITY = "logistic of log volatility (20 and 120 days)";
    /** A logistic of the trailing 250-day return, fitted by maximum likelihood. */
    public static final String TRAILING_RETURN = "logistic of the trailing 250-day return";
    /** A logistic of the log Hawkes intensity of large losses, both fitted on training days. */
    public static final String HAWKES = "logistic of a Hawkes intensity of large losses";
    /** A likelihood logistic of the absorption ratio the market reads (a systemic study's reference). */
    public static final String ABSORPTION_RATIO = "logistic of the absorption ratio";
    /** A likelihood logistic of log turbulence the market reads (a systemic study's reference). */
    public static final String TURBULENCE = "logistic of log turbulence";
    /** A likelihood logistic of the CISS-like composite stress index (a systemic study's reference). */
    public static final String COMPOSITE_STRESS = "logistic of a composite stress index (CISS-like)";
    /** A likelihood logistic of the served inputs and every systemic input (a systemic study's reference). */
    public static final String SYSTEMIC_LOGISTIC = "logistic, maximum likelihood, with the systemic inputs";
    /** The fitted reference a fold's inner leave-one-market-out chose for its Brier skill: its probability. */
    public static final String SELECTED_PROBABILITY = "fitted reference selected on proper scores (nested)";
    /** Minus the days since the close was 7% below its 20-day high (an error diagram's family). */
    public static final String DRAWDOWN_MEMORY = "drawdown memory (days since 7% below the 20-day high)";
    /** The worst drawdown of the last 120 days (an error diagram's family). */
    public static final String WORST_DRAWDOWN = "worst 120-day drawdown";
    public static final String VOLATILITY_P90 = "volatility > train p90";
    public static final String VOLATILITY_SAME_SHARE = "volatility at the model's alarm share";
    public static final String ALWAYS_ON = "always on";
    public static final String EVENLY_SPACED = "evenly spaced runs, the model's alarm days and episodes";
    public static final String CALENDAR = "calendar: one alarm day per model episode, evenly spaced";
    /**
     * The network of arXiv 2502.06847 as the study trains it: CNN, BiLSTM and attention over 60-day windows of the
     * closes' features, the plain recipe. The paper's comparison sets each of its other rows beside it.
     */
    public static final String PAPER_NETWORK = PLAIN;
    /** How the paper's comparison rows are named among a fold's scores and event rows. */
    public static final String PAPER_ROW = "paper's comparison: ";

    /** Whether the score or alarm row called {@code name} is a row of the paper's comparison. */
    public static boolean paperRow(String name) {
        return name.startsWith(PAPER_ROW);
    }

    /** Index of {@link #SERVED_PREFERENCE} in {@link #PREFERENCES}. */
    public static int served() {
        for (int i = 0; i < PREFERENCES.length; i++) {
            if (PREFERENCES[i] == SERVED_PREFERENCE) {
                return i;
            }
        }
        throw new IllegalStateException("the served preference is not reported");
    }

    /**
     * One recipe the study compared, as the report records it: which network (plain, or anchored on the volatility
     * reference), how large, on which inputs, trained on which series, stopped early by what, and the positive
     * control's planted input (null elsewhere), the systemic inputs it reads (empty: none). The training module's
     * recipe writes itself as this.
     */
    public record Candidate(String name, boolean anchored, String size, List<String> featureIds, boolean spiSectors,
                            String selection, PlantedInput planted,
                            @com.fasterxml.jackson.annotation.JsonInclude(
                                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                            List<String> systemicInputs) {
        public Candidate {
            systemicInputs = systemicInputs == null ? List.of() : List.copyOf(systemicInputs);
        }

        /** A candidate reading the market's own closes only (every one before the systemic panel). */
        public Candidate(String name, boolean anchored, String size, List<String> featureIds, boolean spiSectors,
                         String selection, PlantedInput planted) {
            this(name, anchored, size, featureIds, spiSectors, selection, planted, List.of());
        }
    }

    /**
     * What the inner leave-one-market-out chose for one outer fold: each candidate recipe's PR-AUC on the inner
     * held-out markets (per inner fold, weighted by its events), over the outer fold's training markets with the
     * outer test period excluded from every part; no inner choice reads a day of it. {@code perFold} holds each
     * inner fold's figures (recipe name to PR-AUC), {@code perFoldEpochs} the epoch each candidate's members were
     * restored at (0: an anchored network kept its reference), {@code trained} counts the networks trained for the
     * choice.
     */
    public record Selection(String chosen, Map<String, Double> innerPrAuc, List<String> innerFolds,
                            List<Map<String, Double>> perFold, List<Map<String, List<Integer>>> perFoldEpochs,
                            int trained, String why) implements java.io.Serializable {
    }

    /**
     * What one fold held out and how each score did on it. Every test window is in it (date, label, each score's
     * value), so the report can be re-analysed; masked days (inside a fall) are not test windows.
     * {@code trainingRate} is the forecast a user could make without the model
     * ({@link ProbabilityEvidence#REFERENCE}); {@code probabilities} are the probability scores' proper scores
     * against it.
     */
    public record FoldResult(String fold, String market, String period, int windows, int positives,
                             List<LocalDate> dates, int[] labels, List<LocalDate> onsetDates,
                             List<ScoreResult> scores, Comparisons comparisons, Comparisons anchoredComparisons,
                             Selection selection, List<EventTable> events, Map<String, List<Integer>> bestEpochs,
                             CalmFigures calm, String trainedOn, double trainingRate,
                             List<ProbabilityEvidence.Probabilities> probabilities,
                             @JsonInclude(JsonInclude.Include.NON_NULL)
                             List<io.sysrisk.store.ModelManifest.PreferenceAlarm> alarms, @JsonIgnore int[] rows,
                             @JsonIgnore int[] onsets, @JsonIgnore boolean[] calmOnsets, @JsonIgnore int[] calmKept,
                             @JsonIgnore double[] volatility) {

        /**
         * This fold without the per-window values of the scores {@code drop} names: their figures (metrics, intervals,
         * event rows) stay.
         */
        public FoldResult withoutValuesOf(java.util.function.Predicate<String> drop) {
            List<ScoreResult> kept = scores.stream().map(s -> drop.test(s.name()) ? s.withoutValues() : s).toList();
            return new FoldResult(fold, market, period, windows, positives, dates, labels, onsetDates, kept,
                    comparisons, anchoredComparisons, selection, events, bestEpochs, calm, trainedOn, trainingRate,
                    probabilities, alarms, rows, onsets, calmOnsets, calmKept, volatility);
        }

        /**
         * This fold with {@code more} scores after those of its own that {@code keep} names (theirs in no event
         * table or stratum).
         */
        public FoldResult withScores(java.util.function.Predicate<String> keep, List<ScoreResult> more) {
            List<ScoreResult> all = new java.util.ArrayList<>(scores.stream().filter(s -> keep.test(s.name()))
                    .toList());
            all.addAll(more);
            return new FoldResult(fold, market, period, windows, positives, dates, labels, onsetDates, all,
                    comparisons, anchoredComparisons, selection, events, bestEpochs, calm, trainedOn, trainingRate,
                    probabilities, alarms, rows, onsets, calmOnsets, calmKept, volatility);
        }

        /** This fold with its alarms at every preference, chosen across families on its calibration days. */
        public FoldResult withAlarms(List<io.sysrisk.store.ModelManifest.PreferenceAlarm> chosen) {
            return new FoldResult(fold, market, period, windows, positives, dates, labels, onsetDates, scores,
                    comparisons, anchoredComparisons, selection, events, bestEpochs, calm, trainedOn, trainingRate,
                    probabilities, List.copyOf(chosen), rows, onsets, calmOnsets, calmKept, volatility);
        }

        /** This fold with its training rate and its probability scores' proper scores. */
        public FoldResult withProbabilities(double rate, List<ProbabilityEvidence.Probabilities> figures) {
            return new FoldResult(fold, market, period, windows, positives, dates, labels, onsetDates, scores,
                    comparisons, anchoredComparisons, selection, events, bestEpochs, calm, trainedOn, rate,
                    List.copyOf(figures), alarms, rows, onsets, calmOnsets, calmKept, volatility);
        }

        /** Its proper scores of the score called {@code name}, or null when it has none. */
        public ProbabilityEvidence.Probabilities probabilities(String name) {
            return probabilities == null ? null : probabilities.stream().filter(p -> p.name().equals(name))
                    .findFirst().orElse(null);
        }
    }

    /** One score's ranking figures on a test set, and its value on every test window (null when pooled). */
    public record ScoreResult(String name, @JsonInclude(JsonInclude.Include.NON_NULL) double[] score, Metrics metrics, Interval rocAuc,
                              Interval prAuc) {
        /** Its figures without the value on every window. */
        public ScoreResult withoutValues() {
            return new ScoreResult(name, null, metrics, rocAuc, prAuc);
        }
    }

    /**
     * The early-warning table at one preference mu: each alarm rule beside the baselines that keep it honest, among
     * them the served alarm's circular shifts ({@link AlarmNulls}).
     */
    public record EventTable(double preference, List<EventRow> rows, RandomSummary matchedRandom,
                             AlarmNulls.ShiftSummary shifts) {
    }

    /**
     * One alarm rule's event figures. {@code rule} says how it alarmed ("adopted", "fallback to volatility p90",
     * "same alarm share as the model", ...); its alarms per test window are kept for pooling, not written.
     */
    public record EventRow(String name, String rule, double threshold, AlarmThreshold choice, EventMetrics events,
                           EventIntervals intervals, int calmOnsets, int calmWarned,
                           @JsonIgnore boolean[] alarm) {
        /** Share of the onsets out of calm that the alarm warned. */
        public double calmWarnedShare() {
            return calmOnsets == 0 ? Double.NaN : (double) calmWarned / calmOnsets;
        }
    }

    /**
     * The alarm at one preference, chosen across families on each fold's calibration days ({@code
     * io.sysrisk.training.ServedAlarm#select}, the served alarm's recipe) and judged on the held-out markets, pooled
     * over the whole-history folds; beside each family's own alarm, its threshold chosen on the same days.
     * {@code bestSimple}: the rule of the market's level with the best pooled usefulness (chosen after the fact, so
     * the comparison favours it); {@code selectedMinusBestSimple}: the paired 95% interval of the usefulness
     * difference; {@code chosen}: each fold's pick.
     */
    @JsonIgnoreProperties(value = {"verdict"}, allowGetters = true)
    public record PreferenceAlarms(double preference, List<FamilyAlarm> families, FamilyAlarm selected,
                                   List<String> chosen, String bestSimple, Interval selectedMinusBestSimple) {

        /** The selected alarm's usefulness minus the best simple rule's. */
        public double selectedMinusBestSimpleValue() {
            return selected.usefulness() - family(bestSimple).usefulness();
        }

        /** The family's figures, by its id, or null. */
        public FamilyAlarm family(String id) {
            return families.stream().filter(f -> f.family().equals(id)).findFirst().orElse(null);
        }

        /** Whether the served recipe's alarm is at least as useful as the best simple rule, in words. */
        @com.fasterxml.jackson.annotation.JsonProperty("verdict")
        public String verdict() {
            double d = selectedMinusBestSimpleValue();
            if (d >= 0) {
                return "at least as useful as the best simple rule";
            }
            return selectedMinusBestSimple.high() >= 0 ? "below the best simple rule, within noise"
                    : "below the best simple rule beyond noise";
        }
    }

    /**
     * One alarm's pooled figures on the held-out markets: relative usefulness at the table's preference with its 95%
     * block-bootstrap interval, the share of scored days alarmed, the daily Hanssen-Kuipers skill, the onsets warned
     * 5-60 days ahead, false episodes a year. {@code candidate}: offered to the selection (else measured beside it).
     */
    public record FamilyAlarm(String family, boolean candidate, double usefulness, Interval usefulnessInterval,
                              double alarmShare, double skill, int warned, int onsets, double falseEpisodesPerYear) {
    }

    /**
     * The selected network minus another network of the same folds, pooled and paired on the same test windows: a
     * systemic recipe against the networks that read the market's own closes only.
     *
     * @param other the other network's score name, as in the folds' scores
     * @param about what the other network reads, in words
     */
    public record Versus(String other, String about, Difference rocAuc, Difference prAuc) {
    }

    /**
     * A systemic study's choice between the recipes its folds trained side by side (the systemic network and the
     * networks on the market's own closes), made walk-forward: each test period's recipe is the one with the best
     * pooled PR-AUC on the earlier periods' windows whose labels were known when the period began (the first period,
     * with nothing earlier, gets the default's own kind: the anchored network on the market's closes).
     * {@code pick}: that choice's figures over every period, beside volatility and each recipe; {@code served}: the
     * rule on every period, what is served as the default.
     */
    public record RecipeChoice(String rule, List<PeriodPick> periods, String served, Map<String, Double> servedCriterion,
                               Difference rocVsVolatility, Difference prVsVolatility, List<Versus> pickMinus) {
    }

    /** One test period's recipe, and each recipe's PR-AUC on the windows ({@code windows}) it was chosen on. */
    public record PeriodPick(String period, String chosen, int windows, Map<String, Double> criterion) {
    }

    /** Paired differences of the model against each reference. */
    public record Comparisons(Difference rocVsVolatility, Difference prVsVolatility,
                              Difference rocVsLogistic, Difference prVsLogistic) {
    }

    /**
     * Every fold and the pooled figures over the whole-history folds. Pooled ROC-AUC and PR-AUC join scores of
     * differently calibrated folds; beside them the stratified figures that do not: ROC-AUC over pairs within one
     * market, PR-AUC per fold weighted by its events.
     */
    @JsonIgnoreProperties(value = {"headlineVerdict", "calmInWords", "probabilityVerdict"}, allowGetters = true)
    public record Result(int schema, Design design, String mode, List<FoldResult> folds, List<ScoreResult> pooled, List<Stratified> stratified,
                         Comparisons pooledComparisons, Comparisons pooledAnchoredComparisons,
                         List<EventTable> pooledEvents, int pooledWindows, int pooledPositives,
                         CalmFigures pooledCalm, List<Candidate> candidates, Selection served,
                         int configurations, double seconds,
                         @JsonInclude(JsonInclude.Include.NON_NULL) PaperComparison paperComparison,
                         List<ProbabilityEvidence.Probabilities> probabilities,
                         List<FittedReference> fittedReferences,
                         @JsonInclude(JsonInclude.Include.NON_NULL)
                         List<io.sysrisk.research.evaluation.ErrorDiagram> errorDiagrams,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<PreferenceAlarms> preferenceAlarms,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<ProbabilityChoice> probabilityChoices,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<Versus> versus,
                         @JsonInclude(JsonInclude.Include.NON_NULL) ProbabilityEvidence.OwnPast ownPast,
                         @JsonInclude(JsonInclude.Include.NON_NULL) RecipeChoice recipeChoice) {

        /** The pooled proper scores of the score called {@code name}, or null when it has none. */
        public ProbabilityEvidence.Probabilities probabilities(String name) {
            return probabilities == null ? null : probabilities.stream().filter(p -> p.name().equals(name))
                    .findFirst().orElse(null);
        }

        /**
         * Whether the selected network's numbers are probabilities on the markets held out (the whole-history
         * folds'), in words; the report, GET /model and the page say the same.
         */
        @com.fasterxml.jackson.annotation.JsonProperty("probabilityVerdict")
        public ProbabilityEvidence.Verdict probabilityVerdict() {
            ProbabilityEvidence.Probabilities pooledModel = probabilities(MODEL);
            if (pooledModel == null) {
                return null;
            }
            Map<String, ProbabilityEvidence.Probabilities> byMarket = new java.util.LinkedHashMap<>();
            for (FoldResult f : pooledFolds()) {
                byMarket.put(f.fold(), f.probabilities(MODEL));
            }
            return ProbabilityEvidence.Verdict.of(pooledModel, byMarket);
        }

        /** The folds pooled: the first {@link #pooledWindows} windows' worth (the classic crisis fold is not). */
        @JsonIgnore
        public List<FoldResult> pooledFolds() {
            List<FoldResult> out = new java.util.ArrayList<>();
            int n = 0;
            for (FoldResult f : folds) {
                if (n >= pooledWindows) {
                    break;
                }
                out.add(f);
                n += f.windows();
            }
            return out;
        }

        /** The served alarm's pooled per-day skill against each uninformative alarm's (preference 1/2). */
        @com.fasterxml.jackson.annotation.JsonProperty("headlineVerdict")
        public Verdict headlineVerdict() {
            EventTable t = pooledEvents.get(Evidence.served());
            EventRow model = t.rows().get(0);
            java.util.function.ToDoubleFunction<String> skill = name -> t.rows().stream()
                    .filter(x -> x.name().equals(name)).findFirst().orElseThrow().events().skill();
            return new Verdict(model.events().skill(), model.intervals().skill(), skill.applyAsDouble(ALWAYS_ON),
                    skill.applyAsDouble(EVENLY_SPACED), skill.applyAsDouble(CALENDAR), t.shifts().skill()[2]);
        }

        /**
         * What the calm stratum says, in words (the report, GET /model and the page say the same): whether the
         * model ranks the days before calm onsets above chance (its stratified ROC-AUC interval above 0.5) and
         * whether its alarm warns more of them than its circular shifts' 95th percentile.
         */
        @com.fasterxml.jackson.annotation.JsonProperty("calmInWords")
        public String calmInWords() {
            CalmRanking model = pooledCalm.ranking().get(0);
            EventTable t = pooledEvents.get(Evidence.served());
            EventRow alarm = t.rows().get(0);
            boolean ranks = model.rocAucInterval().low() > 0.5;
            boolean warns = alarm.calmWarnedShare() > t.shifts().calmWarnedShare()[2];
            boolean any = pooledCalm.ranking().stream().anyMatch(k -> k.rocAucInterval().low() > 0.5);
            if (!ranks && !warns) {
                return String.format(Locale.ROOT, "It does not warn of falls that start in calm markets: out of "
                                + "calm, the model ranks the days before a fall at ROC-AUC %.3f [%.2f, %.2f] (0.5 is "
                                + "chance) and its alarm warned %s of such onsets, no more than the same alarm shifted "
                                + "in time (95th percentile %s)%s.", model.rocAuc(), model.rocAucInterval().low(),
                        model.rocAucInterval().high(), pct(alarm.calmWarnedShare()),
                        pct(t.shifts().calmWarnedShare()[2]),
                        any ? "" : "; no score in the study beats chance there");
            }
            return String.format(Locale.ROOT, "Out of calm, the model ranks the days before a fall at ROC-AUC %.3f "
                            + "[%.2f, %.2f]%s, and its alarm warned %s of such onsets against %s for the same alarm "
                            + "shifted in time (95th percentile)%s.", model.rocAuc(), model.rocAucInterval().low(),
                    model.rocAucInterval().high(), ranks ? ", above chance" : " (not above chance)",
                    pct(alarm.calmWarnedShare()), pct(t.shifts().calmWarnedShare()[2]),
                    warns ? ", more than timing by luck" : "");
        }
    }

    /**
     * The served alarm's pooled per-day Hanssen-Kuipers skill (with its interval) beside the skill of each
     * uninformative alarm: always on, evenly spaced runs, calendar, and the circular shifts' 95th percentile.
     */
    public record Verdict(double skill, Interval skillInterval, double alwaysOn, double evenlySpaced,
                          double calendar, double shift95) {
        /** No uninformative alarm reaches the model's skill. */
        public boolean beatsNulls() {
            return skill > alwaysOn && skill > evenlySpaced && skill > calendar && skill > shift95;
        }
    }

    public record Stratified(String name, double rocAuc, double prAuc) {
    }

    /**
     * A reference fitted by maximum likelihood on each fold's training and validation windows (no class weights, no
     * early stopping: {@link #ML_LOGISTIC}, {@link #LOG_VOLATILITY}), pooled over the whole-history folds and paired:
     * the selected network minus it, and it minus volatility. Its per-window values and proper scores are among
     * the folds' scores; it is in no event table or calm stratum.
     */
    /**
     * Which fitted reference a fold serves as its probability, chosen without the held-out market: each reference's
     * Brier skill against the inner training rate, pooled over an inner leave-one-market-out of the fold's training
     * markets ({@code innerMarkets}; each inner market's period out of the others' fit too); the best is
     * {@code chosen}.
     */
    public record ProbabilityChoice(String fold, String chosen, Map<String, Double> innerBrierSkill,
                                    List<String> innerMarkets) {
    }

    public record FittedReference(String name, String inputs, Difference rocSelectedMinus,
                                  Difference prSelectedMinus, Difference rocMinusVolatility,
                                  Difference prMinusVolatility) {
    }

    /**
     * The paper's comparison (arXiv 2502.06847), pooled over the whole-history folds: the paper's network
     * ({@link #PAPER_NETWORK}, over {@code window}-day windows) minus volatility, and each other row.
     */
    public record PaperComparison(String network, int window, Difference rocVsVolatility,
                                  Difference prVsVolatility, List<PaperRow> rows) {
        public PaperComparison {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One row of the paper's comparison, pooled over the whole-history folds: another network of the paper's table
     * (or its network without attention, or with another window) trained on the same folds with the same seeds,
     * scored on the same days, set beside {@link #PAPER_NETWORK} and volatility by paired differences
     * (this row minus the other).
     *
     * @param claim what the paper claims of it, in words
     */
    public record PaperRow(String name, String architecture, int window, String claim, Difference rocVsPaper,
                           Difference prVsPaper, Difference rocVsVolatility, Difference prVsVolatility) {

        /** How the evidence here bears on the paper's claim that its network ranks above this row. */
        @JsonIgnore
        public String inWords() {
            boolean below = rocVsPaper.interval().high() < 0 && prVsPaper.interval().high() < 0;
            boolean belowOne = rocVsPaper.interval().high() < 0 || prVsPaper.interval().high() < 0;
            boolean above = rocVsPaper.interval().low() > 0 || prVsPaper.interval().low() > 0;
            if (below) {
                return "holds: the paper's network ranks above it in ROC-AUC and PR-AUC";
            }
            if (above) {
                return "reversed: it ranks above the paper's network";
            }
            return belowOne ? "holds in part: the paper's network ranks above it in "
                    + (rocVsPaper.interval().high() < 0 ? "ROC-AUC" : "PR-AUC") + " only"
                    : "not shown: no difference either way beyond resampling noise";
        }
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }
}
