package io.sysrisk.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.Context;

/** The handler keeps the invocation's request id while Funqy runs the function, for its error log line. */
class ScoreHandlerTest {

    @Test
    void theRequestIdIsKnownDuringTheCallAndForgottenAfter() throws Exception {
        String[] seen = new String[1];
        ScoreHandler handler = new ScoreHandler((in, out, ctx) -> seen[0] = ScoreHandler.requestId());
        Context context = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> method.getName().equals("getAwsRequestId") ? "req-42" : null);
        handler.handleRequest(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), context);
        assertEquals("req-42", seen[0]);
        assertNull(ScoreHandler.requestId());
    }
}
