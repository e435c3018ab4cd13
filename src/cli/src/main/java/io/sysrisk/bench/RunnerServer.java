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
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The function's runner jar (REST, prod profile) on a free loopback port, ready when its health check says so. */
public final class RunnerServer implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;
    final double startSeconds;

    public RunnerServer(Path runnerJar, String java, List<String> jvm) throws Exception {
        if (!Files.isRegularFile(runnerJar)) {
            throw new IllegalArgumentException(runnerJar + " not found: build it with ./mvnw package -DskipTests");
        }
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        log = Files.createTempFile("sysrisk-server-", ".log");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1", "-jar", runnerJar.toString()));
        long t0 = System.nanoTime();
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        waitReady();
        startSeconds = (System.nanoTime() - t0) / 1e9;
    }

    /**
     * The runner jar {@code ./mvnw package} leaves in {@code src/function/target} (named after the project version,
     * which this code does not repeat), or an error saying how to build it.
     */
    public static Path packagedJar() {
        Path target = Path.of("src", "function", "target");
        try (java.util.stream.Stream<Path> files = Files.list(target)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).toList();
            if (jars.size() != 1) {
                throw new IllegalStateException(jars.isEmpty() ? "no runner jar in " + target
                        + ": build it with ./mvnw package -DskipTests" : "several runner jars in " + target + ": " + jars);
            }
            return jars.get(0);
        } catch (IOException e) {
            throw new IllegalStateException(target + " cannot be read (" + e.getMessage() + "): build the function "
                    + "with ./mvnw package -DskipTests", e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public long pid() {
        return process.pid();
    }

    /** The server's output so far. */
    List<String> logLines() throws IOException {
        return Files.readAllLines(log);
    }

    /** Alive and answering its readiness check. */
    boolean ready() {
        if (!process.isAlive()) {
            return false;
        }
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            return http.send(HttpRequest.newBuilder(uri("/q/health/ready")).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void waitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited:\n" + Files.readString(log));
            }
            if (ready()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("not ready within 120 s:\n" + Files.readString(log));
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(log);
    }
}
