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

    /** The planted input's noise (d' = 1 / noise between days before an onset and the others). */
    public static final double NOISE = 1.0;
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

    public record Result(String mode, double noise, Arm planted, Arm shuffled, double seconds) {
    }

    private PositiveControl() {
    }

    public static Result run(LeaveOneMarketOut.Settings settings, PooledConfig base, ModelConfig member,
                             TrainConfig train, List<Market> markets, Consumer<String> log) {
        long start = System.nanoTime();
        Arm planted = arm(new PlantedInput(NOISE, false, SEED), settings, base, member, train, markets, log);
        Arm shuffled = arm(new PlantedInput(NOISE, true, SEED), settings, base, member, train, markets, log);
        return new Result(settings.mode(), NOISE, planted, shuffled, (System.nanoTime() - start) / 1e9);
    }

    private static Arm arm(PlantedInput input, LeaveOneMarketOut.Settings settings, PooledConfig base,
                           ModelConfig member, TrainConfig train, List<Market> markets, Consumer<String> log) {
        Recipe with = Recipe.ANCHORED.withPlanted(input);
        log.accept("[positive control] " + input.name() + ": the nested selection compares " + Recipe.ANCHORED.name()
                + " and " + with.name());
        Evidence.Result r = new LeaveOneMarketOut(settings.withCandidates(List.of(Recipe.ANCHORED, with)),
                line -> log.accept("  " + line)).run(base, member, train, markets);
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
