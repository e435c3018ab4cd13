package io.sysrisk.research.experiment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.sysrisk.data.Market;
import io.sysrisk.experiment.DecisionFloor;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.windows.PartEvents;

/**
 * The folds of one market's walk-forward evidence: its later history cut into consecutive test periods, each scored
 * by a model trained, early-stopped and calibrated on what came before it only (an expanding window).
 *
 * <p>A fold holds out its market from its test period's first day to the <em>end of the series</em>, so that the
 * rules of {@link PooledExperiment} keep every training, validation and calibration window (its feature look-back,
 * its days and its label's look-ahead) out of the test period and everything after it: the purge and the embargo are
 * the label's look-ahead. Only the windows ending inside the fold's own period are scored ({@link Fold#scoredTo}).
 *
 * <p>How many folds: the most, up to {@code maxFolds}, of equal numbers of labelled windows over the latest
 * {@link #TEST_SHARE} of the history, such that every fold's validation, calibration and test parts clear the
 * {@link DecisionFloor}. The count reads labels only, never a score. When not even one fold clears it, the first part
 * that falls short is named (its dates and counts) and nothing is trained.
 */
public final class WalkForward {

    /** The share of a market's labelled windows, the latest, that the folds' test periods cover. */
    public static final double TEST_SHARE = 0.5;
    /** The most folds tried when none is asked for. */
    public static final int MAX_FOLDS = 5;

    /**
     * One fold: {@code heldOut} is the market from the test period's first day to the series' end (out of every
     * part that trains or decides), and only windows ending up to {@code scoredTo} are scored.
     */
    public record Fold(String name, PooledConfig.HeldOut heldOut, LocalDate scoredTo, PartEvents validation,
                       PartEvents calibration, PartEvents test) {
    }

    private WalkForward() {
    }

    /**
     * The folds for {@code market} under {@code config} (its label, window, inputs and validation share):
     * {@code folds} of them when given (null: the most that clear the floor, up to {@link #MAX_FOLDS}).
     *
     * @throws IllegalArgumentException one line naming the part that falls short, when no fold count clears the floor
     */
    public static List<Fold> plan(PooledConfig config, Market market, DecisionFloor floor, Integer folds) {
        if (folds != null && (folds < 1 || folds > 20)) {
            throw new IllegalArgumentException("--folds must be between 1 and 20, got " + folds);
        }
        int[] labelled = labelledRows(config, market);
        if (labelled.length == 0) {
            throw new IllegalArgumentException("market " + market.name() + " has no labelled window of "
                    + config.window() + " days");
        }
        int firstTest = (int) Math.floor(labelled.length * (1 - TEST_SHARE));
        int[] span = Arrays.copyOfRange(labelled, firstTest, labelled.length);
        return mostFolds(folds, "walk-forward of " + market.name(), k -> folds(config, market, floor, span, k));
    }

    /**
     * {@code folds} folds when given, else the most, from {@link #MAX_FOLDS} down, that {@code plan} makes without
     * a part below the floor; otherwise one line naming the one-fold plan's (or the asked plan's) shortfall.
     */
    private static List<Fold> mostFolds(Integer folds, String what, java.util.function.IntFunction<List<Fold>> plan) {
        IllegalArgumentException first = null;
        int from = folds != null ? folds : MAX_FOLDS;
        int to = folds != null ? folds : 1;
        for (int k = from; k >= to; k--) {
            try {
                return plan.apply(k);
            } catch (IllegalArgumentException e) {
                first = first == null || k == 1 ? e : first;
            }
        }
        String msg = first.getMessage().replace("; nothing was written", "");
        throw new IllegalArgumentException(what + " with " + to + " fold" + (to == 1 ? "" : "s") + ": " + msg
                + (folds == null ? "" : "; or fewer --folds") + "; nothing was written");
    }

