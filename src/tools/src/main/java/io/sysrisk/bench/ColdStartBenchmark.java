package io.sysrisk.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.stream.Collectors;
import java.util.zip.ZipInputStream;

import io.sysrisk.store.ModelStore;

/**
 * Cold start the way Lambda's managed Java runtime starts the function: {@code function.zip} unpacked as the task
 * root, AWS's runtime interface client ({@code AWSLambda}) as the main class with the Quarkus Funqy handler, polling
 * {@link RuntimeApiStandIn}. Measures process start to the first scored answer. The served default, the pure-Java
 * engine (with an empty DJL cache: it must not need libtorch), alone and with a class-data-sharing archive; and in the
 * same run the DJL engine as the baseline: libtorch already unpacked in the DJL cache, an empty cache (a zip
 * package's real cold start), the container image's layout (libtorch pre-unpacked, {@code PYTORCH_LIBRARY_PATH}) and
 * that layout with a class-data-sharing archive. One JSON line.
 */
public final class ColdStartBenchmark {

    public static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** Class path entries of the runtime itself (on Lambda: /var/runtime/lib), taken from this JVM's class path. */
    private static final List<String> RUNTIME_JARS = List.of("aws-lambda-java-runtime-interface-client",
            "aws-lambda-java-serialization", "aws-lambda-java-core", "utils-lite", "annotations");

    private ColdStartBenchmark() {
    }

