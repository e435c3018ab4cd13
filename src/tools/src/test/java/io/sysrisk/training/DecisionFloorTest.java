package io.sysrisk.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sysrisk.data.Markets;
import io.sysrisk.experiment.DecisionFloor;
import io.sysrisk.experiment.DefaultExperiments;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.experiment.PooledExperiment;
import io.sysrisk.experiment.PreparedExperiment;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.windows.Part;
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
                + "history, a larger part (--validation-share; for a named experiment --validation-start, "
                + "--test-start) or a label with more events (--label, --threshold); nothing was written",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> floor.check("test", LocalDate.MIN, LocalDate.MAX,
                new PartEvents(300, 4)));
        floor.check("calibration", LocalDate.MIN, LocalDate.MAX, new PartEvents(30, 5));
    }

    /**
     * The default model's parts clear the floor; of the named single-market experiments, sp500 and djia do, and
     * spi-sectors and dow30 do not (their validation parts hold 2 events and 16 positive windows, and 5 and 29):
     * their training stops before it starts, as a user's file would.
     */
    @Test
    void theDefaultAndTwoNamedExperimentsClearTheFloorAndTheOthersAreRefused(@TempDir Path store) {
        DecisionFloor floor = DecisionFloor.defaults();
        PooledExperiment pooled = PooledExperiment.prepare(PooledConfig.defaults(), Markets.embedded());
        PooledTrainingJob.checkDecisionParts(pooled, floor);
        Map<DefaultExperiments, Boolean> clears = Map.of(DefaultExperiments.SP500, true, DefaultExperiments.DJIA, true,
                DefaultExperiments.SPI_SECTORS, false, DefaultExperiments.DOW30, false);
        for (DefaultExperiments named : DefaultExperiments.values()) {
            PreparedExperiment exp = PreparedExperiment.prepare(named.config());
            boolean all = true;
            for (Part p : List.of(Part.VALIDATION, Part.TEST)) {
                PartEvents held = PartEvents.of(exp.part(p));
                all &= held.events() >= floor.minEvents() && held.positives() >= floor.minPositives();
            }
            assertEquals(clears.get(named), all, named.cliName());
            if (!all) {
                TrainingJob job = new TrainingJob(named.config(), ModelConfig.reference(), TrainConfig.defaults(), floor,
                        store, named.cliName());
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> job.run(line -> { }));
                assertTrue(e.getMessage().startsWith("the validation part"), e.getMessage());
                assertFalse(Files.exists(store.resolve(named.cliName())), "nothing written");
            }
        }
    }
}
