package io.sysrisk.experiment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.sysrisk.data.Market;
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
        IllegalArgumentException first = null;
        int from = folds != null ? folds : MAX_FOLDS;
        int to = folds != null ? folds : 1;
        for (int k = from; k >= to; k--) {
            try {
                return folds(config, market, floor, span, k);
            } catch (IllegalArgumentException e) {
                first = first == null || k == 1 ? e : first;
            }
        }
        String msg = first.getMessage().replace("; nothing was written", "");
        throw new IllegalArgumentException("walk-forward of " + market.name() + " with " + to + " fold"
                + (to == 1 ? "" : "s") + ": " + msg + (folds == null ? "" : "; or fewer --folds")
                + "; nothing was written");
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
