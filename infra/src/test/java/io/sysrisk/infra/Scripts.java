package io.sysrisk.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** What the script tests share: a stand-in command written as an executable file. */
final class Scripts {

    private Scripts() {
    }

    /** {@code text} written to {@code file}, executable by its owner only. */
    static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }
}
