package io.sysrisk.serving;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import io.quarkus.funqy.lambda.FunqyStreamHandler;

/**
 * The Lambda handler ({@code io.sysrisk.serving.ScoreHandler::handleRequest}): Funqy's, with the invocation's
 * request id kept for the duration of the call, so that the one log line of an internal error names it (Funqy does
 * not pass Lambda's context on to the function).
 */
public class ScoreHandler implements RequestStreamHandler {

    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

    private final RequestStreamHandler funqy;

    public ScoreHandler() {
        this(new FunqyStreamHandler());
    }

    ScoreHandler(RequestStreamHandler funqy) {
        this.funqy = funqy;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        REQUEST_ID.set(context == null ? null : context.getAwsRequestId());
        try {
            funqy.handleRequest(input, output, context);
        } finally {
            REQUEST_ID.remove();
        }
    }

    /** The request id of the invocation this thread is serving, or null outside one (REST, tests, quarkus:dev). */
    static String requestId() {
        return REQUEST_ID.get();
    }
}