    public static String run(Path functionZip, Path event, String java, int memoryMb, int runs, List<String> extraJvm,
                             boolean withDjl) throws Exception {
        Path work = Files.createTempDirectory("sysrisk-coldstart-");
        try {
            Path taskRoot = unzip(functionZip, work.resolve("task"));
            String eventJson = Files.readString(event);
            Path warmCache = work.resolve("djl-cache-warm");
            // The served default: the pure-Java engine, alone and with an AppCDS archive of its own classes.
            Launch pure = new Launch(java, taskRoot, memoryMb, eventJson, extraJvm, Map.of(), work);
            Path pureJsa = work.resolve("java-engine-cds.jsa");
            List<String> pureDump = new ArrayList<>(extraJvm);
            pureDump.add("-XX:ArchiveClassesAtExit=" + pureJsa);
            new Launch(java, taskRoot, memoryMb, eventJson, pureDump, Map.of(), work)
                    .startAndExit(work.resolve("djl-cache-none"));
            List<String> pureCds = new ArrayList<>(extraJvm);
            pureCds.add("-XX:SharedArchiveFile=" + pureJsa);
            Launch pureWithCds = new Launch(java, taskRoot, memoryMb, eventJson, pureCds, Map.of(), work);
            long zipBytes = Files.size(functionZip);
            if (!withDjl) {
                List<Double> javaOnly = new ArrayList<>();
                List<Double> javaOnlyCds = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    javaOnly.add(pure.start(work.resolve("djl-cache-none-" + i)));
                    javaOnlyCds.add(pureWithCds.start(work.resolve("djl-cache-none-" + i)));
                }
                return String.format(Locale.ROOT, "{\"bench\":\"lambda-cold-start\",\"runtime\":\"%s\",\"java\":\"%s\","
                                + "\"memory_mb\":%d,\"runs\":%d,\"jvm_extra\":\"%s\",\"function_zip_mb\":%.1f,"
                                + "\"first_scored_s_java_engine_median\":%.2f,"
                                + "\"first_scored_s_java_engine_appcds_median\":%.2f,"
                                + "\"samples\":{\"java_engine\":%s,\"java_engine_appcds\":%s},\"appcds_archive_mb_java\":%.1f}",
                        "AWSLambda (aws-lambda-java-runtime-interface-client)", javaVersion(java), memoryMb, runs,
                        String.join(" ", extraJvm), zipBytes / 1048576.0, median(javaOnly), median(javaOnlyCds),
                        fmt(javaOnly), fmt(javaOnlyCds), Files.size(pureJsa) / 1048576.0);
            }

            // The baseline in the same run: the DJL engine (libtorch).
            List<String> djlJvm = new ArrayList<>(extraJvm);
            djlJvm.add("-Dsysrisk.model.engine=djl");
            Launch base = new Launch(java, taskRoot, memoryMb, eventJson, djlJvm, Map.of(), work);
            base.start(warmCache); // fills the cache

            // The container image's layout (infra/image): libtorch flat in its own folder, the JNI bridge
            // pre-extracted, the native jar gone from the task root.
            Path imageTask = work.resolve("task-image");
            copyTree(taskRoot, imageTask, p -> !p.getFileName().toString().startsWith("ai.djl.pytorch.pytorch-native-cpu"));
            Path libtorch = Files.createDirectories(work.resolve("opt/libtorch"));
            Path imageCache = work.resolve("opt/djl-cache");
            Path jniDir = Files.createDirectories(imageCache.resolve("pytorch/2.7.1-cpu-linux-x86_64"));
            try (var dirs = Files.list(warmCache.resolve("pytorch")); var files = Files.list(dirs.findFirst().orElseThrow())) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    if (name.endsWith("-libdjl_torch.so")) {
                        Files.copy(f, jniDir.resolve(name));
                    } else {
                        Files.createSymbolicLink(libtorch.resolve(name), f);
                    }
                }
            }
            Map<String, String> imageEnv = Map.of("PYTORCH_LIBRARY_PATH", libtorch.toString(), "PYTORCH_VERSION",
                    "2.7.1", "PYTORCH_FLAVOR", "cpu");
            Launch image = new Launch(java, imageTask, memoryMb, eventJson, djlJvm, imageEnv, work);

            // Class-data sharing: an archive of the classes one cold start loads, written when that JVM exits.
            Path jsa = work.resolve("app-cds.jsa");
            List<String> dump = new ArrayList<>(djlJvm);
            dump.add("-XX:ArchiveClassesAtExit=" + jsa);
            new Launch(java, imageTask, memoryMb, eventJson, dump, imageEnv, work).startAndExit(imageCache);
            List<String> useCds = new ArrayList<>(djlJvm);
            useCds.add("-XX:SharedArchiveFile=" + jsa);
            Launch imageCds = new Launch(java, imageTask, memoryMb, eventJson, useCds, imageEnv, work);

            List<Double> javaEngine = new ArrayList<>();
            List<Double> javaEngineCds = new ArrayList<>();
            List<Double> empty = new ArrayList<>();
            List<Double> unpacked = new ArrayList<>();
            List<Double> layout = new ArrayList<>();
            List<Double> layoutCds = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Path none = work.resolve("djl-cache-none-" + i);
                javaEngine.add(pure.start(none));
                javaEngineCds.add(pureWithCds.start(none));
                if (Files.exists(none)) {
                    try (var written = Files.list(none)) {
                        if (written.findAny().isPresent()) {
                            throw new IllegalStateException("the java engine wrote into the DJL cache " + none);
                        }
                    }
                }
                Path fresh = work.resolve("djl-cache-empty-" + i);
                empty.add(base.start(fresh));
                ModelStore.deleteTree(fresh);
                unpacked.add(base.start(warmCache));
                layout.add(image.start(imageCache));
                layoutCds.add(imageCds.start(imageCache));
            }
            return String.format(Locale.ROOT, "{\"bench\":\"lambda-cold-start\",\"runtime\":\"%s\",\"java\":\"%s\","
                            + "\"memory_mb\":%d,\"runs\":%d,\"jvm_extra\":\"%s\",\"function_zip_mb\":%.1f,"
                            + "\"first_scored_s_java_engine_median\":%.2f,"
                            + "\"first_scored_s_java_engine_appcds_median\":%.2f,"
                            + "\"first_scored_s_djl_empty_cache_median\":%.2f,"
                            + "\"first_scored_s_djl_libtorch_unpacked_median\":%.2f,"
                            + "\"first_scored_s_djl_image_layout_median\":%.2f,"
                            + "\"first_scored_s_djl_image_layout_appcds_median\":%.2f,"
                            + "\"samples\":{\"java_engine\":%s,\"java_engine_appcds\":%s,\"djl_empty_cache\":%s,"
                            + "\"djl_libtorch_unpacked\":%s,\"djl_image_layout\":%s,\"djl_image_layout_appcds\":%s},"
                            + "\"appcds_archive_mb_java\":%.1f,\"appcds_archive_mb_djl\":%.1f}",
                    "AWSLambda (aws-lambda-java-runtime-interface-client)", javaVersion(java), memoryMb, runs,
                    String.join(" ", extraJvm), zipBytes / 1048576.0, median(javaEngine), median(javaEngineCds), median(empty),
                    median(unpacked), median(layout), median(layoutCds), fmt(javaEngine), fmt(javaEngineCds),
                    fmt(empty), fmt(unpacked), fmt(layout), fmt(layoutCds), Files.size(pureJsa) / 1048576.0,
                    Files.size(jsa) / 1048576.0);
        } finally {
            ModelStore.deleteTree(work);
        }
    }

    /** How one cold start is launched; {@link #start} measures process start to the first scored answer. */
    private record Launch(String java, Path taskRoot, int memoryMb, String eventJson, List<String> extraJvm,
                          Map<String, String> extraEnv, Path work) {

        double start(Path djlCache) throws Exception {
            return launch(djlCache, false);
        }

        /** Lets the JVM exit normally after its answer (SIGTERM), as a class-data-sharing dump needs. */
        void startAndExit(Path djlCache) throws Exception {
            launch(djlCache, true);
        }

        private double launch(Path djlCache, boolean exitNormally) throws Exception {
            try (RuntimeApiStandIn api = new RuntimeApiStandIn(eventJson)) {
                List<String> cmd = new ArrayList<>(List.of(java,
                        // The managed runtime's launch flags (heap ~85% of the function's memory, serial GC, C1 only).
                        "-XX:MaxHeapSize=" + (memoryMb * 85 / 100) + "m", "-XX:+UseSerialGC", "-XX:+TieredCompilation",
                        "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Djava.net.preferIPv4Stack=true"));
                cmd.addAll(extraJvm);
                cmd.addAll(List.of("-classpath", runtimeClassPath(), RIC_MAIN, HANDLER));
                Path log = work.resolve("function.log");
                ProcessBuilder pb = new ProcessBuilder(cmd).directory(taskRoot.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                Map<String, String> env = pb.environment();
                env.keySet().removeIf(k -> k.startsWith("SYSRISK_") || k.startsWith("QUARKUS_") || k.startsWith("PYTORCH_"));
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
                env.putAll(extraEnv);
                long t0 = System.nanoTime();
                Process p = pb.start();
                try {
                    RuntimeApiStandIn.Answer a = api.answer().get(300, TimeUnit.SECONDS);
                    if (a.error() || !a.body().contains("\"probability\"")) {
                        throw new IllegalStateException("the function did not score the event: " + a.body()
                                + "\n(log: " + Files.readString(log) + ")");
                    }
                    double seconds = (a.arrivedNanos() - t0) / 1e9;
                    if (exitNormally) {
                        p.destroy();
                        if (!p.waitFor(120, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the function did not exit after SIGTERM");
                        }
                    }
                    return seconds;
                } catch (TimeoutException e) {
                    throw new IllegalStateException("no answer within 300 s; log:\n" + Files.readString(log), e);
                } finally {
                    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** This JVM's class path entries: the system class path and, under exec:java, the job's class loader's URLs. */
    private static List<String> classPathEntries() {
        List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        for (ClassLoader l = Thread.currentThread().getContextClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof java.net.URLClassLoader u) {
                for (java.net.URL url : u.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                        // not a file: not a jar the function could use
                    }
                }
            }
        }
        return entries;
    }

    private static String runtimeClassPath() {
        List<String> jars = new ArrayList<>();
        for (String entry : classPathEntries()) {
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

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String fmt(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).collect(Collectors.joining(",", "[", "]"));
    }

    private static void copyTree(Path from, Path to, java.util.function.Predicate<Path> keep) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (keep.test(f)) {
                    Files.copy(f, target);
                }
            }
        }
    }
}
