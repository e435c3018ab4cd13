package io.sysrisk.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Memory amplification against the packaged server (REST): {@code hostile} requests at once, each a body just under
 * the size limit holding nothing but zeros in one close array, while {@code good} ordinary requests are sent. Counts
 * answers by status, OutOfMemoryErrors in the server's log, the good requests' slowest answer, the server's peak
 * resident memory (VmHWM) and whether it still serves. One JSON line.
 */
public final class AmplificationBenchmark {

    private AmplificationBenchmark() {
    }

    public static String run(Path jar, Path request, String java, List<String> jvm, int hostile, int good,
                             int bodyBytes) throws Exception {
        String sample = Files.readString(request);
        StringBuilder zeros = new StringBuilder(bodyBytes);
        zeros.append("{\"dates\": [\"2020-01-02\"], \"series\": {\"close\": [0");
        while (zeros.length() < bodyBytes - 16) {
            zeros.append(",0");
        }
        String bomb = zeros.append("]}}").toString();
        try (RunnerServer server = new RunnerServer(jar, java, jvm)) {
            // HTTP/1.1: one connection per request, all of them at once (HTTP/2 would multiplex them on one).
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            AtomicInteger ok4xx = new AtomicInteger();
            AtomicInteger fivexx = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger goodOk = new AtomicInteger();
            List<CompletableFuture<?>> calls = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < hostile; i++) {
                calls.add(send(http, server, bomb).handle((r, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    } else if (r.statusCode() >= 500) {
                        fivexx.incrementAndGet();
                    } else if (r.statusCode() >= 400) {
                        ok4xx.incrementAndGet();
                    }
                    return null;
                }));
            }
            double[] goodMs = new double[good];
            for (int i = 0; i < good; i++) {
                int k = i;
                long s = System.nanoTime();
                calls.add(send(http, server, sample).handle((r, e) -> {
                    goodMs[k] = (System.nanoTime() - s) / 1e6;
                    if (e == null && r.statusCode() == 200) {
                        goodOk.incrementAndGet();
                    } else if (e == null && r.statusCode() >= 500) {
                        fivexx.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                    return null;
                }));
            }
            CompletableFuture.allOf(calls.toArray(new CompletableFuture[0])).join();
            double seconds = (System.nanoTime() - t0) / 1e9;
            Arrays.sort(goodMs);
            long hwmKb = peakResidentKb(server.pid());
            boolean alive = server.ready();
            long oom = server.logLines().stream().filter(l -> l.contains("OutOfMemoryError")).count();
            return String.format(Locale.ROOT, "{\"bench\":\"amplification\",\"server_jvm\":\"%s\",\"hostile\":%d,"
                            + "\"hostile_body_bytes\":%d,\"hostile_4xx\":%d,\"good\":%d,\"good_200\":%d,\"5xx\":%d,"
                            + "\"failed_or_reset\":%d,\"out_of_memory_errors\":%d,\"good_p50_ms\":%.1f,"
                            + "\"good_max_ms\":%.1f,\"peak_rss_mb\":%.0f,\"seconds\":%.1f,\"alive\":%b}",
                    String.join(" ", jvm), hostile, bomb.length(), ok4xx.get(), good, goodOk.get(), fivexx.get(),
                    failed.get(), oom, goodMs[good / 2], goodMs[good - 1], hwmKb / 1024.0, seconds, alive);
        }
    }

    private static CompletableFuture<HttpResponse<String>> send(HttpClient http, RunnerServer server, String body) {
        return http.sendAsync(HttpRequest.newBuilder(server.uri("/score")).timeout(Duration.ofSeconds(120))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** VmHWM of a process: its peak resident set, in KB (Linux). */
    static long peakResidentKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }
}
