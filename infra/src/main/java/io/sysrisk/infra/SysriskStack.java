package io.sysrisk.infra;

import java.util.List;
import java.util.Map;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.AssetImageCodeProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.DockerImageCode;
import software.amazon.awscdk.services.lambda.DockerImageFunction;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionUrl;
import software.amazon.awscdk.services.lambda.FunctionUrlAuthType;
import software.amazon.awscdk.services.lambda.FunctionUrlOptions;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The scoring function on AWS Lambda with an HTTPS Function URL (IAM-signed by default), a role that may only write
 * its own log group, 30-day log retention and bounded concurrency; SnapStart as an option. The models travel inside
 * the package (function.zip holds model-store/ at its root; the image's app.jar too).
 */
public class SysriskStack extends Stack {

    /**
     * The zip function's JVM options, one per line, relative to the CDK app's folder (infra/). Today one: core
     * reflection through native accessors, not method handles, which spares the start-up about 200 hidden classes
     * that Jackson's reflection over the model manifest's records would spin.
     */
    public static final java.nio.file.Path JVM_OPTIONS = java.nio.file.Path.of("function-jvm-options");

    static List<String> jvmOptions(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readAllLines(file).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the function's JVM options " + file.toAbsolutePath(), e);
        }
    }


    public static final String FUNCTION_NAME = "sysrisk-score";
    public static final String HANDLER = "io.sysrisk.serving.ScoreHandler::handleRequest";
    /** With SnapStart: the alias of the published version that serves. */
    public static final String LIVE_ALIAS = "live";

    public SysriskStack(Construct scope, String id, StackProps props, StackSettings s) {
        super(scope, id, props);

        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + s.named(FUNCTION_NAME))
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();

        // Least privilege: no managed policy, only writing to this function's own log group.
        Role role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("sysrisk scoring function: writes its own logs, nothing else")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logs.getLogGroupArn()))
                .build());

        // The function scores in Java from the models packaged in it (no DJL, no libtorch): only the version to serve.
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("SYSRISK_MODEL_VERSION", s.modelVersion());
        IFunction fn;
        if (s.packaging().equals("zip")) {
            // The lean function (./mvnw package -Plean-function, about 12 MB) on the java25 runtime: nothing is
            // unpacked at start, so /tmp keeps its default.
            // The JVM options of infra/function-jvm-options (the cold-start benchmark measures with the same file).
            Map<String, String> zipEnv = new java.util.LinkedHashMap<>(env);
            zipEnv.put("JAVA_TOOL_OPTIONS", String.join(" ", jvmOptions(JVM_OPTIONS)));
            Function.Builder zip = Function.Builder.create(this, "Function")
                    .functionName(s.named(FUNCTION_NAME))
                    .runtime(Runtime.JAVA_25)
                    .architecture(Architecture.X86_64)
                    .handler(HANDLER)
                    .code(Code.fromAsset(s.functionZip()))
                    .memorySize(s.memoryMb())
                    .reservedConcurrentExecutions(s.reservedConcurrency() == 0 ? null : s.reservedConcurrency())
                    .timeout(Duration.seconds(30))
                    .role(role)
                    .logGroup(logs)
                    .environment(zipEnv);
            if (s.snapStart()) {
                zip.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
            }
            Function function = zip.build();
            // SnapStart applies to published versions only: the URL and the outputs name the alias "live".
            fn = s.snapStart() ? Alias.Builder.create(this, "Live").aliasName(LIVE_ALIAS)
                    .version(function.getCurrentVersion()).build() : function;
        } else {
            // A Java 25 image with the function's jars on the class path and a JDK 25 AOT cache (image/Dockerfile).
            fn = DockerImageFunction.Builder.create(this, "Function")
                    .functionName(s.named(FUNCTION_NAME))
                    .architecture(Architecture.X86_64)
                    // Built for x86_64 whatever the builder's machine is (an arm64 laptop would otherwise build an
                    // image that deploys and then fails every call on this x86_64 function).
                    .code(DockerImageCode.fromImageAsset(s.imageDir(), AssetImageCodeProps.builder()
                            .platform(software.amazon.awscdk.services.ecr.assets.Platform.LINUX_AMD64)
                            .buildArgs(s.baseImage().isEmpty() ? Map.of() : Map.of("BASE", s.baseImage())).build()))
                    .memorySize(s.memoryMb())
                    .reservedConcurrentExecutions(s.reservedConcurrency() == 0 ? null : s.reservedConcurrency())
                    .timeout(Duration.seconds(30))
                    .role(role)
                    .logGroup(logs)
                    .environment(env)
                    .build();
        }

        FunctionUrl url = fn.addFunctionUrl(FunctionUrlOptions.builder()
                .authType(s.urlAuth().equals("NONE") ? FunctionUrlAuthType.NONE : FunctionUrlAuthType.AWS_IAM)
                .build());
        CfnOutput.Builder.create(this, "FunctionUrl").value(url.getUrl()).build();
        CfnOutput.Builder.create(this, "FunctionName").value(fn.getFunctionName()).build();
        CfnOutput.Builder.create(this, "FunctionQualifier").value(s.snapStart() ? LIVE_ALIAS : "$LATEST").build();
    }
}
