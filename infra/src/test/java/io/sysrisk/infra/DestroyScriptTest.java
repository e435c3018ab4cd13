package io.sysrisk.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * destroy.sh against a stand-in `aws` command that records its calls: it names account, region and stack, and
 * deletes nothing unless told so (no terminal to ask, no --yes: no deletion).
 */
class DestroyScriptTest {

    private record Run(int code, String output, List<String> awsCalls) {
    }

    private static Run run(Path dir, String... args) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("calls.txt");
        Path aws = bin.resolve("aws");
        Files.writeString(aws, """
                #!/usr/bin/env bash
                echo "$*" >> "%s"
                case "$1 $2" in
                  "sts get-caller-identity") echo 123456789012 ;;
                  "configure get") echo eu-west-1 ;;
                esac
                exit 0
                """.formatted(calls));
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> cmd = new ArrayList<>(List.of("bash", Path.of("destroy.sh").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("STACK_NAME", "SysriskTest");
        pb.environment().remove("AWS_REGION");
        pb.environment().remove("AWS_DEFAULT_REGION");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        List<String> recorded = Files.exists(calls) ? Files.readAllLines(calls) : List.of();
        return new Run(p.exitValue(), out, recorded);
    }

    @Test
    void withoutYesAndWithoutATerminalNothingIsDeleted(@TempDir Path dir) throws Exception {
        Run r = run(dir);
        assertEquals(2, r.code(), r.output());
        assertTrue(r.output().contains("'SysriskTest' in account 123456789012, region eu-west-1"), r.output());
        assertFalse(r.awsCalls().stream().anyMatch(c -> c.contains("delete-stack")), r.awsCalls().toString());
    }

    @Test
    void withYesTheNamedStackIsDeleted(@TempDir Path dir) throws Exception {
        Run r = run(dir, "--yes");
        assertEquals(0, r.code(), r.output());
        assertTrue(r.awsCalls().contains("cloudformation delete-stack --stack-name SysriskTest"), r.awsCalls().toString());
    }

    @Test
    void anUnknownOptionIsRefused(@TempDir Path dir) throws Exception {
        Run r = run(dir, "--force");
        assertEquals(2, r.code(), r.output());
        assertTrue(r.awsCalls().isEmpty());
    }
}
