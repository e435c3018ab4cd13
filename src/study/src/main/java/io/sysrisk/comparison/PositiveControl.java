package io.sysrisk.comparison;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import io.sysrisk.data.Market;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.research.evaluation.Indicators;
import io.sysrisk.research.evidence.Difference;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.experiment.PlantedInput;
import io.sysrisk.research.labels.Labeler;
import io.sysrisk.training.Recipe;

/**
 * Can the machinery find information when there is some? The leave-one-market-out study run twice on the embedded
 * markets with one more input, a {@link PlantedInput} (the coming label plus noise: information beyond volatility
 * by construction), and the same input shuffled in time (no information). Each run's nested selection compares the
 * anchored network with and without the input. The planted run must: choose the input in every selection, leave
 * the reference (members restored at an epoch after 0) and beat volatility out of sample with a paired interval
 * above 0. The shuffled run must do none of the choosing or the beating. The input's own ranking is stated beside
 * it, so the reader knows how much there was to find.
 */
public final class PositiveControl {

    /** The planted input's noise (d' = 1 / noise between days before an onset and the others) in CI's one strength. */
    public static final double NOISE = 1.0;
    /**
     * The graded strengths the full report plants: noise 0.75 to 1.75, whose inputs alone gain from about +0.3 to
     * about +0.01 PR-AUC over volatility on a single day (the report states each), so the smallest gain the study
     * detects can be read off, not only whether a huge one is found. (A first grid of 0.5, 1, 2 and 4 gained +0.51,
     * +0.16, +0.006 and -0.04 on the control's test days: the fall from a found gain to none lies between 1 and 2.)
     */
    public static final List<Double> STRENGTHS = List.of(0.75, 1.0, 1.25, 1.5, 1.75);
    public static final long SEED = 7;

    /** The input alone on the pooled test windows against volatility: stratified figures and paired PR-AUC. */
    public record InputAlone(double rocAuc, double prAuc, double volatilityRocAuc, double volatilityPrAuc,
                             Difference prVsVolatility) {
    }

    /**
     * One run: the recipe with the input, what each selection chose, the restored epoch of each member of every
     * ensemble trained with the input (inner folds of every selection, then the outer folds that chose it), the selected network minus volatility (pooled, paired PR-AUC, and stratified
     * figures), and the input's own figures.
     */
    public record Arm(String input, String recipe, List<String> foldChoices, String servedChoice,
                      List<List<Integer>> bestEpochs, Difference prVsVolatility,
                      double selectedStratifiedPrAuc, double volatilityStratifiedPrAuc, InputAlone alone) {

        /** Every selection, the folds' and the served one, chose the recipe with the input. */
        public boolean chosenEverywhere() {
            return servedChoice.equals(recipe) && foldChoices.stream().allMatch(recipe::equals);
        }

        /** No selection chose the recipe with the input. */
        public boolean chosenNowhere() {
            return !servedChoice.equals(recipe) && foldChoices.stream().noneMatch(recipe::equals);
        }

        /** Every member trained with the input, wherever, was restored at an epoch after the reference. */
        public boolean leftTheReference() {
            return !bestEpochs.isEmpty() && bestEpochs.stream().allMatch(f -> !f.isEmpty() && f.stream().allMatch(e -> e > 0));
        }

        /** Whether the evidence finds it: chosen everywhere, the reference left, the interval above 0. */
        public boolean found() {
            return chosenEverywhere() && leftTheReference() && prVsVolatility.interval().above(0);
        }
    }

    /** One planted strength: the input with that noise, and its shuffled copy. */
    public record Grade(double noise, Arm planted, Arm shuffled) {
    }

    /**
     * What the graded strengths say of the study's power. A strength is <b>detected</b> when its held-out paired
     * PR-AUC difference against volatility has an interval above 0 and its shuffled copy's does not; <b>found</b>
     * ({@link Arm#found}) asks more: every selection chose it and every member left the reference. Gains are the
     * input alone's single-day gain over volatility (pooled PR-AUC); NaN where no strength qualifies.
     */
    public record DetectionLimit(double smallestDetected, double detectedNoise, double largestMissed,
                                 double missedNoise, double smallestFound, double foundNoise, String inWords) {
    }

    /** Every strength the control planted, weakest signal last as run; {@code settings} names the study's settings. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = {"detectionLimit"}, allowGetters = true)
    public record Result(String mode, String settings, List<Grade> grades, double seconds) {
        public Result {
            grades = List.copyOf(grades);
        }

        /** The planted input at {@link #NOISE} (CI's strength, and the report's headline). */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public Arm planted() {
            return headline().planted();
        }

