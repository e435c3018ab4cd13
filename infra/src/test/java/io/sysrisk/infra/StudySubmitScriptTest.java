package io.sysrisk.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.sysrisk.infra.Scripts.executable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * study-submit.sh against a stand-in `aws` that records its calls: the jar goes to jars/ under its SHA-256, the model
 * store (without its report) to runs/, and the job run asks for one-task executors, the study's main class, the
 * model store unpacked as ./model-store, and its report uploaded to reports/ of the stack's bucket.
 */
class StudySubmitScriptTest {

    @Test
    void theJobRunAsksForOneTaskExecutorsAndUploadsItsReport(@TempDir Path dir) throws Exception {
        Path infra = Files.createDirectories(dir.resolve("infra"));
        for (String f : List.of("study-submit.sh", "common.sh")) {
            Files.copy(Path.of(f), infra.resolve(f));
        }
        Path version = Files.createDirectories(dir.resolve("model-store/any-index/report"));
        Files.writeString(version.getParent().resolve("model.json"), "{}");
        Files.writeString(version.resolve("README.md"), "the report stays home");
        Path jar = Files.writeString(dir.resolve("fake.jar"), "not really a jar");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("calls.txt");
        Path uploaded = Files.createDirectories(dir.resolve("uploaded"));
        executable(bin.resolve("aws"), """
                #!/usr/bin/env bash
                printf '%%s\\n' "aws $*" >> "%s"
                case "$1 $2" in
                  "configure get") echo eu-west-1 ;;
                  "cloudformation describe-stacks")
                    case "$*" in
                      *ApplicationId*) echo 00abc123 ;;
                      *JobRoleArn*) echo arn:aws:iam::123456789012:role/job ;;
                      *BucketName*) echo study-bucket ;;
                    esac ;;
                  "s3 cp") cp "$4" "%s/$(basename "$5")" ;;
                  "emr-serverless start-job-run") echo jr-0001 ;;
                esac
                exit 0
                """.formatted(calls, uploaded));
        ProcessBuilder pb = new ProcessBuilder("bash", "infra/study-submit.sh", "--executors", "3")
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("SYSRISK_STUDY_JAR", jar.toString());
        pb.environment().remove("AWS_REGION");
        pb.environment().remove("AWS_DEFAULT_REGION");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("job run jr-0001") && out.contains("s3://study-bucket/reports/"), out);

        List<String> lines = Files.readAllLines(calls);
        String sha = new String(new ProcessBuilder("sha256sum", jar.toString()).start().getInputStream()
                .readAllBytes()).substring(0, 16);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("aws s3 cp") && l.endsWith(
                "s3://study-bucket/jars/sysrisk-study-" + sha + ".jar")), lines.toString());
        try (ZipFile zip = new ZipFile(uploaded.resolve("model-store.zip").toFile())) {
            assertTrue(zip.getEntry("any-index/model.json") != null, "the version's files travel");
            assertFalse(zip.stream().anyMatch(e -> e.getName().contains("report/")), "its report does not");
        }
        String run = lines.stream().filter(l -> l.startsWith("aws emr-serverless start-job-run")).findFirst()
                .orElseThrow();
        for (String part : List.of("--application-id 00abc123", "--execution-role-arn arn:aws:iam::123456789012:role/job",
                "\"entryPoint\":\"s3://study-bucket/jars/sysrisk-study-" + sha + ".jar\"",
                "\"report\",\"--version\",\"any-index\",\"--spark\",\"submit\"",
                "\"--upload\",\"s3://study-bucket/reports/", "--class io.sysrisk.cli.SysriskCli",
                "model-store.zip#model-store", "spark.executor.cores=1", "spark.task.cpus=1",
                "spark.dynamicAllocation.maxExecutors=3", "--region eu-west-1")) {
            assertTrue(run.contains(part), part + " in " + run);
        }
        assertFalse(run.contains("--quick"), run);
    }

    @Test
    void aBadExecutorCountStopsBeforeAnyCall(@TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder("bash", Path.of("study-submit.sh").toAbsolutePath().toString(), "--executors",
                "0").directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("--executors must be"), out);
    }
}
