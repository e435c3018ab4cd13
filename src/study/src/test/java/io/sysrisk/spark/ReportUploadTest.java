package io.sysrisk.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report folder copied through Hadoop's file system API arrives whole, under the same names. */
class ReportUploadTest {

    @Test
    void everyFileArrivesUnderItsName(@TempDir Path dir) throws Exception {
        Path report = Files.createDirectories(dir.resolve("report"));
        Files.writeString(report.resolve("README.md"), "# report\n");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
        Files.write(Files.createDirectories(report.resolve("charts")).resolve("a.png"), png);
        Path target = dir.resolve("uploaded");
        assertEquals(2, ReportUpload.copy(report, target.toUri().toString()));
        assertEquals("# report\n", Files.readString(target.resolve("README.md")));
        assertArrayEquals(png, Files.readAllBytes(target.resolve("charts/a.png")));
        assertThrows(IllegalArgumentException.class, () -> ReportUpload.copy(report, "bucket/prefix"));
    }
}
