package io.sysrisk.serving;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * The training run of a JDK 25 AOT cache (JEP 483/514/515), for the container image's build: starts the function
 * through the same handler Lambda calls, scores an event a number of times, and exits, so that
 * {@code java -XX:AOTCacheOutput=app.aot -cp <the function's jars> io.sysrisk.serving.AotTrainingRun event.json}
 * records the classes and profiles of a real cold start and first requests. Needs no Lambda Runtime API.
 * Arguments: the event file, and how many invocations (default 20).
 */
public final class AotTrainingRun {

    private AotTrainingRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: AotTrainingRun EVENT_JSON [INVOCATIONS]");
            System.exit(2);
        }
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        int invocations = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        ScoreHandler handler = new ScoreHandler();
        for (int i = 0; i < invocations; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), out, new TrainingContext("aot-training-" + i));
            String answer = out.toString(StandardCharsets.UTF_8);
            if (!answer.contains("\"probability\"")) {
                System.err.println("the training event was not scored: " + answer);
                System.exit(1);
            }
        }
        System.out.println("AOT training run: " + invocations + " invocations scored");
        System.exit(0);
    }

    /** The little of Lambda's context a scoring call reads. */
    private record TrainingContext(String getAwsRequestId) implements Context {
        @Override
        public String getLogGroupName() {
            return "aot-training";
        }

        @Override
        public String getLogStreamName() {
            return "aot-training";
        }

        @Override
        public String getFunctionName() {
            return "sysrisk";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:sysrisk";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 30_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 2048;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.println(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.println(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
