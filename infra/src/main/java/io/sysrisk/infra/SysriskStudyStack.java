package io.sysrisk.infra;

import java.util.List;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.emrserverless.CfnApplication;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.constructs.Construct;

/**
 * The evidence study on a cluster (issue 39): an EMR Serverless Spark application on the AWS runtime for Apache Spark
 * 8.0 (Spark 4.0, Java 17, what the study is built against), a bucket for the study's jar, its model store and its
 * reports, and the job's role, which may read {@code jars/} and {@code runs/} and write {@code reports/} of that
 * bucket and nothing else. A job is a run of {@code report --spark submit} started by {@code infra/study-submit.sh};
 * the application starts on the first job and stops after 15 idle minutes, so an idle stack costs the bucket only.
 * Synthesized and checked offline (SysriskStudyStackTest); never deployed from here.
 */
public class SysriskStudyStack extends Stack {

    /** AWS's runtime for Apache Spark 4.0.2 on Java 17 (EMR Serverless, April 2026). */
    public static final String RELEASE_LABEL = "emr-spark-8.0.0";
    public static final String APPLICATION_NAME = "sysrisk-study";

    public SysriskStudyStack(Construct scope, String id, StackProps props, StackSettings s, int maxVcpu) {
        super(scope, id, props);
        if (maxVcpu < 2 || maxVcpu > 400) {
            throw new IllegalArgumentException("sysrisk:studyMaxVcpu must be 2..400, got " + maxVcpu);
        }
        Bucket bucket = Bucket.Builder.create(this, "Bucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(true)
                // Reports are the study's results: the bucket outlives the stack.
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        // One executor per task (executor cores = task cpus = 1, set by the job): libtorch's random generator is one
        // per process. The cap bounds the bill: maxVcpu / 1 executors, 4 GB each plus the driver.
        CfnApplication app = CfnApplication.Builder.create(this, "Application")
                .name(s.named(APPLICATION_NAME))
                .type("SPARK")
                .releaseLabel(RELEASE_LABEL)
                .architecture("X86_64")
                .autoStartConfiguration(CfnApplication.AutoStartConfigurationProperty.builder().enabled(true).build())
                .autoStopConfiguration(CfnApplication.AutoStopConfigurationProperty.builder().enabled(true)
                        .idleTimeoutMinutes(15).build())
                .maximumCapacity(CfnApplication.MaximumAllowedResourcesProperty.builder()
                        .cpu(maxVcpu + " vCPU").memory(maxVcpu * 5 + " GB").disk(maxVcpu * 25 + " GB").build())
                .build();

        Role role = Role.Builder.create(this, "JobRole")
                .assumedBy(new ServicePrincipal("emr-serverless.amazonaws.com"))
                .description("sysrisk study job: reads its jar and model store, writes its reports, nothing else")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject"))
                .resources(List.of(bucket.arnForObjects("jars/*"), bucket.arnForObjects("runs/*")))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject"))
                .resources(List.of(bucket.arnForObjects("reports/*")))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(bucket.getBucketArn()))
                .build());

        CfnOutput.Builder.create(this, "ApplicationId").value(app.getAttrApplicationId()).build();
        CfnOutput.Builder.create(this, "JobRoleArn").value(role.getRoleArn()).build();
        CfnOutput.Builder.create(this, "BucketName").value(bucket.getBucketName()).build();
    }
}
