package io.sysrisk.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy.sh image with stand-in aws and docker: without a reviewed base digest committed it stops before building
 * anything, and it never pulls or inspects a tag.
 */
class DeployScriptTest {

    @Test
    void theImageIsNotBuiltFromAFloatingTag(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("calls.txt");
        for (String tool : List.of("aws", "docker")) {
            Path t = bin.resolve(tool);
            Files.writeString(t, """
                    #!/usr/bin/env bash
                    echo "%s $*" >> "%s"
                    case "$1 $2" in
                      "sts get-caller-identity") echo 123456789012 ;;
                      "configure get") echo eu-west-1 ;;
                    esac
                    exit 0
                    """.formatted(tool, calls));
            Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ProcessBuilder pb = new ProcessBuilder("bash", Path.of("deploy.sh").toAbsolutePath().toString(), "image",
                "--skip-tests").redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("base-image.digest holds no reviewed base image"), out);
        assertFalse(out.contains("== building"), "nothing was built: " + out);
        String recorded = Files.exists(calls) ? Files.readString(calls) : "";
        assertFalse(recorded.contains("docker pull") || recorded.contains("docker inspect"), recorded);
    }
}