        /** Its shuffled copy. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public Arm shuffled() {
            return headline().shuffled();
        }

        private Grade headline() {
            return grades.stream().filter(g -> g.noise() == NOISE).findFirst().orElse(grades.get(0));
        }

        /** What the graded strengths say of the study's power, in figures and words. */
        @com.fasterxml.jackson.annotation.JsonProperty("detectionLimit")
        public DetectionLimit detectionLimit() {
            Grade detected = null;
            Grade missed = null;
            Grade found = null;
            for (Grade g : grades) {
                double gain = gain(g);
                if (detected(g)) {
                    detected = detected == null || gain < gain(detected) ? g : detected;
                } else {
                    missed = missed == null || gain > gain(missed) ? g : missed;
                }
                if (g.planted().found()) {
                    found = found == null || gain < gain(found) ? g : found;
                }
            }
            String words;
            if (detected == null) {
                words = "The study detected none of the planted inputs (no held-out interval above 0): it cannot "
                        + "show a gain of any size tried here.";
            } else if (missed == null) {
                words = String.format(java.util.Locale.ROOT, "The study detected every planted input tried (a "
                        + "held-out interval above volatility, its shuffled copy's not), down to a single-day gain of "
                        + "%+.3f PR-AUC (noise %.2f): its detection limit is at or below that, the weakest tried.",
                        gain(detected), detected.noise());
            } else if (gain(missed) > gain(detected)) {
                words = String.format(java.util.Locale.ROOT, "The study detected a planted input whose single-day "
                        + "gain over volatility is %+.3f PR-AUC (noise %.2f) but missed a stronger one of %+.3f "
                        + "(noise %.2f): detection is not monotone in strength here, so no one limit can be read "
                        + "off.", gain(detected), detected.noise(), gain(missed), missed.noise());
            } else {
                words = String.format(java.util.Locale.ROOT, "The study detected a planted input whose single-day "
                        + "gain over volatility is %+.3f PR-AUC (noise %.2f) and not one of %+.3f (noise %.2f): its "
                        + "detection limit lies between the two.", gain(detected), detected.noise(), gain(missed),
                        missed.noise());
            }
            if (found != null) {
                words += String.format(java.util.Locale.ROOT, " Every selection chose the input, and every member "
                        + "left the reference, down to %+.3f (noise %.2f)%s.", gain(found), found.noise(),
                        found == detected ? "" : "; weaker inputs were chosen by some selections only");
            }
            return new DetectionLimit(detected == null ? Double.NaN : gain(detected),
                    detected == null ? Double.NaN : detected.noise(), missed == null ? Double.NaN : gain(missed),
                    missed == null ? Double.NaN : missed.noise(), found == null ? Double.NaN : gain(found),
                    found == null ? Double.NaN : found.noise(), words);
        }

        /** The planted input's own single-day gain over volatility. */
        private static double gain(Grade g) {
            return g.planted().alone().prVsVolatility().estimate();
        }

