package io.sysrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sysrisk.data.InputKind;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.features.FeatureSet;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.training.TrainingData;
import picocli.CommandLine;

class ExperimentOptionsTest {

    /** The options as {@code summary} and {@code train} parse them. */
    private static ExperimentOptions options(String... args) {
        ExperimentOptions o = new ExperimentOptions();
        new CommandLine(o).parseArgs(args);
        return o;
    }

    @Test
    void theDefaultIsThePooledAnyIndexExperiment() {
        ExperimentOptions o = options();
        assertTrue(o.pooled());
        assertEquals(PooledConfig.defaults(), o.toPooledConfig());
        assertEquals(new LabelDefinition.Onset(20, 0.07), o.toPooledConfig().label());
        PooledConfig longer = options("--horizon", "40").toPooledConfig();
        assertEquals(new LabelDefinition.Onset(40, 0.07), longer.label(), "the threshold stays the experiment's");
        // The old split dates are no option of an experiment's (train lists none and refuses them by name).
        assertThrows(CommandLine.UnmatchedArgumentException.class, () -> options("--test-start", "2015-01-01"));
    }

    /** The retired single-market experiments answer with the dataset that trains their data today. */
    @Test
    void aRetiredSingleMarketExperimentNamesItsDataset() {
        for (String name : ExperimentOptions.RETIRED) {
            ExperimentOptions o = options("--experiment", name);
            assertFalse(o.pooled());
            String m = assertThrows(IllegalArgumentException.class, o::toPooledConfig).getMessage();
            assertTrue(m.contains("retired") && m.contains("--dataset " + name), m);
        }
    }

    /**
     * A user's file trains in the default's shape: its own name, the onset label unless another is given, every
     * feature its columns support, the default's split by share.
     */
    @Test
    void aUsersCsvGetsTheDefaultsExperimentWithItsOwnNameAndInputs(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("date,IDX,A,B\n");
        LocalDate d = LocalDate.of(1990, 1, 1);
        double p = 100;
        for (int i = 0; i < 1001; i++, d = d.plusDays(1)) {
            p *= 1 + 0.01 * Math.sin(i);
            csv.append(d).append(',').append(p).append(',').append(p * 1.01).append(',').append(p * 0.99).append('\n');
        }
        Path file = Files.writeString(dir.resolve("my market.csv"), csv);
        ExperimentOptions o = options("--csv", file.toString(), "--kind", "panel", "--index-column", "IDX");
        TrainingData data = o.ownTrainingData();
        PooledConfig c = o.ownPooledConfig(data);
        assertEquals("my-market", c.name());
        assertEquals(PooledConfig.defaults().label(), c.label());
        assertEquals(PooledConfig.defaults().validationShare(), c.validationShare());
        assertEquals(FeatureSet.allFor(InputKind.PANEL, 2).ids(), c.featureIds());
        assertTrue(c.featureIds().contains("avg_corr_60d"), c.featureIds().toString());
        assertEquals(List.of("IDX", "A", "B"), data.columns());

        PooledConfig given = options("--csv", file.toString(), "--kind", "panel", "--index-column", "IDX",
                "--label", "vol-regime", "--horizon", "30", "--threshold", "0.4", "--window", "40",
                "--validation-share", "0.3").ownPooledConfig(data);
        assertEquals(new LabelDefinition.VolatilityRegime(30, 0.4), given.label());
        assertEquals(40, given.window());
        assertEquals(0.3, given.validationShare());
    }

    @Test
    void mistakesAreExplained() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> options("--csv", "x.csv").ownTrainingData())
                .getMessage().contains("--kind"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> options("--csv", "x.csv", "--kind", "daily")
                .ownTrainingData()).getMessage().contains("ohlcv, panel or markets"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> options("--label", "crash").toPooledConfig()).getMessage()
                .contains("known: onset, drawdown, co-crash, vol-regime"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> options("--experiment", "nikkei").toPooledConfig()).getMessage()
                .contains("known"));
    }
}
