package io.sysrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code src/examples/three-indices.csv}, the file the committed {@code three-indices} model was trained and judged
 * on, is exactly the embedded closes of the DJIA, the SPI and the S&amp;P 500 2000-2020 (their card:
 * {@code src/datasets}): its provenance is checkable, not asserted. The expected file is written to
 * {@code target/} so that a change to the embedded data can be looked at.
 */
class ExampleFilesTest {

    static final Path THREE_INDICES = Path.of("src", "examples", "three-indices.csv");

    @Test
    void threeIndicesIsTheEmbeddedClosesJoinedByDate() throws Exception {
        String expected = MarketsCsv.of(List.of("djia", "spi", "sp500"));
        Files.createDirectories(Path.of("src", "cli", "target"));
        Files.writeString(Path.of("src", "cli", "target", "three-indices.csv"), expected);
        assertEquals(expected, Files.readString(THREE_INDICES), "src/examples/three-indices.csv differs from the "
                + "embedded closes (the expected file is in src/cli/target/three-indices.csv)");
    }
}