    private static List<Fold> folds(PooledConfig config, Market market, DecisionFloor floor, int[] span, int k) {
        List<LocalDate> dates = market.data().dates();
        List<Fold> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int a = (int) ((long) span.length * i / k);
            int b = (int) ((long) span.length * (i + 1) / k) - 1;
            if (b < a) {
                throw new IllegalArgumentException("fold " + (i + 1) + " of " + k + " has no window");
            }
            LocalDate start = dates.get(span[a]);
            LocalDate end = dates.get(span[b]);
            PooledConfig.HeldOut held = new PooledConfig.HeldOut(market.name(), start, market.last());
            PooledExperiment exp = PooledExperiment.prepareUnchecked(config.withHeldOut(held), List.of(market),
                    List.of(), java.util.Set.of(), null);
            PooledExperiment.MarketPart m = exp.markets().get(0);
            int[] test = Arrays.stream(m.testRows()).filter(t -> !dates.get(t).isAfter(end)).toArray();
            String name = String.format("%s %d/%d", market.name(), i + 1, k);
            PartEvents validation = PartEvents.ofRows(m.validationRows(), m.labels());
            PartEvents calibration = PartEvents.ofRows(m.calibrationRows(), m.labels());
            PartEvents tested = PartEvents.ofRows(test, m.labels());
            floor.check("fold " + name + " validation", date(dates, m.validationRows(), 0),
                    date(dates, m.validationRows(), -1), validation);
            floor.check("fold " + name + " calibration", date(dates, m.calibrationRows(), 0),
                    date(dates, m.calibrationRows(), -1), calibration);
            floor.check("fold " + name + " test", date(dates, test, 0), date(dates, test, -1), tested);
            out.add(new Fold(name, held, end, validation, calibration, tested));
        }
        return List.copyOf(out);
    }

    /**
     * The folds for several markets judged together over time ({@code report} of a file of several markets that
     * share an era, where holding one market out with its period in every other leaves nothing to train on): the
     * latest {@link #TEST_SHARE} of every market's labelled windows, ordered by date, cut into consecutive calendar
     * periods of about equal numbers of windows. A fold trains every market on what came before its period only
     * (its {@code heldOut} runs from the period's first day to the last day of any market, so the rules of
     * {@link PooledExperiment} keep every part of every market out of it and of what follows) and scores every
     * market's windows inside its period. The floor applies to the folds' parts summed over the markets.
     *
     * @throws IllegalArgumentException one line naming the part that falls short, when no fold count clears the floor
     */
    public static List<Fold> planMarkets(PooledConfig config, List<Market> markets, DecisionFloor floor,
                                         Integer folds) {
        return planMarkets(config, markets, floor, folds, null);
    }

    /**
     * As {@link #planMarkets(PooledConfig, List, DecisionFloor, Integer)}, judging only the markets {@code judged}
     * (null: every one): the periods are cut from their labelled windows and the test floor counts their windows,
     * while every market trains, validates and calibrates before each period (a user's markets trained with the
     * embedded panel: the panel's events fill the validation and calibration parts, the user's market is judged).
     */
    public static List<Fold> planMarkets(PooledConfig config, List<Market> markets, DecisionFloor floor,
                                         Integer folds, java.util.Set<String> judged) {
        if (folds != null && (folds < 1 || folds > 20)) {
            throw new IllegalArgumentException("--folds must be between 1 and 20, got " + folds);
        }
        if (markets.size() < 2) {
            throw new IllegalArgumentException("a walk-forward of markets together needs at least two, got "
                    + markets.size());
        }
        if (judged != null && !markets.stream().map(Market::name).collect(java.util.stream.Collectors.toSet())
                .containsAll(judged)) {
            throw new IllegalArgumentException("judged markets " + judged + " are not all among "
                    + markets.stream().map(Market::name).toList());
        }
        List<LocalDate> ends = new ArrayList<>();
        for (Market m : markets) {
            if (judged != null && !judged.contains(m.name())) {
                continue;
            }
            List<LocalDate> dates = m.data().dates();
            Arrays.stream(labelledRows(config, m)).forEach(t -> ends.add(dates.get(t)));
        }
        if (ends.isEmpty()) {
            throw new IllegalArgumentException("no market has a labelled window of " + config.window() + " days");
        }
        java.util.Collections.sort(ends);
        List<LocalDate> span = ends.subList((int) Math.floor(ends.size() * (1 - TEST_SHARE)), ends.size());
        return mostFolds(folds, "walk-forward of the markets together",
                k -> marketFolds(config, markets, floor, span, k, judged));
    }

    private static List<Fold> marketFolds(PooledConfig config, List<Market> markets, DecisionFloor floor,
                                          List<LocalDate> span, int k, java.util.Set<String> judged) {
        LocalDate last = markets.stream().map(Market::last).max(LocalDate::compareTo).orElseThrow();
        List<LocalDate> starts = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            starts.add(span.get((int) ((long) span.size() * i / k)));
        }
        List<Fold> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            LocalDate start = starts.get(i);
            // A date shared by several markets belongs to one fold only: a period ends the day before the next.
            LocalDate end = i + 1 < k ? starts.get(i + 1).minusDays(1) : span.get(span.size() - 1);
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("fold " + (i + 1) + " of " + k + " has no day of its own");
            }
            PooledConfig.HeldOut held = new PooledConfig.HeldOut(markets.get(0).name(), start, last);
            PooledExperiment exp = PooledExperiment.prepareUnchecked(config.withHeldOut(held), markets, List.of(),
                    java.util.Set.of(), null);
            PartEvents validation = PartEvents.NONE;
            PartEvents calibration = PartEvents.NONE;
            PartEvents tested = PartEvents.NONE;
            LocalDate[] v = {null, null};
            LocalDate[] c = {null, null};
            for (PooledExperiment.MarketPart m : exp.markets()) {
                List<LocalDate> dates = m.market().data().dates();
                validation = validation.plus(PartEvents.ofRows(m.validationRows(), m.labels()));
                calibration = calibration.plus(PartEvents.ofRows(m.calibrationRows(), m.labels()));
                if (judged == null || judged.contains(m.name())) {
                    tested = tested.plus(PartEvents.ofRows(testRows(config, m, start, end), m.labels()));
                }
                widen(v, date(dates, m.validationRows(), 0), date(dates, m.validationRows(), -1));
                widen(c, date(dates, m.calibrationRows(), 0), date(dates, m.calibrationRows(), -1));
            }
            String name = String.format("%d/%d", i + 1, k);
            floor.check("fold " + name + " validation (every market)", v[0], v[1], validation);
            floor.check("fold " + name + " calibration (every market)", c[0], c[1], calibration);
            floor.check("fold " + name + " test (" + (judged == null ? "every market" : String.join(", ", judged))
                    + ")", start, end, tested);
            out.add(new Fold(name, held, end, validation, calibration, tested));
        }
        return List.copyOf(out);
    }

    /**
     * A market's windows a fold of the markets together scores: labelled, with a full look-back, ending inside
     * {@code from..to}. None of them trains: each reads a day of the fold's held-out period.
     */
    public static int[] testRows(PooledConfig config, PooledExperiment.MarketPart m, LocalDate from, LocalDate to) {
        List<LocalDate> dates = m.market().data().dates();
        int firstEnd = m.matrix().firstValid() + config.window() - 1;
        int[] y = m.labels();
        return java.util.stream.IntStream.range(Math.max(0, firstEnd), y.length)
                .filter(t -> y[t] >= 0 && !dates.get(t).isBefore(from) && !dates.get(t).isAfter(to)).toArray();
    }

    private static void widen(LocalDate[] range, LocalDate from, LocalDate to) {
        if (from != null && (range[0] == null || from.isBefore(range[0]))) {
            range[0] = from;
        }
        if (to != null && (range[1] == null || to.isAfter(range[1]))) {
            range[1] = to;
        }
    }

    /** Rows of windows with a label (not unknown, not masked) and a full look-back. */
    static int[] labelledRows(PooledConfig config, Market market) {
        PooledExperiment all = PooledExperiment.prepareUnchecked(config, List.of(market), List.of(),
                java.util.Set.of(), null);
        PooledExperiment.MarketPart m = all.markets().get(0);
        int firstEnd = m.matrix().firstValid() + config.window() - 1;
        int[] y = m.labels();
        return java.util.stream.IntStream.range(firstEnd, y.length).filter(t -> y[t] >= 0).toArray();
    }

    private static LocalDate date(List<LocalDate> dates, int[] rows, int which) {
        return rows.length == 0 ? null : dates.get(rows[which < 0 ? rows.length + which : which]);
    }
}
