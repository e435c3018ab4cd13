package io.sysrisk.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
            sequential(http, score, body, 200, errors); // warm-up
            List<Double> single = sequential(http, score, body, 800, errors);
            long rss1k = rssKb(server.pid());

            long tl = System.nanoTime();
            List<Double> loaded = concurrent(score, body, clients, Math.max(0, Math.min(total, 10_000) - 1000), errors);
            double loadSeconds = (System.nanoTime() - tl) / 1e9;
            long rss10k = rssKb(server.pid());
            concurrent(score, body, clients, Math.max(0, total - 10_000), errors);
            long rssEnd = rssKb(server.pid());
            Collections.sort(single);
            Collections.sort(loaded);
            return String.format(Locale.ROOT, "{\"bench\":\"serving-warm\",\"endpoint\":\"POST /score\","
                            + "\"request_days\":%d,\"start_to_ready_s\":%.2f,"
                            + "\"single_client_latency_ms_p50\":%.2f,\"single_client_latency_ms_p99\":%.2f,"
                            + "\"clients\":%d,\"loaded_requests\":%d,\"throughput_req_per_s\":%.0f,"
                            + "\"loaded_latency_ms_p50\":%.2f,\"loaded_latency_ms_p99\":%.2f,\"errors\":%d,"
                            + "\"rss_mb_after_1k\":%.1f,\"rss_mb_after_10k\":%.1f,%s"
                            + "\"server_jvm\":\"%s\"}",
                    countDays(body), startSeconds, pct(single, 0.5), pct(single, 0.99), clients, loaded.size(),
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

    private static List<Double> sequential(HttpClient http, URI score, String body, int n, AtomicInteger errors)
            throws InterruptedException {
        List<Double> ms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ms.add(post(http, score, body, errors));
        }
        return ms;
    }

    private static List<Double> concurrent(URI score, String body, int clients, int n, AtomicInteger errors)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger left = new AtomicInteger(n);
        try {
            List<Future<List<Double>>> parts = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                parts.add(pool.submit(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    List<Double> ms = new ArrayList<>();
                    while (left.getAndDecrement() > 0) {
                        ms.add(post(http, score, body, errors));
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

    private static double post(HttpClient http, URI uri, String body, AtomicInteger errors)
            throws InterruptedException {
        long t = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !r.body().contains("\"probability\"")) {
                errors.incrementAndGet();
            }
        } catch (IOException e) {
            errors.incrementAndGet();
        }
        return (System.nanoTime() - t) / 1e6;
    }

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
