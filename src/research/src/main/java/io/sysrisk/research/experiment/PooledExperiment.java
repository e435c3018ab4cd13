package io.sysrisk.research.experiment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.sysrisk.data.Market;
import io.sysrisk.experiment.DecisionFloor;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.features.FeatureMatrix;
import io.sysrisk.features.FeaturePipeline;
import io.sysrisk.features.FeatureSet;
import io.sysrisk.features.SystemicInput;
import io.sysrisk.features.SystemicState;
import io.sysrisk.research.data.SystemicPanel;
import io.sysrisk.research.labels.Labeler;
import io.sysrisk.windows.NormalizationStats;
import io.sysrisk.windows.WindowSet;

/**
 * The pooled experiment made ready. For every market: features, labels, and which of its windows are training,
 * validation or test. Rules, each tested:
 * <ul>
 *   <li>a window ending on day t has a label (not unknown, not masked) and a full feature look-back;</li>
 *   <li>with a held-out period, no training or validation window of any market reads a day of it: the days from
 *       the window's first feature look-back day to t + label look-ahead must lie outside the period (with systemic
 *       inputs, the look-back grows by the state's, {@link SystemicState#LOOKBACK_DAYS}: the state reads every
 *       market);</li>
 *   <li>validation is the latest {@code validationShare} of each market's remaining windows, and training windows
 *       end at least the label look-ahead before a market's first validation window (embargo);</li>
 *   <li>normalization is fitted on the feature rows that training windows contain, pooled over markets;</li>
 *   <li>test windows are the held-out market's labelled windows inside the held-out period.</li>
 * </ul>
 */
