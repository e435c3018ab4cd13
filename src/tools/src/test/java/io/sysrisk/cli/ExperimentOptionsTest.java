package io.sysrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sysrisk.data.InputKind;
import io.sysrisk.experiment.ExperimentConfig;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.labels.LabelDefinition;
import picocli.CommandLine;

class ExperimentOptionsTest {

    private static ExperimentOptions options(String... args) {
        ExperimentOptions o = new ExperimentOptions();
        new CommandLine(o).parseArgs(args);
        return o;
    }

    private static ExperimentConfig parse(String... args) {
        return options(args).toConfig();
    }

    @Test
    void theDefaultIsThePooledAnyIndexExperiment() {
        ExperimentOptions o = options();
        assertTrue(o.pooled());
        assertEquals(PooledConfig.defaults(), o.toPooledConfig());
        assertEquals(new LabelDefinition.Onset(20, 0.07), o.toPooledConfig().label());
        PooledConfig longer = options("--horizon", "40").toPooledConfig();
        assertEquals(new LabelDefinition.Onset(40, 0.07), longer.label(), "the threshold stays the experiment's");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> options("--test-start", "2015-01-01")
                .toPooledConfig()).getMessage().contains("no split dates"));
    }

    @Test
    void aSingleMarketExperimentKeepsItsOwnDefaults() {
        ExperimentConfig c = parse("--experiment", "sp500");
        assertEquals("sp500", c.name());
        assertEquals(new LabelDefinition.FutureDrawdown(20, 0.07), c.label());
        assertEquals(60, c.window());
        // The Dow 30 experiment's fall is 5%: a different horizon must not bring back a 7% written elsewhere.
        assertEquals(new LabelDefinition.FutureDrawdown(10, 0.05), parse("--experiment", "dow30", "--horizon", "10").label());
        assertEquals(new LabelDefinition.Onset(20, 0.05), parse("--experiment", "dow30", "--label", "onset").label());
    }

    /** A user's file gets a split from its own dates, not the S&P 500's. */
    @Test
    void aUsersCsvWithoutSplitDatesGetsOneFromItsOwnDates(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("date,IDX\n");
        LocalDate d = LocalDate.of(1990, 1, 1);
        double p = 100;
        for (int i = 0; i < 1001; i++, d = d.plusDays(1)) {
            p *= 1 + 0.01 * Math.sin(i);
            csv.append(d).append(',').append(p).append('\n');
        }
        Path file = Files.writeString(dir.resolve("mine.csv"), csv);
        ExperimentConfig c = parse("--csv", file.toString(), "--kind", "panel", "--index-column", "IDX");
        assertEquals(LocalDate.of(1990, 1, 1).plusDays(600), c.split().validationStart());
        assertEquals(LocalDate.of(1990, 1, 1).plusDays(800), c.split().testStart());
        ExperimentConfig given = parse("--csv", file.toString(), "--kind", "panel", "--index-column", "IDX",
                "--validation-start", "1991-01-01", "--test-start", "1992-01-01");
        assertEquals(LocalDate.of(1991, 1, 1), given.split().validationStart());
    }

    @Test
    void aUsersCsvGetsItsOwnNameSplitAndLabel() {
        ExperimentConfig c = parse("--csv", "/data/my market.csv", "--kind", "panel", "--index-column", "IDX",
                "--validation-start", "2004-06-01", "--test-start", "2005-06-01", "--label", "vol-regime",
                "--horizon", "30", "--threshold", "0.4", "--window", "40");
        assertEquals("my-market", c.name());
        assertEquals(InputKind.PANEL, c.data().options().inputKind());
        assertEquals("IDX", c.data().options().indexColumn());
        assertEquals(LocalDate.of(2004, 6, 1), c.split().validationStart());
        assertEquals(LocalDate.of(2005, 6, 1), c.split().testStart());
        assertEquals(new LabelDefinition.VolatilityRegime(30, 0.4), c.label());
        assertEquals(30, c.split().embargo(), "the embargo follows a longer horizon");
        assertEquals(40, c.window());
    }

    @Test
    void mistakesAreExplained() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--csv", "x.csv")).getMessage()
                .contains("--kind"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--label", "crash")).getMessage()
                .contains("known: onset, drawdown, co-crash, vol-regime"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--experiment", "nikkei")).getMessage()
                .contains("known"));
    }
}
