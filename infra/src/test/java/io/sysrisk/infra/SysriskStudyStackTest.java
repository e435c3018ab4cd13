package io.sysrisk.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The study's EMR Serverless stack, synthesized offline. */
class SysriskStudyStackTest {

    private static Template synth(String stage, int vcpu) {
        return Template.fromStack(new SysriskStudyStack(new App(), "Study", StackProps.builder().build(),
                new StackSettings("zip", "function.zip", "image", 2048, "AWS_IAM", "any-index", 10, false, stage, ""),
                vcpu));
    }

    @Test
    void aSparkFourApplicationThatStopsWhenIdleAndIsCapped() {
        Template t = synth("prod", 64);
        t.hasResourceProperties("AWS::EMRServerless::Application", Map.of(
                "Name", "sysrisk-study-prod",
                "Type", "SPARK",
                "ReleaseLabel", SysriskStudyStack.RELEASE_LABEL,
                "Architecture", "X86_64",
                "AutoStartConfiguration", Map.of("Enabled", true),
                "AutoStopConfiguration", Map.of("Enabled", true, "IdleTimeoutMinutes", 15),
                "MaximumCapacity", Map.of("Cpu", "64 vCPU", "Memory", "320 GB", "Disk", "1600 GB")));
        assertEquals("emr-spark-8.0.0", SysriskStudyStack.RELEASE_LABEL, "Spark 4 on Java 17, as the study is built");
    }

    @Test
    void aPrivateEncryptedBucketThatOutlivesTheStack() {
        Template t = synth("", 16);
        t.hasResource("AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain", "Properties", Match.objectLike(Map.of(
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "VersioningConfiguration", Map.of("Status", "Enabled")))));
        // TLS only: the bucket policy denies any request without it.
        t.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny", "Condition",
                        Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
    }

    /** The job's role reads jars/ and runs/, writes reports/, lists the bucket: no wildcard action, no other bucket. */
    @Test
    void theJobRoleMayReadItsInputsAndWriteItsReportsOnly() {
        Template t = synth("", 64);
        t.hasResourceProperties("AWS::IAM::Role", Map.of("AssumeRolePolicyDocument", Match.objectLike(Map.of(
                "Statement", List.of(Match.objectLike(Map.of("Principal",
                        Map.of("Service", "emr-serverless.amazonaws.com"))))))));
        Map<String, Map<String, Object>> policies = t.findResources("AWS::IAM::Policy");
        assertEquals(1, policies.size());
        String doc = policies.values().iterator().next().toString();
        for (String part : List.of("s3:GetObject", "/jars/*", "/runs/*", "s3:PutObject", "/reports/*",
                "s3:ListBucket")) {
            assertTrue(doc.contains(part), part + " in " + doc);
        }
        assertTrue(!doc.contains("s3:*") && !doc.matches("(?s).*Action=\\*[,}\\]].*")
                && !doc.matches("(?s).*Resource=\\*[,}\\]].*"), "a wildcard action or resource: " + doc);
        t.hasOutput("ApplicationId", Match.anyValue());
        t.hasOutput("JobRoleArn", Match.anyValue());
        t.hasOutput("BucketName", Match.anyValue());
    }

    @Test
    void anUnboundedCapacityIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> synth("", 1000));
        assertThrows(IllegalArgumentException.class, () -> synth("", 1));
    }
}
