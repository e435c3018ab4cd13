package io.sysrisk.research.experiment;

import java.time.LocalDate;
import java.util.List;

import io.sysrisk.data.Market;
import io.sysrisk.experiment.DecisionFloor;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.windows.PartEvents;

/**
 * Whether a leave-one-market-out of several markets can decide anything, read from labels alone before anything
 * trains: each market held out over its whole history, and that period in every other market, must leave
 * validation and calibration parts (summed over the other markets) and a test part (the held-out market) that clear
 * the {@link DecisionFloor}. Markets that share an era fail it: holding one out removes the others' overlapping years.
 */
public final class HeldOutMarkets {

    private HeldOutMarkets() {
    }

    /**
     * @throws IllegalArgumentException one line naming the first fold and part that falls short, its dates and counts
     */
    public static void check(PooledConfig config, List<Market> markets, DecisionFloor floor) {
        for (Market held : markets) {
            PooledConfig.HeldOut h = new PooledConfig.HeldOut(held.name(), held.first(), held.last());
            PooledExperiment exp = PooledExperiment.prepareUnchecked(config.withHeldOut(h), markets, List.of(),
                    java.util.Set.of(), null);
            PartEvents validation = PartEvents.NONE;
            PartEvents calibration = PartEvents.NONE;
            for (PooledExperiment.MarketPart m : exp.markets()) {
                validation = validation.plus(PartEvents.ofRows(m.validationRows(), m.labels()));
                calibration = calibration.plus(PartEvents.ofRows(m.calibrationRows(), m.labels()));
            }
            PooledExperiment.MarketPart test = exp.heldOut();
            String fold = "leave-one-market-out fold " + held.name() + " (" + held.first() + ".." + held.last()
                    + " held out in every market)";
            floor.check(fold + " validation", null, null, validation);
            floor.check(fold + " calibration", null, null, calibration);
            floor.check(fold + " test", first(test), last(test), PartEvents.ofRows(test.testRows(), test.labels()));
        }
    }

    private static LocalDate first(PooledExperiment.MarketPart m) {
        return m.testRows().length == 0 ? null : m.market().data().dates().get(m.testRows()[0]);
    }

    private static LocalDate last(PooledExperiment.MarketPart m) {
        return m.testRows().length == 0 ? null
                : m.market().data().dates().get(m.testRows()[m.testRows().length - 1]);
    }
}
