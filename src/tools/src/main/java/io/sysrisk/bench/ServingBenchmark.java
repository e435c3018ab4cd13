package io.sysrisk.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warm serving on {@code POST /score}: starts the packaged application (the runner jar, prod profile) on a free
 * loopback port, then measures one-client latency, throughput and latency under concurrent load, the error count,
 * and the server's resident memory after 1,000 and after 10,000 requests (a leak of native NDArrays would show as
 * growth). All traffic goes to 127.0.0.1 and stops after a fixed number of requests. Prints one JSON line.
 */
public final class ServingBenchmark {

    private ServingBenchmark() {
    }

    public static String run(Path runnerJar, Path requestFile, String java, List<String> serverJvm, int clients,
                             int total) throws Exception {
        if (!Files.isRegularFile(runnerJar)) {
            throw new IllegalArgumentException(runnerJar + " not found: build it with ./mvnw package -DskipTests");
        }
        String body = Files.readString(requestFile);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("sysrisk-serving-", ".log");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(serverJvm);
        cmd.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1", "-jar", runnerJar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OPT_OUT_TRACKING", "true");
        long t0 = System.nanoTime();
        Process server = pb.start();
        try {
            URI score = URI.create("http://127.0.0.1:" + port + "/score");
            URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            waitReady(http, ready, server, log);
            double startSeconds = (System.nanoTime() - t0) / 1e9;

            AtomicInteger errors = new AtomicInteger();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            // Warm-up until the JIT has compiled the hot path; resident memory is read after the first 1,000 requests.
            sequential(score, bytes, 1000, errors, new ArrayList<>());
            long rss1k = rssKb(server.pid());
            sequential(score, bytes, 2000, errors, new ArrayList<>());
            List<Double> serverSingle = new ArrayList<>();
            List<Double> single = sequential(score, bytes, 2000, errors, serverSingle);

            long tl = System.nanoTime();
            List<Double> loaded = concurrent(score, bytes, clients, Math.max(0, Math.min(total, 10_000) - 5000), errors);
            double loadSeconds = (System.nanoTime() - tl) / 1e9;
            long rss10k = rssKb(server.pid());
            concurrent(score, bytes, clients, Math.max(0, total - 10_000), errors);
            long rssEnd = rssKb(server.pid());
            Collections.sort(single);
            Collections.sort(loaded);
            Collections.sort(serverSingle);
            return String.format(Locale.ROOT, "{\"bench\":\"serving-warm\",\"endpoint\":\"POST /score\","
                            + "\"request_days\":%d,\"start_to_ready_s\":%.2f,"
                            + "\"single_client_latency_ms_p50\":%.2f,\"single_client_latency_ms_p99\":%.2f,"
                            + "\"single_client_server_ms_p50\":%.2f,\"single_client_server_ms_p99\":%.2f,"
                            + "\"clients\":%d,\"loaded_requests\":%d,\"throughput_req_per_s\":%.0f,"
                            + "\"loaded_latency_ms_p50\":%.2f,\"loaded_latency_ms_p99\":%.2f,\"errors\":%d,"
                            + "\"rss_mb_after_1k\":%.1f,\"rss_mb_after_10k\":%.1f,%s"
                            + "\"server_jvm\":\"%s\"}",
                    countDays(body), startSeconds, pct(single, 0.5), pct(single, 0.99), pct(serverSingle, 0.5),
                    pct(serverSingle, 0.99), clients, loaded.size(),
                    loaded.size() / loadSeconds, pct(loaded, 0.5), pct(loaded, 0.99), errors.get(), rss1k / 1024.0,
                    rss10k / 1024.0, total > 10_000
                            ? String.format(Locale.ROOT, "\"rss_mb_after_%dk\":%.1f,", total / 1000, rssEnd / 1024.0) : "",
                    String.join(" ", serverJvm));
        } finally {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    private static void waitReady(HttpClient http, URI ready, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited:\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("not ready within 120 s:\n" + Files.readString(log));
    }

    private static List<Double> sequential(URI score, byte[] body, int n, AtomicInteger errors, List<Double> serverMs)
            throws IOException {
        List<Double> ms = new ArrayList<>(n);
        try (Client client = new Client(score, body)) {
            for (int i = 0; i < n; i++) {
                ms.add(post(client, errors, serverMs));
            }
        }
        return ms;
    }

    private static List<Double> concurrent(URI score, byte[] body, int clients, int n, AtomicInteger errors)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger left = new AtomicInteger(n);
        try {
            List<Future<List<Double>>> parts = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                parts.add(pool.submit(() -> {
                    List<Double> ms = new ArrayList<>();
                    List<Double> server = new ArrayList<>();
                    try (Client client = new Client(score, body)) {
                        while (left.getAndDecrement() > 0) {
                            ms.add(post(client, errors, server));
                        }
                    }
                    return ms;
                }));
            }
            List<Double> all = new ArrayList<>(n);
            for (Future<List<Double>> f : parts) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A minimal HTTP/1.1 client on one kept-alive socket: the request's bytes are built once, the response is read by
     * its Content-Length. java.net's clients added 1.5-2 ms per request of their own to what was measured here.
     */
    private static final class Client implements AutoCloseable {
        private final URI uri;
        private final byte[] request;
        private java.net.Socket socket;
        private java.io.BufferedInputStream in;

        Client(URI uri, byte[] body) {
            this.uri = uri;
            byte[] head = ("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            request = new byte[head.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(body, 0, request, head.length, body.length);
        }

        /** Status and body of one POST; reconnects when the server closed the connection. */
        String[] post() throws IOException {
            if (socket == null) {
                socket = new java.net.Socket(uri.getHost(), uri.getPort());
                socket.setTcpNoDelay(true);
                in = new java.io.BufferedInputStream(socket.getInputStream());
            }
            socket.getOutputStream().write(request);
            String status = line();
            int length = -1;
            for (String h; !(h = line()).isEmpty(); ) {
                if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(h.substring(15).trim());
                }
            }
            if (length < 0) {
                throw new IOException("no Content-Length in the response");
            }
            return new String[] {status.split(" ")[1], new String(in.readNBytes(length), StandardCharsets.UTF_8)};
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
            }
        }
    }

    /** One POST; returns the client-side milliseconds and records the server's own {@code timing.totalMs}. */
    private static double post(Client client, AtomicInteger errors, List<Double> serverMs) {
        long t = System.nanoTime();
        try {
            String[] r = client.post();
            double ms = (System.nanoTime() - t) / 1e6;
            if (!r[0].equals("200") || !r[1].contains("\"probability\"")) {
                errors.incrementAndGet();
            } else {
                Matcher m = TOTAL_MS.matcher(r[1]);
                if (m.find()) {
                    serverMs.add(Double.parseDouble(m.group(1)));
                }
            }
            return ms;
        } catch (IOException e) {
            errors.incrementAndGet();
            try {
                client.close();
            } catch (IOException ignored) {
                // reconnects on the next post
            }
            client.socket = null;
            return (System.nanoTime() - t) / 1e6;
        }
    }

    private static final Pattern TOTAL_MS = Pattern.compile("\"totalMs\"\\s*:\\s*([0-9.]+)");

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static int countDays(String body) {
        int open = body.indexOf("\"dates\"");
        int end = body.indexOf(']', open);
        return open < 0 ? 0 : body.substring(open, end).split(",").length;
    }

    private static double pct(List<Double> sorted, double q) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }
}