public record PooledExperiment(PooledConfig config, FeatureSet features, List<MarketPart> markets,
                               NormalizationStats normalization, WindowSet train, WindowSet validation,
                               WindowSet calibration) {

    /**
     * One market's data and its windows in each part (rows index its feature matrix). The held-out part after the
     * training part (its latest {@code validationShare}) is split in two, in time: {@code validationRows} (the
     * earlier half) for early stopping, {@code calibrationRows} (the later half) for the Platt calibration and the
     * alarm threshold, so that no one small set is used for all three.
     */
    public record MarketPart(Market market, FeatureMatrix matrix, int[] labels, int[] trainRows,
                             int[] validationRows, int[] calibrationRows, int[] testRows, WindowSet test) {
        public String name() {
            return market.name();
        }
    }

    public static PooledExperiment prepare(PooledConfig config, List<Market> markets) {
        return prepare(config, markets, List.of());
    }

    /**
     * As {@link #prepare(PooledConfig, List)}, with periods that no window of any part may touch (its feature
     * look-back, its days or its label's look-ahead): an inner fold of a nested selection excludes the outer test
     * period, so that no inner choice reads a day of it.
     */
    public static PooledExperiment prepare(PooledConfig config, List<Market> markets,
                                           List<PooledConfig.HeldOut> excluded) {
        return prepare(config, markets, excluded, java.util.Set.of());
    }

    /**
     * As {@link #prepare(PooledConfig, List, List)}, with extra series that only train: every window of a market
     * named in {@code trainingOnly} that the rules allow is a training window (none is validation, calibration or
     * test), so early stopping, calibration, the alarm threshold and every test figure stay on the main markets.
     */
    public static PooledExperiment prepare(PooledConfig config, List<Market> markets,
                                           List<PooledConfig.HeldOut> excluded, java.util.Set<String> trainingOnly) {
        return prepare(config, markets, excluded, trainingOnly, null);
    }

    /**
     * As {@link #prepare(PooledConfig, List, List, java.util.Set)}, with the positive control's planted input as one
     * more channel after the features ({@code planted} null: none). Parts, windows and embargo are the same; the
     * normalization is fitted on the planted channel too.
     */
    public static PooledExperiment prepare(PooledConfig config, List<Market> markets,
                                           List<PooledConfig.HeldOut> excluded, java.util.Set<String> trainingOnly,
                                           PlantedInput planted) {
        PooledExperiment exp = prepareUnchecked(config, markets, excluded, trainingOnly, planted);
        if (exp.train.positives() == 0 || exp.validation.positives() == 0 || exp.calibration.positives() == 0) {
            throw new IllegalArgumentException("the pooled training part has " + exp.train.positives() + ", the "
                    + "validation part " + exp.validation.positives() + " and the calibration part "
                    + exp.calibration.positives() + " event windows; each needs some");
        }
        return exp;
    }

    /**
     * As {@link #prepare(PooledConfig, List, List, java.util.Set, PlantedInput)} without its check that every part
     * holds an event: for a caller that checks each part against a stricter floor and says so in its own words (the
     * training job's {@code DecisionFloor}).
     */
    public static PooledExperiment prepareUnchecked(PooledConfig config, List<Market> markets,
                                                    List<PooledConfig.HeldOut> excluded,
                                                    java.util.Set<String> trainingOnly, PlantedInput planted) {
        FeatureSet set = FeatureSet.ofIds(config.featureIds());
        int w = config.window();
        int ahead = config.lookahead();
        PooledConfig.HeldOut held = config.heldOut();
        if (held != null && markets.stream().noneMatch(m -> m.name().equals(held.market()))) {
            throw new IllegalArgumentException("held-out market '" + held.market() + "' is not among "
                    + markets.stream().map(Market::name).toList());
        }
        if (held != null && trainingOnly.contains(held.market())) {
            throw new IllegalArgumentException("held-out market '" + held.market() + "' is a training-only series");
        }
        List<FeatureMatrix> matrices = new ArrayList<>();
        List<int[]> labels = new ArrayList<>();
        List<int[]> onsets = new ArrayList<>();
        List<int[][]> parts = new ArrayList<>();
        List<SystemicInput> systemic = config.systemicInputs().stream().map(SystemicInput::fromId).toList();
        SystemicState state = systemic.isEmpty() ? null : SystemicPanel.state();
        for (Market m : markets) {
            set.checkSupports(m.data());
            FeatureMatrix computed = FeaturePipeline.compute(m.data(), set);
            // The days before a window's first day its inputs read: the features' look-back, and the systemic
            // state's (it reads every market's returns over the year before).
            int lookback = computed.firstValid() + (state == null ? 0 : SystemicState.LOOKBACK_DAYS);
            if (state != null) {
                computed = state.addTo(computed, m.name(), SystemicPanel.sessionOf(m.name()), systemic);
            }
            int[] first = config.horizons() == null ? null : new int[m.data().size()];
            int[] y = first == null ? Labeler.label(m.data(), config.label()) : termStructure(m, config, first);
            FeatureMatrix matrix = planted == null ? computed
                    : computed.withExtraColumn(planted.name(), planted.column(m, y));
            List<LocalDate> dates = m.data().dates();
            int n = dates.size();
            int firstEnd = matrix.firstValid() + w - 1;
            List<Integer> candidates = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int t = firstEnd; t < n; t++) {
                if (y[t] < 0) {
                    continue; // unknown (the last days) or masked (inside an event)
                }
                int from = t - w + 1 - lookback;
                boolean touchesExcluded = false;
                for (PooledConfig.HeldOut e : excluded) {
                    touchesExcluded |= touches(dates, from, t + ahead, e);
                }
                if (touchesExcluded) {
                    continue;
                }
                if (held != null && held.market().equals(m.name()) && inside(dates.get(t), held)) {
                    test.add(t);
                } else if (held == null || !touches(dates, from, t + ahead, held)) {
                    candidates.add(t);
                }
            }
            int validationCount = trainingOnly.contains(m.name()) ? 0
                    : (int) Math.round(config.validationShare() * candidates.size());
            int[] validation = candidates.subList(candidates.size() - validationCount, candidates.size()).stream()
                    .mapToInt(Integer::intValue).toArray();
            int firstValidation = validation.length == 0 ? Integer.MAX_VALUE : validation[0];
            int[] train = candidates.subList(0, candidates.size() - validationCount).stream()
                    .mapToInt(Integer::intValue).filter(t -> t + ahead < firstValidation).toArray();
            matrices.add(matrix);
            labels.add(y);
            onsets.add(first);
            int half = validation.length / 2;
            parts.add(new int[][] {train, java.util.Arrays.copyOfRange(validation, 0, half),
                    test.stream().mapToInt(Integer::intValue).toArray(),
                    java.util.Arrays.copyOfRange(validation, half, validation.length)});
        }
        NormalizationStats stats = fit(matrices, parts, w, config.clip());
        List<MarketPart> out = new ArrayList<>();
        List<WindowSet> trainSets = new ArrayList<>();
        List<WindowSet> validationSets = new ArrayList<>();
        List<WindowSet> calibrationSets = new ArrayList<>();
        for (int i = 0; i < markets.size(); i++) {
            int[][] p = parts.get(i);
            int[] strided = IntStream.range(0, p[0].length).filter(k -> k % config.trainStride() == 0)
                    .map(k -> p[0][k]).toArray();
            int[] first = onsets.get(i);
            trainSets.add(WindowSet.of(matrices.get(i), labels.get(i), first, strided, w, stats));
            validationSets.add(WindowSet.of(matrices.get(i), labels.get(i), first, p[1], w, stats));
            calibrationSets.add(WindowSet.of(matrices.get(i), labels.get(i), first, p[3], w, stats));
            WindowSet test = WindowSet.of(matrices.get(i), labels.get(i), first, p[2], w, stats);
            out.add(new MarketPart(markets.get(i), matrices.get(i), labels.get(i), p[0], p[1], p[3], p[2], test));
        }
        WindowSet train = WindowSet.concat(trainSets);
        WindowSet validation = WindowSet.concat(validationSets);
        WindowSet calibration = WindowSet.concat(calibrationSets);
        return new PooledExperiment(config, set, List.copyOf(out), stats, train, validation, calibration);
    }

    /**
     * A term structure's labels for one market: returns the served horizon's label per day and fills
     * {@code first} with the interval of the first onset (-1 where the day is no example). A day is an example
     * only when its label is known at every horizon, so every part's windows carry the whole structure; masked
     * days stay masked, days whose longest horizon is not yet known are unknown.
     */
    private static int[] termStructure(Market m, PooledConfig config, int[] first) {
        io.sysrisk.research.labels.OnsetTermStructure ts = io.sysrisk.research.labels.OnsetTermStructure.of(m.data(),
                (io.sysrisk.labels.LabelDefinition.Onset) config.label(), config.horizons());
        int served = config.servedHorizonIndex();
        int[] y = new int[first.length];
        for (int t = 0; t < y.length; t++) {
            int[] at = ts.at(t);
            if (at == null) {
                boolean masked = false;
                for (int[] row : ts.labels()) {
                    masked |= row[t] == Labeler.MASKED;
                }
                y[t] = masked ? Labeler.MASKED : Labeler.UNKNOWN;
                first[t] = -1;
            } else {
                y[t] = at[served];
                first[t] = io.sysrisk.inference.HazardCurve.firstInterval(at);
            }
        }
        return y;
    }

    /** The held-out market's part (null when nothing is held out). */
    public MarketPart heldOut() {
        return config.heldOut() == null ? null
                : markets.stream().filter(m -> m.name().equals(config.heldOut().market())).findFirst().orElseThrow();
    }

    private static boolean inside(LocalDate d, PooledConfig.HeldOut h) {
        return !d.isBefore(h.from()) && !d.isAfter(h.to());
    }

    /** Whether rows from..to (clamped to the series) reach into the held-out period. */
    private static boolean touches(List<LocalDate> dates, int from, int to, PooledConfig.HeldOut h) {
        LocalDate first = dates.get(Math.max(0, from));
        LocalDate last = dates.get(Math.min(dates.size() - 1, to));
        return !last.isBefore(h.from()) && !first.isAfter(h.to());
    }

    /** Mean and standard deviation over every feature row that some training window contains, pooled. */
    private static NormalizationStats fit(List<FeatureMatrix> matrices, List<int[][]> parts, int w, double clip) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < matrices.size(); i++) {
            boolean[] used = new boolean[matrices.get(i).size()];
            for (int t : parts.get(i)[0]) {
                for (int k = t - w + 1; k <= t; k++) {
                    used[k] = true;
                }
            }
            for (int t = 0; t < used.length; t++) {
                if (used[t]) {
                    rows.add(matrices.get(i).values()[t]);
                }
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no training windows: nothing to fit the normalization on");
        }
        return NormalizationStats.fit(matrices.get(0).columnIds(), rows.toArray(new double[0][]), 0, rows.size() - 1,
                clip);
    }

    /** Per market: windows and events in each part, one line each. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("experiment %s: %d markets, pooled%s%n", config.name(), markets.size(),
                config.heldOut() == null ? "" : ", held out: " + config.heldOut().market() + " "
                        + config.heldOut().from() + ".." + config.heldOut().to() + " (and that period in every market)"));
        sb.append(String.format("  features (%d): %s%n", features.size(), String.join(", ", features.ids())));
        sb.append("  label: ").append(config.label().describe()).append('\n');
        if (config.horizons() != null) {
            sb.append("  term structure: an onset within ").append(config.horizons()).append(" trading days, one "
                    + "mask; the counts below are the ").append(config.label().horizon()).append("-day label's\n");
        }
        sb.append(String.format("  window %d days, label look-ahead and embargo %d days, training stride %d, "
                + "held-out part = latest %.0f%% of each market (earlier half: validation, for early stopping; "
                + "later half: calibration, for Platt and the alarm threshold)%n", config.window(), config.lookahead(),
                config.trainStride(), 100 * config.validationShare()));
        sb.append(String.format("  %-11s %-23s %-16s %-16s %-16s %-16s%n", "market", "days", "train (events)",
                "validation", "calibration", "test"));
        for (MarketPart m : markets) {
            sb.append(String.format("  %-11s %s..%s  %-16s %-16s %-16s %-16s%n", m.name(), m.market().first(),
                    m.market().last(), count(m.trainRows(), m.labels()), count(m.validationRows(), m.labels()),
                    count(m.calibrationRows(), m.labels()), count(m.testRows(), m.labels())));
        }
        sb.append(String.format("  pooled: train %d windows (stride %d), %d events (%.1f%%); validation %d, %d events "
                        + "(%.1f%%); calibration %d, %d events (%.1f%%)%n", train.size(), config.trainStride(),
                train.positives(), 100 * train.baseRate(), validation.size(), validation.positives(),
                100 * validation.baseRate(), calibration.size(), calibration.positives(),
                100 * calibration.baseRate()));
        sb.append("  data:");
        markets.forEach(m -> sb.append("\n    ").append(m.name()).append(": ").append(m.market().about()).append("; ")
                .append(m.market().data().report()));
        return sb.append('\n').toString();
    }

    private static String count(int[] rows, int[] labels) {
        int pos = 0;
        for (int t : rows) {
            pos += labels[t];
        }
        return rows.length + " (" + pos + ")";
    }
}
