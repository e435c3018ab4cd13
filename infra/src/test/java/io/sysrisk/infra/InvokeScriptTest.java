package io.sysrisk.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.sysrisk.infra.Scripts.executable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * invoke.sh --url against stand-in `aws` and `curl` commands that record their arguments: the secret key and the
 * session token reach curl only through its config file (never a command line, where other users' `ps` sees them),
 * that file is readable by its owner only and gone afterwards, and the stage picks the stack's outputs.
 */
class InvokeScriptTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRET";
    private static final String TOKEN = "IQoJb3JpZ2luX2VjSESSIONTOKEN";

    @Test
    void credentialsGoThroughAPrivateConfigFileNotTheCommandLine(@TempDir Path dir) throws Exception {
        Path infra = Files.createDirectories(dir.resolve("infra"));
        for (String f : List.of("invoke.sh", "common.sh", "sample-request.json")) {
            Files.copy(Path.of(f), infra.resolve(f));
        }
        Files.writeString(infra.resolve("cdk-outputs-prod.json"), """
                {"Sysrisk-prod": {"FunctionUrl": "https://example.lambda-url.eu-west-1.on.aws/",
                 "FunctionName": "sysrisk-score-prod", "FunctionQualifier": "$LATEST"}}""");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path argv = dir.resolve("argv.txt");
        Path seen = dir.resolve("curl-config.txt");
        executable(bin.resolve("aws"), """
                #!/usr/bin/env bash
                echo "aws $*" >> "%s"
                case "$1 $2" in
                  "configure export-credentials") echo '{"Version":1,"AccessKeyId":"AKIDEXAMPLE","SecretAccessKey":"%s","SessionToken":"%s"}' ;;
                  "configure get") echo eu-west-1 ;;
                esac
                exit 0
                """.formatted(argv, SECRET, TOKEN));
        executable(bin.resolve("curl"), """
                #!/usr/bin/env bash
                echo "curl $*" >> "%s"
                while [ $# -gt 0 ]; do
                  if [ "$1" = "-K" ]; then cp "$2" "%s"; stat -c %%a "$2" >> "%s"; echo "$2" >> "%s.path"; fi
                  shift
                done
                echo '{"scores":[{"probability":0.2}]}'
                """.formatted(argv, seen, seen, seen));
        ProcessBuilder pb = new ProcessBuilder("bash", infra.resolve("invoke.sh").toString(), "--url")
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("SYSRISK_STAGE", "prod");
        pb.environment().remove("AWS_REGION");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("probability"), out);

        String calls = Files.readString(argv);
        assertTrue(calls.contains("https://example.lambda-url.eu-west-1.on.aws/"), "the stage's outputs: " + calls);
        assertFalse(calls.contains(SECRET) || calls.contains(TOKEN), "a secret on a command line: " + calls);
        String config = Files.readString(seen);
        assertTrue(config.contains("user = \"AKIDEXAMPLE:" + SECRET + "\""), config);
        assertTrue(config.contains("x-amz-security-token: " + TOKEN), config);
        assertTrue(config.strip().endsWith("600"), "the config file's mode: " + config);
        Path used = Path.of(Files.readString(dir.resolve("curl-config.txt.path")).strip());
        assertFalse(Files.exists(used), "the config file is deleted after the call");
        assertFalse(Files.readString(infra.resolve("invoke.sh")).contains("eval "), "nothing is eval'ed");
    }
}
