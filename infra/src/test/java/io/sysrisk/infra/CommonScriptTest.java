package io.sysrisk.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** common.sh's checks, sourced by a small script against a stand-in `aws`, as deploy.sh sources it. */
class CommonScriptTest {

    private record Run(int code, String output, String awsCalls) {
    }

    private static Run run(Path dir, String unreserved, Map<String, String> env, String script)
            throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("calls.txt");
        Path aws = bin.resolve("aws");
        Files.writeString(aws, """
                #!/usr/bin/env bash
                echo "$*" >> "%s"
                case "$1 $2" in
                  "configure get") echo us-east-2 ;;
                  "lambda get-account-settings") echo %s ;;
                esac
                """.formatted(calls, unreserved));
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", "-c", "here=" + Path.of("").toAbsolutePath()
                + "; . \"$here/common.sh\"; " + script)).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().remove("AWS_REGION");
        pb.environment().remove("AWS_DEFAULT_REGION");
        pb.environment().remove("SYSRISK_CDK_CLI_VERSION");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, Files.exists(calls) ? Files.readString(calls) : "");
    }

    @Test
    void theCdkVersionOverrideTakesAVersionNumberOnly(@TempDir Path dir) throws Exception {
        for (String spec : List.of("git+https://example.invalid/evil.git", "latest", "2.1148.1 --foo", "../x")) {
            Run r = run(dir, "1000", Map.of("SYSRISK_CDK_CLI_VERSION", spec), "echo sourced");
            assertEquals(2, r.code(), spec + ": " + r.output());
            assertTrue(r.output().contains("must be a version number"), r.output());
            assertFalse(r.output().contains("sourced"));
        }
        assertEquals(0, run(dir, "1000", Map.of("SYSRISK_CDK_CLI_VERSION", "2.1150.0"), "echo sourced").code());
    }

    @Test
    void theRegionIsResolvedOnceAsTheCliWouldAndExported(@TempDir Path dir) throws Exception {
        Run r = run(dir, "1000", Map.of("AWS_DEFAULT_REGION", "eu-north-1"),
                "resolve_region; echo \"$REGION $AWS_REGION $AWS_DEFAULT_REGION\"");
        assertEquals("eu-north-1 eu-north-1 eu-north-1", r.output().strip());
        r = run(dir, "1000", Map.of("AWS_REGION", "sa-east-1", "AWS_DEFAULT_REGION", "eu-north-1"),
                "resolve_region; echo \"$REGION $AWS_DEFAULT_REGION\"");
        assertEquals("sa-east-1 sa-east-1", r.output().strip());
        r = run(dir, "1000", Map.of(), "resolve_region; echo \"$REGION\"");
        assertEquals("us-east-2", r.output().strip(), "the profile's region last");
    }

    @Test
    void aReservationTheAccountCannotHoldIsRefusedBeforeDeploying(@TempDir Path dir) throws Exception {
        Run small = run(dir.resolve("a"), "10", Map.of("AWS_REGION", "eu-west-1"),
                "resolve_region; check_reserved_concurrency 10; echo deploying");
        assertEquals(1, small.code(), small.output());
        assertTrue(small.output().contains("cannot reserve 10 concurrent executions: the account has 10 unreserved")
                && small.output().contains("sysrisk:reservedConcurrency=0"), small.output());
        assertFalse(small.output().contains("deploying"));
        Run large = run(dir.resolve("b"), "1000", Map.of("AWS_REGION", "eu-west-1"),
                "resolve_region; check_reserved_concurrency 10; echo deploying");
        assertEquals(0, large.code(), large.output());
        Run none = run(dir.resolve("c"), "10", Map.of("AWS_REGION", "eu-west-1"),
                "resolve_region; check_reserved_concurrency 0; echo deploying");
        assertEquals(0, none.code(), none.output());
        assertFalse(none.awsCalls().contains("get-account-settings"), "no reservation, nothing to check");
    }
}
