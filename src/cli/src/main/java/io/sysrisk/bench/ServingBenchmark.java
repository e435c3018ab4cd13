package io.sysrisk.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /**
     * @param badShare with more than 0, the loaded phase is a soak: each client sends this share of mutated requests
     *                 ({@link io.sysrisk.research.scoring.RequestMutations}) among the good ones; every good answer must equal
     *                 the single-client answer, no answer may be a 5xx
     */
    public static String run(Path runnerJar, Path requestFile, String java, List<String> serverJvm, int clients,
                             int total, double badShare) throws Exception {
        String body = Files.readString(requestFile);
        try (RunnerServer server = new RunnerServer(runnerJar, java, serverJvm)) {
            URI score = server.uri("/score");
            AtomicInteger errors = new AtomicInteger();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            // Warm-up until the JIT has compiled the hot path; resident memory is read after the first 1,000 requests.
            sequential(score, bytes, 1000, errors, new ArrayList<>());
            long rss1k = rssKb(server.pid());
            sequential(score, bytes, 2000, errors, new ArrayList<>());
            List<Double> serverSingle = new ArrayList<>();
            List<Double> single = sequential(score, bytes, 2000, errors, serverSingle);
            String reference;
            try (Client c = new Client(score, bytes)) {
                reference = probability(c.post()[1]);
            }

            Soak soak = new Soak(badShare, reference);
            long tl = System.nanoTime();
            List<Double> loaded = concurrent(score, bytes, clients, Math.max(0, Math.min(total, 10_000) - 5000), errors,
                    soak);
            double loadSeconds = (System.nanoTime() - tl) / 1e9;
            long rss10k = rssKb(server.pid());
            concurrent(score, bytes, clients, Math.max(0, total - 10_000), errors, soak);
            long rssEnd = rssKb(server.pid());
            // Last, so that the resident-memory figures above are of POST /score alone.
            String page = pageChunk(server);
            Collections.sort(single);
            Collections.sort(loaded);
            Collections.sort(serverSingle);
            return String.format(Locale.ROOT, "{\"bench\":\"serving-warm\",\"endpoint\":\"POST /score\","
                            + "\"request_days\":%d,\"start_to_ready_s\":%.2f,"
                            + "\"single_client_latency_ms_p50\":%.2f,\"single_client_latency_ms_p99\":%.2f,"
                            + "\"single_client_server_ms_p50\":%.2f,\"single_client_server_ms_p99\":%.2f,"
                            + "\"clients\":%d,\"loaded_requests\":%d,\"throughput_req_per_s\":%.0f,"
                            + "\"loaded_latency_ms_p50\":%.2f,\"loaded_latency_ms_p99\":%.2f,\"errors\":%d,%s"
                            + "\"rss_mb_after_1k\":%.1f,\"rss_mb_after_10k\":%.1f,%s"
                            + "%s\"server_alive_at_end\":%s,\"server_jvm\":\"%s\"}",
                    countDays(body), server.startSeconds, pct(single, 0.5), pct(single, 0.99), pct(serverSingle, 0.5),
                    pct(serverSingle, 0.99), clients, loaded.size(),
                    loaded.size() / loadSeconds, pct(loaded, 0.5), pct(loaded, 0.99), errors.get(), soak.json(),
                    rss1k / 1024.0, rss10k / 1024.0, total > 10_000
                            ? String.format(Locale.ROOT, "\"rss_mb_after_%dk\":%.1f,", total / 1000, rssEnd / 1024.0) : "",
                    page, server.ready(), String.join(" ", serverJvm));
        }
    }

    /**
     * The risk page's request for 1,000 dates (one chunk of the S&P 500's history, scored as POST /score scores it),
     * 30 times after 10 warm-up calls: client and server (its {@code serverMs}) medians.
     */
    private static String pageChunk(RunnerServer server) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(
                server.uri("/monitor/markets/sp500/history?chunk=2")).GET().build();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<Double> client = new ArrayList<>();
        List<Double> serverMs = new ArrayList<>();
        int dates = 0;
        for (int i = 0; i < 40; i++) {
            long t0 = System.nanoTime();
            java.net.http.HttpResponse<String> r = http.send(get, java.net.http.HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the page's history request answered " + r.statusCode() + ": "
                        + r.body());
            }
            if (i >= 10) {
                var tree = json.readTree(r.body());
                client.add(ms);
                serverMs.add(tree.path("serverMs").asDouble());
                dates = tree.path("dates").size();
            }
        }
        Collections.sort(client);
        Collections.sort(serverMs);
        return String.format(Locale.ROOT, "\"page_chunk_dates\":%d,\"page_chunk_ms_p50\":%.1f,"
                + "\"page_chunk_server_ms_p50\":%.1f,", dates, pct(client, 0.5), pct(serverMs, 0.5));
    }

    /** The soak's mix and what it saw: good answers that differ from the reference, statuses of the bad ones. */
    private static final class Soak {
        final double badShare;
        final String reference;
        final AtomicInteger bad = new AtomicInteger();
        final AtomicInteger bad4xx = new AtomicInteger();
        final AtomicInteger bad2xx = new AtomicInteger();
        final AtomicInteger fiveXx = new AtomicInteger();
        final AtomicInteger badNoAnswer = new AtomicInteger();
        final AtomicInteger goodDiffering = new AtomicInteger();

        Soak(double badShare, String reference) {
            this.badShare = badShare;
            this.reference = reference;
        }

        String json() {
            return badShare <= 0 ? "" : String.format(Locale.ROOT, "\"soak_bad_share\":%.2f,\"soak_bad_requests\":%d,"
                    + "\"soak_bad_4xx\":%d,\"soak_bad_2xx\":%d,\"soak_bad_no_answer\":%d,\"soak_5xx\":%d,"
                    + "\"soak_good_answers_differing\":%d,", badShare, bad.get(), bad4xx.get(), bad2xx.get(),
                    badNoAnswer.get(), fiveXx.get(), goodDiffering.get());
        }
    }

    private static String probability(String answer) {
        Matcher m = PROBABILITY.matcher(answer);
        return m.find() ? m.group(1) : null;
    }

    private static final Pattern PROBABILITY = Pattern.compile("\"probability\"\\s*:\\s*([-0-9.Ee]+)");

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

    private static List<Double> concurrent(URI score, byte[] body, int clients, int n, AtomicInteger errors, Soak soak)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger left = new AtomicInteger(n);
        String sample = new String(body, StandardCharsets.UTF_8);
        try {
            List<Future<List<Double>>> parts = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                parts.add(pool.submit(() -> {
                    List<Double> ms = new ArrayList<>();
                    List<Double> server = new ArrayList<>();
                    java.util.Random mix = new java.util.Random(100 + client);
                    io.sysrisk.research.scoring.RequestMutations mutations =
                            new io.sysrisk.research.scoring.RequestMutations(sample, 1000 + client);
                    try (Client good = new Client(score, body)) {
                        while (left.getAndDecrement() > 0) {
                            if (soak.badShare > 0 && mix.nextDouble() < soak.badShare) {
                                sendBad(score, mutations.next(), soak);
                                continue;
                            }
                            if (soak.badShare > 0) {
                                long t = System.nanoTime();
                                String[] r = postOrNull(good);
                                ms.add((System.nanoTime() - t) / 1e6);
                                if (r == null || !r[0].equals("200")) {
                                    errors.incrementAndGet();
                                    if (r != null && r[0].startsWith("5")) {
                                        soak.fiveXx.incrementAndGet();
                                    }
                                } else if (!java.util.Objects.equals(probability(r[1]), soak.reference)) {
                                    soak.goodDiffering.incrementAndGet();
                                }
                            } else {
                                ms.add(post(good, errors, server));
                            }
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

    /** A bad request on a connection of its own (the server may close one after an error). */
    private static void sendBad(URI score, String body, Soak soak) {
        soak.bad.incrementAndGet();
        try (Client c = new Client(score, body.getBytes(StandardCharsets.UTF_8))) {
            String[] r = c.post();
            if (r[0].startsWith("5")) {
                soak.fiveXx.incrementAndGet();
            } else if (r[0].startsWith("4")) {
                soak.bad4xx.incrementAndGet();
            } else {
                soak.bad2xx.incrementAndGet();
            }
        } catch (IOException e) {
            soak.badNoAnswer.incrementAndGet();
        }
    }

    private static String[] postOrNull(Client c) {
        try {
            return c.post();
        } catch (IOException e) {
            try {
                c.close();
            } catch (IOException ignored) {
                // reconnects on the next post
            }
            c.socket = null;
            return null;
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
            boolean chunked = false;
            for (String h; !(h = line()).isEmpty(); ) {
                if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(h.substring(15).trim());
                } else if (h.regionMatches(true, 0, "Transfer-Encoding:", 0, 18) && h.toLowerCase().contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
                for (int size; (size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; ) {
                    body.write(in.readNBytes(size));
                    line();
                }
                line();
                return new String[] {status.split(" ")[1], body.toString(StandardCharsets.UTF_8)};
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
