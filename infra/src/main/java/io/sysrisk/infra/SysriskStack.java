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
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.DockerImageCode;
import software.amazon.awscdk.services.lambda.DockerImageFunction;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionUrl;
import software.amazon.awscdk.services.lambda.FunctionUrlAuthType;
import software.amazon.awscdk.services.lambda.FunctionUrlOptions;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The scoring function on AWS Lambda with an HTTPS Function URL (IAM-signed by default), a role that may only write
 * its own log group, and 30-day log retention. The model store travels inside the package (function.zip holds
 * model-store/ at its root; the image copies it).
 */
public class SysriskStack extends Stack {

    public static final String FUNCTION_NAME = "sysrisk-score";
    public static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";

    public SysriskStack(Construct scope, String id, StackProps props, StackSettings s) {
        super(scope, id, props);

        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + FUNCTION_NAME)
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

        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("OPT_OUT_TRACKING", "true"); // DJL would otherwise call EC2 instance metadata at start
        env.put("SYSRISK_MODEL_VERSION", s.modelVersion());
        IFunction fn;
        if (s.packaging().equals("zip")) {
            // The lean function (./mvnw package -Plean-function: no DJL, no libtorch, about 24 MB) on the java25
            // runtime; it scores with the pure-Java engine, so nothing is unpacked at start and /tmp keeps its default.
            env.put("SYSRISK_MODEL_ENGINE", "java");
            fn = Function.Builder.create(this, "Function")
                    .functionName(FUNCTION_NAME)
                    .runtime(Runtime.JAVA_25)
                    .architecture(Architecture.X86_64)
                    .handler(HANDLER)
                    .code(Code.fromAsset(s.functionZip()))
                    .memorySize(s.memoryMb())
                    .reservedConcurrentExecutions(s.reservedConcurrency())
                    .timeout(Duration.seconds(30))
                    .role(role)
                    .logGroup(logs)
                    .environment(env)
                    .build();
        } else {
            // libtorch is unpacked in the image at /opt/libtorch: nothing large is written at start. The small JNI
            // library is pre-extracted into the read-only DJL cache as well (see image/Dockerfile).
            env.put("DJL_CACHE_DIR", "/opt/djl-cache");
            env.put("PYTORCH_LIBRARY_PATH", "/opt/libtorch");
            env.put("PYTORCH_VERSION", "2.7.1");
            env.put("PYTORCH_FLAVOR", "cpu");
            fn = DockerImageFunction.Builder.create(this, "Function")
                    .functionName(FUNCTION_NAME)
                    .architecture(Architecture.X86_64)
                    .code(DockerImageCode.fromImageAsset(s.imageDir()))
                    .memorySize(s.memoryMb())
                    .reservedConcurrentExecutions(s.reservedConcurrency())
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
    }
}
