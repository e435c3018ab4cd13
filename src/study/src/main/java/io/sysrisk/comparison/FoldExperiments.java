package io.sysrisk.comparison;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.sysrisk.data.Market;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.research.experiment.PooledExperiment;
import io.sysrisk.training.CalibrationDays;
import io.sysrisk.training.Recipe;
import io.sysrisk.windows.WindowSet;

/**
 * One fold's experiments, one per distinct set of inputs, series and window length among the recipes, prepared
 * once: same label, held-out market and excluded periods. Recipes with other inputs may start a market's windows a
 * day later (a longer look-back), and a longer window starts them later still, so every score of a fold is taken on
 * the test days they all have: those of the longest window the study reads ({@code longestWindow}).
 */
final class FoldExperiments {
    private final PooledConfig config;
    private final List<PooledConfig.HeldOut> excluded;
    private final List<Market> markets;
    private final Recipe reference;
    private final int longestWindow;
    private final Map<String, PooledExperiment> prepared = new HashMap<>();

    /**
     * {@code config} holds its market out, {@code excluded} periods are cut from every market, {@code markets}
     * are the study's, {@code reference} (the anchored recipe as the study reads it) defines the test and
     * calibration days every score is taken on, and {@code longestWindow} is the longest window any score of the
     * study reads (the study's own, or a row of the paper's comparison's).
     */
    FoldExperiments(PooledConfig config, List<PooledConfig.HeldOut> excluded, List<Market> markets,
                    Recipe reference, int longestWindow) {
        if (longestWindow < config.window()) {
            throw new IllegalArgumentException("the longest window (" + longestWindow + ") is shorter than the "
                    + "study's (" + config.window() + ")");
        }
        this.config = config;
        this.excluded = excluded;
        this.markets = markets;
        this.reference = reference;
        this.longestWindow = longestWindow;
    }

    /** The study's window, in days. */
    int window() {
        return config.window();
    }

    PooledExperiment of(Recipe r) {
        return of(r, config.window());
    }

    /** Recipe {@code r}'s experiment over windows of {@code window} days. */
    PooledExperiment of(Recipe r, int window) {
        return prepared.computeIfAbsent(r.featureIds() + "/" + r.systemicInputs() + "/" + r.spiSectors() + "/"
                        + r.planted() + "/" + window,
                k -> {
                    List<Market> all = r.markets(markets);
                    return PooledExperiment.prepare(r.experiment(config).withWindow(window), all, excluded,
                            Recipe.trainingOnly(all), r.planted());
                });
    }

    /** The held-out market's test rows that every recipe among {@code recipes}, at the longest window, can score. */
    int[] commonTestRows(java.util.Collection<Recipe> recipes) {
        int[] rows = of(reference).heldOut().testRows();
        int first = 0;
        for (Recipe r : recipes) {
            PooledExperiment.MarketPart part = of(r).heldOut();
            first = Math.max(first, part.matrix().firstValid() + longestWindow - 1);
        }
        int from = first;
        return Arrays.stream(rows).filter(t -> t >= from).toArray();
    }

    /** Market {@code market}'s windows ending on {@code rows}, as recipe {@code r} reads them. */
    WindowSet windows(Recipe r, String market, int[] rows) {
        return windows(r, config.window(), market, rows);
    }

    /** Market {@code market}'s windows of {@code window} days ending on {@code rows}, as recipe {@code r} reads them. */
    WindowSet windows(Recipe r, int window, String market, int[] rows) {
        PooledExperiment e = of(r, window);
        PooledExperiment.MarketPart part = e.markets().stream().filter(m -> m.name().equals(market))
                .findFirst().orElseThrow();
        return WindowSet.of(part.matrix(), part.labels(), rows, window, e.normalization());
    }

    /**
     * The calibration windows of the reference experiment, as recipe {@code r} reads them: thresholds and
     * Platt fits of every score are taken on the same days ({@link CalibrationDays}).
     */
    WindowSet calibration(Recipe r) {
        return calibration(r, config.window());
    }

    /** The reference experiment's calibration windows, as recipe {@code r} reads them over {@code window} days. */
    WindowSet calibration(Recipe r, int window) {
        List<WindowSet> parts = new ArrayList<>();
        for (PooledExperiment.MarketPart m : of(reference).markets()) {
            parts.add(windows(r, window, m.name(), m.calibrationRows()));
        }
        return WindowSet.concat(parts);
    }
}
