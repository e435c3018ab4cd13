package io.sysrisk.research.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sysrisk.data.LoadOptions;
import io.sysrisk.research.data.EmbeddedDataset;
import io.sysrisk.research.data.ReadData;

/** The provenance of the bytes trained on: the recorded SHA-256 is that of the bytes parsed. */
class DataSpecTest {

    private static final LoadOptions PANEL = LoadOptions.panel(null).withMinRows(2);
    private static final String FIRST = "date,A\n2001-01-02,1\n2001-01-03,2\n";
    private static final String SECOND = "date,A\n2001-01-02,5\n2001-01-03,6\n";

    /**
     * A named pipe hands out {@link #FIRST} on its first opening and {@link #SECOND} on the next: a file that
     * changed between two reads. A parse and a hash from separate reads would pair FIRST's closes with SECOND's
     * hash (or wait forever on a third); one read gives FIRST's closes with FIRST's hash.
     */
    @Test
    void theHashIsOfTheBytesParsedEvenWhenTheFileChangesBetweenReads(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("changing.csv");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo on this machine: " + e.getMessage());
            return;
        }
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        Thread writer = new Thread(() -> {
            for (String content : new String[] {FIRST, SECOND}) {
                try (OutputStream out = Files.newOutputStream(fifo)) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    return;
                }
                try {
                    // A reader sees the end of a pipe only while no writer has it open: give the first reader
                    // (blocked in its read, 40 bytes to take) time to see the end before the pipe opens again.
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fifo-writer");
        writer.setDaemon(true);
        writer.start();
        try {
            ReadData read = DataSpec.of(fifo, PANEL).read();
            assertArrayEquals(new double[] {1, 2}, read.data().column("A"));
            assertEquals(EmbeddedDataset.sha256(FIRST.getBytes(StandardCharsets.UTF_8)), read.sha256());
        } finally {
            // Stop the writer: out of its pause by interrupt, out of a wait for a reader of SECOND by reading it.
            writer.interrupt();
            writer.join(3_000);
            if (writer.isAlive()) {
                try (InputStream in = Files.newInputStream(fifo)) {
                    in.readAllBytes();
                }
            }
            writer.join(10_000);
        }
    }

    @Test
    void anEmbeddedDatasetReadsAsItLoadsAndHashesAsItIsStored() {
        ReadData read = DataSpec.of(EmbeddedDataset.DOW30).read();
        assertEquals(EmbeddedDataset.DOW30.sha256(), read.sha256());
        assertEquals(EmbeddedDataset.DOW30.load().size(), read.data().size());
    }
}
