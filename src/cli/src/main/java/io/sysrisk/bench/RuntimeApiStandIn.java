package io.sysrisk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small stand-in for the Lambda Runtime API on 127.0.0.1, enough for AWS's runtime interface client: it hands
 * out one invocation event, then records the function's answer (or its init / invocation error) with the time it
 * arrived. Later polls for the next invocation are held open until the stand-in is closed.
 */
final class RuntimeApiStandIn implements AutoCloseable {

    /** The function's answer to the one invocation. */
    record Answer(boolean error, String body, long arrivedNanos) {
    }

    private static final String PREFIX = "/2018-06-01/runtime/";

    private final HttpServer server;
    private final byte[] event;
    private final AtomicInteger handedOut = new AtomicInteger();
    private final CompletableFuture<Answer> answer = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    RuntimeApiStandIn(String eventJson) throws IOException {
        this.event = eventJson.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api-stand-in");
            t.setDaemon(true);
            return t;
        }));
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    CompletableFuture<Answer> answer() {
        return answer;
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().substring(PREFIX.length());
        try (ex) {
            if (ex.getRequestMethod().equals("GET") && path.equals("invocation/next")) {
                if (handedOut.getAndIncrement() > 0) {
                    closed.join(); // one invocation per cold start: hold further polls
                    ex.sendResponseHeaders(500, -1);
                    return;
                }
                ex.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "bench-1");
                ex.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                        String.valueOf(System.currentTimeMillis() + 60_000));
                ex.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:us-east-1:000000000000:function:sysrisk");
                ex.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, event.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(event);
                }
                return;
            }
            String body = read(ex.getRequestBody());
            if (path.endsWith("/response")) {
                answer.complete(new Answer(false, body, System.nanoTime()));
            } else if (path.endsWith("/error") || path.equals("init/error")) {
                answer.complete(new Answer(true, path + ": " + body, System.nanoTime()));
            }
            ex.sendResponseHeaders(202, -1);
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closed.complete(null);
        server.stop(0);
    }
}
