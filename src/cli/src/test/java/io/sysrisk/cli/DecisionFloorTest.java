package io.sysrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sysrisk.experiment.DecisionFloor;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.research.data.Markets;
import io.sysrisk.research.experiment.PooledExperiment;
import io.sysrisk.training.TrainingData;
import io.sysrisk.training.TrainingJob;
import io.sysrisk.windows.PartEvents;

/**
 * No model is early-stopped, calibrated or judged on a part without enough events: a job below the floor stops
 * before training with one line and writes nothing.
 */
class DecisionFloorTest {

    @Test
    void eventsAreRunsOfPositiveWindowsOnConsecutiveDays() {
        int[] labels = {0, 1, 1, 1, 0, 1, -1, 1, 1, 0, 1};
        // Row 6 is masked (label -1), so no window ends on it; row 9 is left out of the part as well.
        int[] rows = {0, 1, 2, 3, 4, 5, 7, 8, 10};
        assertEquals(new PartEvents(7, 4), PartEvents.ofRows(rows, labels));
        assertEquals(PartEvents.NONE, PartEvents.ofRows(new int[0], labels));
    }

    @Test
    void belowTheFloorIsOneLineNamingThePartItsDatesAndCounts() {
        DecisionFloor floor = DecisionFloor.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> floor.check("validation",
                LocalDate.of(2016, 1, 4), LocalDate.of(2017, 12, 29), new PartEvents(29, 6)));
        assertEquals("the validation part (windows ending 2016-01-04..2017-12-29) holds 6 distinct events and 29 "
                + "positive windows; a decision needs at least 5 and 30 (--min-events, --min-positives): give more "
                + "history, a larger part (--validation-share; for the walk-forward report fewer --folds) or a label with more events (--label, --threshold); nothing was written",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> floor.check("test", LocalDate.MIN, LocalDate.MAX,
                new PartEvents(300, 4)));
        floor.check("calibration", LocalDate.MIN, LocalDate.MAX, new PartEvents(30, 5));
    }

    /**
     * The default model's parts clear the floor; of the embedded multidimensional datasets trained in its shape
     * (README, "Richer data, measured"), every one is refused at the default floor, each on the part, dates and
     * counts the README's table names, and the S&P 500 OHLCV clears it with a validation share of 0.4 once its calibration part may hold 3 events.
     */
    @Test
    void theDefaultClearsTheFloorAndTheReadmesRefusalsAreTheFloors() {
        DecisionFloor floor = DecisionFloor.defaults();
        TrainingJob.checkDecisionParts(PooledExperiment.prepare(PooledConfig.defaults(), Markets.embedded()),
                floor);
        Map<String, String> refused = Map.of(
                "sp500", "the validation part (windows ending 2016-09-12..2018-05-10) holds 2 distinct events and 24 "
                        + "positive windows",
                "spi-sectors", "the validation part (windows ending 2006-10-",
                "swx", "the validation part (windows ending 2006-02-",
                "dow30", "the validation part (windows ending 1998-10-");
        Map<String, String> counts = Map.of("sp500", "2 distinct events", "spi-sectors",
                "holds 1 distinct events and 20 positive windows", "swx", "holds 1 distinct events", "dow30",
                "holds 0 distinct events");
        for (var e : refused.entrySet()) {
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                    () -> TrainingJob.checkDecisionParts(ownData(e.getKey()), floor), e.getKey());
            assertTrue(x.getMessage().startsWith(e.getValue()), e.getKey() + ": " + x.getMessage());
            assertTrue(x.getMessage().contains(counts.get(e.getKey())), e.getKey() + ": " + x.getMessage());
        }
        String wider = assertThrows(IllegalArgumentException.class, () -> TrainingJob.checkDecisionParts(
                ownData("sp500", "--validation-share", "0.4"), floor)).getMessage();
        assertTrue(wider.startsWith("the validation part (windows ending 2013-06-10..2016-09-09) holds 3 distinct "
                + "events"), wider);
        // Its walk-forward report at the default floor: the one fold's calibration part holds 4 events.
        io.sysrisk.store.ModelManifest m = new io.sysrisk.store.ModelStore(java.nio.file.Path.of("model-store"))
                .manifest("sp500-ohlcv");
        io.sysrisk.data.Market market = TrainingData.of(m.pooled().name(),
                io.sysrisk.research.experiment.DataSpec.of(io.sysrisk.research.data.EmbeddedDataset.SP500)).markets().get(0);
        String report = assertThrows(IllegalArgumentException.class, () -> io.sysrisk.research.experiment.WalkForward.plan(
                m.pooled().withHeldOut(null), market, floor, null)).getMessage();
        assertTrue(report.contains("calibration part (windows ending 2009-03-30..2011-03-18) holds 4 distinct events"),
                report);
        // The README's example of one embedded dataset: the DJIA's closes 1980-2012 clear the default floor.
        TrainingJob.checkDecisionParts(ownData("djia"), floor);
        // sp500-ohlcv's training: the floor lowered to 3 events, said in the README.
        TrainingJob.checkDecisionParts(ownData("sp500", "--validation-share", "0.4"), new DecisionFloor(3, 30));
    }

    /** One embedded dataset as {@code train --dataset} prepares it, before the floor is checked. */
    private static PooledExperiment ownData(String dataset, String... more) {
        ExperimentOptions o = new ExperimentOptions();
        List<String> args = new java.util.ArrayList<>(List.of("--dataset", dataset));
        args.addAll(List.of(more));
        new picocli.CommandLine(o).parseArgs(args.toArray(String[]::new));
        TrainingData data = o.ownTrainingData();
        return PooledExperiment.prepareUnchecked(o.ownPooledConfig(data), data.markets(), List.of(),
                data.trainingOnly(), null);
    }
}
