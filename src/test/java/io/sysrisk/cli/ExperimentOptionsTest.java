package io.sysrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.sysrisk.data.InputKind;
import io.sysrisk.experiment.ExperimentConfig;
import io.sysrisk.labels.LabelDefinition;
import picocli.CommandLine;

class ExperimentOptionsTest {

    private static ExperimentConfig parse(String... args) {
        ExperimentOptions o = new ExperimentOptions();
        new CommandLine(o).parseArgs(args);
        return o.toConfig();
    }

    @Test
    void defaultsAreTheDefaultExperiment() {
        ExperimentConfig c = parse();
        assertEquals("sp500", c.name());
        assertEquals(new LabelDefinition.FutureDrawdown(20, 0.07), c.label());
        assertEquals(60, c.window());
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
                .contains("known: drawdown, co-crash, vol-regime"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--experiment", "nikkei")).getMessage()
                .contains("known"));
    }
}
