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
import java.util.Map;
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

    private static final String SYSRISK = "echo 'sysrisk: systemic-risk scoring function'";

    private static Run run(Path dir, String... args) throws IOException, InterruptedException {
        return run(dir, SYSRISK, Map.of(), args);
    }

    /** @param describe what the stand-in answers to describe-stacks (a shell command) */
    private static Run run(Path dir, String describe, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("calls.txt");
        Path aws = bin.resolve("aws");
        Files.writeString(aws, """
                #!/usr/bin/env bash
                echo "$*" >> "%s"
                case "$1 $2" in
                  "sts get-caller-identity") echo 123456789012 ;;
                  "configure get") echo eu-west-1 ;;
                  "cloudformation describe-stacks") %s ;;
                esac
                exit 0
                """.formatted(calls, describe));
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> cmd = new ArrayList<>(List.of("bash", Path.of("destroy.sh").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        // A CI job's own STACK_NAME must not pick the stack to delete.
        pb.environment().put("STACK_NAME", "SomeoneElsesStack");
        pb.environment().remove("AWS_REGION");
        pb.environment().remove("AWS_DEFAULT_REGION");
        pb.environment().remove("SYSRISK_STAGE");
        pb.environment().putAll(env);
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
        assertTrue(r.output().contains("'Sysrisk' in account 123456789012, region eu-west-1"), r.output());
        assertFalse(r.awsCalls().stream().anyMatch(c -> c.contains("delete-stack")), r.awsCalls().toString());
    }

    @Test
    void withYesTheNamedStackIsDeleted(@TempDir Path dir) throws Exception {
        Run r = run(dir, "--yes");
        assertEquals(0, r.code(), r.output());
        assertTrue(r.awsCalls().contains("cloudformation delete-stack --stack-name Sysrisk --region eu-west-1"),
                r.awsCalls().toString());
        assertFalse(r.awsCalls().toString().contains("SomeoneElsesStack"));
    }

    @Test
    void theStageAndTheDefaultRegionPickStackAndRegion(@TempDir Path dir) throws Exception {
        Run r = run(dir, SYSRISK, Map.of("SYSRISK_STAGE", "prod", "AWS_DEFAULT_REGION", "ap-south-1"), "--yes");
        assertEquals(0, r.code(), r.output());
        assertTrue(r.awsCalls().contains("cloudformation delete-stack --stack-name Sysrisk-prod --region ap-south-1"),
                r.awsCalls().toString());
    }

    @Test
    void aStackThatIsNotSysrisksIsRefused(@TempDir Path dir) throws Exception {
        Run r = run(dir, "echo 'payments service'", Map.of(), "--yes");
        assertEquals(1, r.code(), r.output());
        assertTrue(r.output().contains("is not sysrisk's"), r.output());
        assertFalse(r.awsCalls().stream().anyMatch(c -> c.contains("delete-stack")), r.awsCalls().toString());
    }

    @Test
    void onlyDoesNotExistMeansNothingToDelete(@TempDir Path dir) throws Exception {
        Run absent = run(dir.resolve("a"), "echo 'An error occurred (ValidationError): Stack with id Sysrisk does not "
                + "exist' >&2; exit 254", Map.of(), "--yes");
        assertEquals(0, absent.code(), absent.output());
        assertTrue(absent.output().contains("nothing to delete"), absent.output());
        Run throttled = run(dir.resolve("b"), "echo 'An error occurred (Throttling): Rate exceeded' >&2; exit 254",
                Map.of(), "--yes");
        assertEquals(1, throttled.code(), throttled.output());
        assertTrue(throttled.output().contains("cannot describe stack Sysrisk") && throttled.output().contains("Rate"),
                throttled.output());
        assertFalse(throttled.awsCalls().stream().anyMatch(c -> c.contains("delete-stack")));
    }

    @Test
    void anUnknownOptionIsRefused(@TempDir Path dir) throws Exception {
        Run r = run(dir, "--force");
        assertEquals(2, r.code(), r.output());
        assertTrue(r.awsCalls().isEmpty());
    }
}