        /** Held out, above volatility with an interval above 0, and its shuffled copy not. */
        private static boolean detected(Grade g) {
            return g.planted().prVsVolatility().interval().above(0) && !g.shuffled().prVsVolatility().interval()
                    .above(0);
        }
    }

    private PositiveControl() {
    }

    /** CI's control: one strength, {@link #NOISE}, and its shuffled copy. */
    public static Result run(LeaveOneMarketOut.Settings settings, PooledConfig base, ModelConfig member,
                             TrainConfig train, List<Market> markets, Consumer<String> log) {
        return run(settings, List.of(NOISE), base, member, train, markets, log);
    }

    /** The control at each of {@code strengths} (noise levels), each with its shuffled copy. */
    public static Result run(LeaveOneMarketOut.Settings settings, List<Double> strengths, PooledConfig base,
                             ModelConfig member, TrainConfig train, List<Market> markets, Consumer<String> log) {
        return run(settings, strengths, base, member, train, markets, log, StudyEngine.SEQUENTIAL);
    }

    /** As above, each arm's study units run by {@code engine} (the arms one after another). */
    public static Result run(LeaveOneMarketOut.Settings settings, List<Double> strengths, PooledConfig base,
                             ModelConfig member, TrainConfig train, List<Market> markets, Consumer<String> log,
                             StudyEngine engine) {
        long start = System.nanoTime();
        List<Grade> grades = new ArrayList<>();
        for (double noise : strengths) {
            log.accept(String.format(java.util.Locale.ROOT, "[positive control] noise %.2f (%d of %d strengths), "
                    + "%.1f min elapsed", noise, grades.size() + 1, strengths.size(),
                    (System.nanoTime() - start) / 60e9));
            Arm planted = arm(new PlantedInput(noise, false, SEED), settings, base, member, train, markets, log,
                    engine);
            Arm shuffled = arm(new PlantedInput(noise, true, SEED), settings, base, member, train, markets, log,
                    engine);
            grades.add(new Grade(noise, planted, shuffled));
        }
        return new Result(settings.mode(), describe(settings), grades, (System.nanoTime() - start) / 1e9);
    }

    /** The control study's settings in words, as its report states them. */
    public static String describe(LeaveOneMarketOut.Settings s) {
        return String.format(java.util.Locale.ROOT, "%s held out, %d inner folds, %d seeds, at most %d epochs, "
                        + "patience %d", s.markets() == null ? "every market" : String.join(" and ", s.markets()),
                s.maxInnerFolds(), s.seeds().size(), s.maxEpochs(), s.patience());
    }

    private static Arm arm(PlantedInput input, LeaveOneMarketOut.Settings settings, PooledConfig base,
                           ModelConfig member, TrainConfig train, List<Market> markets, Consumer<String> log,
                           StudyEngine engine) {
        Recipe with = Recipe.ANCHORED.withPlanted(input);
        log.accept("[positive control] " + input.name() + ": the nested selection compares " + Recipe.ANCHORED.name()
                + " and " + with.name());
        Evidence.Result r = new LeaveOneMarketOut(settings.withCandidates(List.of(Recipe.ANCHORED, with)),
                line -> log.accept("  " + line)).run(base, member, train, markets, engine);
        List<String> choices = r.folds().stream().map(f -> f.selection().chosen()).toList();
        // Every ensemble trained with the input: in each selection's inner folds and, where chosen, in the fold.
        List<List<Integer>> epochs = new ArrayList<>();
        List<Evidence.Selection> selections = new ArrayList<>(r.folds().stream()
                .map(Evidence.FoldResult::selection).toList());
        selections.add(r.served());
        selections.forEach(sel -> sel.perFoldEpochs().forEach(inner -> epochs.add(inner.get(with.name()))));
        r.folds().stream().filter(f -> f.bestEpochs().containsKey(with.name()))
                .forEach(f -> epochs.add(f.bestEpochs().get(with.name())));
        Arm arm = new Arm(input.name(), with.name(), choices, r.served().chosen(), epochs,
                r.pooledComparisons().prVsVolatility(), r.stratified().get(0).prAuc(), r.stratified().get(1).prAuc(),
                alone(input, r, base, markets, settings.samples()));
        log.accept(String.format(java.util.Locale.ROOT, "[positive control] %s: chosen in folds %s, served %s; "
                        + "restored epochs %s; selected minus volatility, pooled PR-AUC %+.3f [%.3f, %.3f]; the input "
                        + "alone: stratified PR-AUC %.3f vs volatility %.3f", input.name(), choices, r.served().chosen(),
                epochs, arm.prVsVolatility().estimate(), arm.prVsVolatility().interval().low(),
                arm.prVsVolatility().interval().high(), arm.alone().prAuc(), arm.alone().volatilityPrAuc()));
        return arm;
    }

    /** The input's own values on each fold's test windows, ranked against volatility. */
    private static InputAlone alone(PlantedInput input, Evidence.Result r, PooledConfig base,
                                    List<Market> markets, int samples) {
        List<double[]> in = new ArrayList<>();
        List<double[]> vol = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        for (Evidence.FoldResult f : r.folds()) {
            Market m = markets.stream().filter(x -> x.name().equals(f.market())).findFirst().orElseThrow();
            double[] column = input.column(m, Labeler.label(m.data(), base.label()));
            in.add(Indicators.slice(column, f.rows()));
            vol.add(f.volatility());
            ys.add(f.labels());
        }
        double[] a = CalmStratum.stratified(in, ys);
        double[] v = CalmStratum.stratified(vol, ys);
        int[] segments = ys.stream().mapToInt(y -> y.length).toArray();
        double[] inAll = in.stream().flatMapToDouble(Arrays::stream).toArray();
        double[] volAll = vol.stream().flatMapToDouble(Arrays::stream).toArray();
        int[] yAll = ys.stream().flatMapToInt(Arrays::stream).toArray();
        return new InputAlone(a[0], a[1], v[0], v[1], BlockBootstrap.difference(inAll, volAll, yAll, segments,
                Metrics::averagePrecision, LeaveOneMarketOut.BLOCK, samples, Resampling.PAIRED_DIFFERENCES));
    }
}
