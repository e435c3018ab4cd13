package io.sysrisk.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.sysrisk.store.ModelStore;

/**
 * Cold start the way Lambda's managed Java runtime starts the function: {@code function.zip} unpacked as the task
 * root, AWS's runtime interface client ({@code AWSLambda}) as the main class with the Quarkus Funqy handler, polling
 * {@link RuntimeApiStandIn}. Measures process start to the first scored answer, with libtorch already unpacked in
 * the DJL cache and with an empty cache, and prints one JSON line.
 */
public final class ColdStartBenchmark {

    public static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** Class path entries of the runtime itself (on Lambda: /var/runtime/lib), taken from this JVM's class path. */
    private static final List<String> RUNTIME_JARS = List.of("aws-lambda-java-runtime-interface-client",
            "aws-lambda-java-serialization", "aws-lambda-java-core", "utils-lite", "annotations");

    private ColdStartBenchmark() {
    }

    /** One measured start. */
    record Run(String cache, double seconds, boolean scored) {
        Run withCache(String c) {
            return new Run(c, seconds, scored);
        }
    }

    public static String run(Path functionZip, Path event, String java, int memoryMb, int runs, List<String> extraJvm)
            throws Exception {
        Path work = Files.createTempDirectory("sysrisk-coldstart-");
        try {
            Path taskRoot = unzip(functionZip, work.resolve("task"));
            String eventJson = Files.readString(event);
            Path warmCache = work.resolve("djl-cache-warm");
            start(java, taskRoot, warmCache, memoryMb, eventJson, extraJvm, work); // fills the cache
            List<Run> results = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                results.add(start(java, taskRoot, warmCache, memoryMb, eventJson, extraJvm, work).withCache("unpacked"));
                Path empty = work.resolve("djl-cache-empty-" + i);
                results.add(start(java, taskRoot, empty, memoryMb, eventJson, extraJvm, work).withCache("empty"));
                ModelStore.deleteTree(empty);
            }
            double[] warm = results.stream().filter(r -> r.cache().equals("unpacked")).mapToDouble(Run::seconds).sorted().toArray();
            double[] cold = results.stream().filter(r -> r.cache().equals("empty")).mapToDouble(Run::seconds).sorted().toArray();
            boolean allScored = results.stream().allMatch(Run::scored);
            return String.format(Locale.ROOT, "{\"bench\":\"lambda-cold-start\",\"runtime\":\"%s\",\"java\":\"%s\","
                            + "\"memory_mb\":%d,\"runs\":%d,\"jvm_extra\":\"%s\","
                            + "\"first_scored_s_libtorch_unpacked_median\":%.2f,\"first_scored_s_libtorch_unpacked\":%s,"
                            + "\"first_scored_s_empty_cache_median\":%.2f,\"first_scored_s_empty_cache\":%s,"
                            + "\"all_scored\":%b}",
                    RIC_MAIN.substring(RIC_MAIN.lastIndexOf('.') + 1) + " (aws-lambda-java-runtime-interface-client)",
                    javaVersion(java), memoryMb, runs, String.join(" ", extraJvm), median(warm), Arrays.toString(warm),
                    median(cold), Arrays.toString(cold), allScored);
        } finally {
            ModelStore.deleteTree(work);
        }
    }

    private static Run start(String java, Path taskRoot, Path djlCache, int memoryMb, String eventJson,
                             List<String> extraJvm, Path work) throws Exception {
        try (RuntimeApiStandIn api = new RuntimeApiStandIn(eventJson)) {
            List<String> cmd = new ArrayList<>(List.of(java,
                    // The managed runtime's launch flags (heap ~85% of the function's memory, serial GC, C1 only).
                    "-XX:MaxHeapSize=" + (memoryMb * 85 / 100) + "m", "-XX:+UseSerialGC", "-XX:+TieredCompilation",
                    "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Djava.net.preferIPv4Stack=true"));
            cmd.addAll(extraJvm);
            cmd.addAll(List.of("-classpath", runtimeClassPath(), RIC_MAIN, HANDLER));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(taskRoot.toFile())
                    .redirectErrorStream(true).redirectOutput(work.resolve("function.log").toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("SYSRISK_") || k.startsWith("QUARKUS_"));
            env.put("AWS_LAMBDA_RUNTIME_API", api.address());
            env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
            env.put("_HANDLER", HANDLER);
            env.put("AWS_LAMBDA_FUNCTION_NAME", "sysrisk");
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(memoryMb));
            env.put("AWS_REGION", "us-east-1");
            env.put("HOME", work.toString());
            env.put("DJL_CACHE_DIR", djlCache.toString());
            env.put("OPT_OUT_TRACKING", "true");
            long t0 = System.nanoTime();
            Process p = pb.start();
            try {
                RuntimeApiStandIn.Answer a = api.answer().get(300, TimeUnit.SECONDS);
                double seconds = (a.arrivedNanos() - t0) / 1e9;
                boolean scored = !a.error() && a.body().contains("\"probability\"");
                if (!scored) {
                    throw new IllegalStateException("the function did not score the event: " + a.body()
                            + "\n(log: " + Files.readString(work.resolve("function.log")) + ")");
                }
                return new Run("", seconds, true);
            } catch (TimeoutException e) {
                throw new IllegalStateException("no answer within 300 s; log:\n"
                        + Files.readString(work.resolve("function.log")), e);
            } finally {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String runtimeClassPath() {
        List<String> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (RUNTIME_JARS.stream().anyMatch(j -> name.startsWith(j + "-"))) {
                jars.add(entry);
            }
        }
        if (jars.stream().noneMatch(j -> j.contains("runtime-interface-client"))) {
            throw new IllegalStateException("aws-lambda-java-runtime-interface-client is not on the class path; run "
                    + "through ./mvnw -Pbench-coldstart");
        }
        return String.join(File.pathSeparator, jars);
    }

    private static Path unzip(Path zip, Path target) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalArgumentException(zip + " not found: build it first with ./mvnw package -DskipTests");
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path out = target.resolve(e.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    private static String javaVersion(String java) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        try (InputStream in = p.getInputStream()) {
            String first = new String(in.readAllBytes()).lines().findFirst().orElse("?");
            p.waitFor();
            return first.replace("\"", "'");
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
