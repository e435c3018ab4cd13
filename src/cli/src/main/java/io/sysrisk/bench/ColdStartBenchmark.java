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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.sysrisk.store.ModelStore;

/**
 * Cold start to the first scored answer, every set-up measured in the same run (absolute times move 2x between
 * machines; the ratios do not). The function ({@code function.zip}) is started by AWS's runtime interface client
 * ({@code AWSLambda}) polling {@link RuntimeApiStandIn}, with the managed runtime's JVM flags:
 * <ul>
 * <li>{@code zip}: unpacked as the task root, as the managed {@code java25} runtime loads it (the runtime client's
 *     class loader over the task root and {@code lib/});</li>
 * <li>{@code zip+appcds}: the same with a dynamic class-data-sharing archive of one earlier start;</li>
 * <li>{@code zip+aot}: the same with a JDK 25 AOT cache (JEP 483/514/515) recorded by one earlier start;</li>
 * <li>{@code jars} and {@code jars+aot}: the container image's layout, every class in a jar on the JVM's class path
 *     (the function's own classes in {@code app.jar}), without and with an AOT cache trained as the image build
 *     trains it ({@code io.sysrisk.serving.AotTrainingRun});</li>
 * <li>the libtorch baseline, the path the function took before it scored in Java: a plain JVM that starts DJL,
 *     loads the same model from the store and scores one window, with an empty DJL cache (every zip cold start
 *     unpacked libtorch into /tmp) and with libtorch already unpacked. It has no Quarkus and no runtime client, so
 *     it is a lower bound of the old function's cold start.</li>
 * </ul>
 * Prints a table and one JSON line.
 */
public final class ColdStartBenchmark {

    public static final String HANDLER = "io.sysrisk.serving.ScoreHandler::handleRequest";
    /** Quarkus Funqy's own Lambda handler, which the hello-world baseline uses. */
    private static final String HANDLER_HELLO = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** Class path entries of the runtime itself (on Lambda: /var/runtime/lib), taken from this JVM's class path. */
    private static final List<String> RUNTIME_JARS = List.of("aws-lambda-java-runtime-interface-client",
            "aws-lambda-java-serialization", "aws-lambda-java-core", "utils-lite", "annotations");
    /** The managed runtime's launch flags: serial GC, C1 only. */
    private static final List<String> RUNTIME_FLAGS = List.of("-XX:+UseSerialGC", "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Djava.net.preferIPv4Stack=true");

    private ColdStartBenchmark() {
    }

    /** One measured set-up: a name, what it is, and how to start it once. */
    private record SetUp(String name, String description, Starter starter) {
    }

    @FunctionalInterface
    private interface Starter {
        double start(int run) throws Exception;
    }

    /**
     * @param helloZip a hello-world Funqy function packaged the same way ({@code src/hello}), or null: with it, a
     *                 "hello" set-up launched exactly as "zip" and the ratio zip / hello
     */
    /**
     * The JVM options the deployed zip function starts with (infra reads the same file into the function's
     * {@code JAVA_TOOL_OPTIONS}; one option per line).
     */
    public static final Path DEPLOYED_JVM_OPTIONS = Path.of("infra", "function-jvm-options");

    /** The options of {@link #DEPLOYED_JVM_OPTIONS}: its non-blank lines, {@code #} lines left out. */
    public static List<String> deployedJvmOptions(Path file) throws java.io.IOException {
        return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    public static String run(Path functionZip, Path event, String java, int memoryMb, int runs, List<String> extraJvm,
                             Path store, String version, boolean libtorchBaseline, Path helloZip) throws Exception {
        return run(functionZip, event, java, memoryMb, runs, extraJvm, store, version, libtorchBaseline, helloZip,
                List.of());
    }

    /**
     * @param deployed the deployed function's JVM options ({@link #DEPLOYED_JVM_OPTIONS}); when not empty, two more
     *                 set-ups: the zip started with them ("zip, deployed") and, with a hello-world, the hello-world
     *                 started with the same options ("hello, same options"), so that the ratio compares like with like
     */
    public static String run(Path functionZip, Path event, String java, int memoryMb, int runs, List<String> extraJvm,
                             Path store, String version, boolean libtorchBaseline, Path helloZip,
                             List<String> deployed) throws Exception {
        Path work = Files.createTempDirectory("sysrisk-coldstart-");
        try {
            Path taskRoot = unzip(functionZip, work.resolve("task"));
            boolean lean = leanZip(taskRoot);
            String eventJson = Files.readString(event);
            int feature = javaFeature(java);
            List<SetUp> setUps = new ArrayList<>();

            String zipCp = runtimeClassPath();
            Launch zip = new Launch(java, taskRoot, zipCp, memoryMb, eventJson, extraJvm, work, HANDLER,
                    "\"probability\"");
            setUps.add(new SetUp("zip", "zip as the managed runtime loads it", r -> zip.start()));
            if (helloZip != null) {
                Path helloRoot = unzip(helloZip, work.resolve("hello-task"));
                Launch hello = new Launch(java, helloRoot, zipCp, memoryMb, eventJson, extraJvm, work, HANDLER_HELLO,
                        "\"hello\"");
                setUps.add(new SetUp("hello", "baseline: a hello-world Funqy function, the same Quarkus, launched "
                        + "the same way", r -> hello.start()));
                if (!deployed.isEmpty()) {
                    Launch helloDeployed = withAll(hello, deployed);
                    setUps.add(new SetUp("hello, same options", "the hello-world with the deployed function's JVM "
                            + "options", r -> helloDeployed.start()));
                }
            }
            if (!deployed.isEmpty()) {
                Launch zipDeployed = withAll(zip, deployed);
                setUps.add(new SetUp("zip, deployed", "zip with the deployed function's JVM options ("
                        + String.join(" ", deployed) + ")", r -> zipDeployed.start()));
            }

            Path jsa = work.resolve("app-cds.jsa");
            zip.with("-XX:ArchiveClassesAtExit=" + jsa).startAndExit();
            Launch zipCds = zip.with("-XX:SharedArchiveFile=" + jsa);
            setUps.add(new SetUp("zip+appcds", "the same, with a dynamic AppCDS archive", r -> zipCds.start()));

            // The image's layout: the task root's classes in app.jar, everything on the class path, an empty task root.
            Path emptyRoot = Files.createDirectories(work.resolve("task-empty"));
            Path appJar = jarOf(taskRoot, work.resolve("app.jar"));
            List<String> jarsCp = new ArrayList<>(List.of(zipCp, appJar.toString()));
            try (var libs = Files.list(taskRoot.resolve("lib"))) {
                libs.map(Path::toString).sorted().forEach(jarsCp::add);
            }
            Launch jars = new Launch(java, emptyRoot, String.join(File.pathSeparator, jarsCp), memoryMb, eventJson,
                    extraJvm, work, HANDLER, "\"probability\"");
            setUps.add(new SetUp("jars", "image layout: every class in a jar on the class path", r -> jars.start()));

            if (feature >= 25) {
                Path zipAot = work.resolve("zip.aot");
                zip.with("-XX:AOTCacheOutput=" + zipAot).startAndExit();
                Launch zipWithAot = zip.with("-XX:AOTCache=" + zipAot);
                setUps.add(new SetUp("zip+aot", "zip with a JDK 25 AOT cache", r -> zipWithAot.start()));
                Path jarsAot = work.resolve("jars.aot");
                // Trained as the image build trains it: the function's AotTrainingRun, no Runtime API needed.
                trainAot(java, jars.classPath(), memoryMb, extraJvm, event, jarsAot, work);
                Launch jarsWithAot = jars.with("-XX:AOTCache=" + jarsAot);
                setUps.add(new SetUp("jars+aot", "image layout with a JDK 25 AOT cache", r -> jarsWithAot.start()));
            }
            if (libtorchBaseline) {
                Path unpackedCache = work.resolve("djl-cache-unpacked");
                Baseline torch = new Baseline(java, store, version, memoryMb, extraJvm, work);
                torch.start(unpackedCache); // fills the cache
                setUps.add(new SetUp("libtorch, empty DJL cache", "baseline: DJL loads the model, scores one window "
                        + "(libtorch unpacked first)", r -> {
                            Path fresh = work.resolve("djl-cache-empty-" + r);
                            try {
                                return torch.start(fresh);
                            } finally {
                                ModelStore.deleteTree(fresh);
                            }
                        }));
                setUps.add(new SetUp("libtorch, unpacked", "baseline: the same, libtorch already unpacked",
                        r -> torch.start(unpackedCache)));
            }

            // Interleaved: run i of every set-up before run i + 1 of any, so drift hits all alike.
            Map<String, List<Double>> samples = new java.util.LinkedHashMap<>();
            setUps.forEach(u -> samples.put(u.name(), new ArrayList<>()));
            for (int i = 0; i < runs; i++) {
                for (SetUp u : setUps) {
                    samples.get(u.name()).add(u.starter().start(i));
                }
            }

            StringBuilder table = new StringBuilder();
            table.append(String.format(Locale.ROOT, "cold start to the first scored answer, %s, %d MB, %d runs each, "
                    + "function.zip %.1f MB%s%n", javaVersion(java), memoryMb, runs, Files.size(functionZip) / 1048576.0,
                    lean ? "" : " (NOT the lean build: it has the HTTP listener; build with -Plean-function)"));
            table.append("| set-up | median s | runs |\n|---|---|---|\n");
            StringBuilder json = new StringBuilder();
            json.append(String.format(Locale.ROOT, "{\"bench\":\"lambda-cold-start\",\"java\":\"%s\",\"memory_mb\":%d,"
                    + "\"runs\":%d,\"jvm_extra\":\"%s\",\"function_zip_mb\":%.1f,\"lean_zip\":%s,\"median_s\":{",
                    javaVersion(java), memoryMb, runs, String.join(" ", extraJvm), Files.size(functionZip) / 1048576.0,
                    lean));
            String sep = "";
            for (SetUp u : setUps) {
                List<Double> v = samples.get(u.name());
                table.append(String.format(Locale.ROOT, "| %s: %s | %.2f | %s |%n", u.name(), u.description(),
                        median(v), fmt(v)));
                json.append(String.format(Locale.ROOT, "%s\"%s\":%.2f", sep, u.name(), median(v)));
                sep = ",";
            }
            json.append("},\"samples\":{");
            sep = "";
            for (SetUp u : setUps) {
                json.append(String.format(Locale.ROOT, "%s\"%s\":%s", sep, u.name(), fmt(samples.get(u.name()))));
                sep = ",";
            }
            json.append(String.format(Locale.ROOT, "},\"appcds_archive_mb\":%.1f", Files.size(jsa) / 1048576.0));
            if (helloZip != null) {
                double ratio = median(samples.get("zip")) / median(samples.get("hello"));
                table.append(String.format(Locale.ROOT, "zip / hello-world: %.2fx (medians)%n", ratio));
                json.append(String.format(Locale.ROOT, ",\"zip_vs_hello\":%.2f", ratio));
                if (!deployed.isEmpty()) {
                    double same = median(samples.get("zip, deployed")) / median(samples.get("hello, same options"));
                    double plain = median(samples.get("zip, deployed")) / median(samples.get("hello"));
                    table.append(String.format(Locale.ROOT, "zip, deployed / hello-world with the same options: "
                            + "%.2fx; / hello-world without them: %.2fx (medians)%n", same, plain));
                    json.append(String.format(Locale.ROOT, ",\"deployed_jvm_options\":\"%s\",\"deployed_vs_hello_same"
                            + "_options\":%.2f,\"deployed_vs_hello\":%.2f", String.join(" ", deployed), same, plain));
                }
            }
            json.append("}");
            if (feature < 25) {
                table.append("(no AOT cache rows: they need a JDK 25 launcher, --java PATH)\n");
            }
            return table + json.toString();
        } finally {
            ModelStore.deleteTree(work);
        }
    }

    private static Launch withAll(Launch l, List<String> options) {
        Launch out = l;
        for (String o : options) {
            out = out.with(o);
        }
        return out;
    }

    /** {@code io.sysrisk.serving.AotTrainingRun} with {@code -XX:AOTCacheOutput}, on the class path it will serve with. */
    private static void trainAot(String java, String classPath, int memoryMb, List<String> extraJvm, Path event,
                                 Path aot, Path work) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:MaxHeapSize=" + (memoryMb * 85 / 100) + "m"));
        List<String> jvm = new ArrayList<>(extraJvm);
        jvm.add("-XX:AOTCacheOutput=" + aot);
        cmd.addAll(runtimeFlags(jvm));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-classpath", classPath, "io.sysrisk.serving.AotTrainingRun", event.toAbsolutePath().toString(), "20"));
        Path log = work.resolve("aot-training.log");
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isRegularFile(aot)) {
            p.destroyForcibly();
            throw new IllegalStateException("the AOT training run failed; log:\n" + Files.readString(log));
        }
    }

    /** The lean build has no HTTP listener: no Vert.x HTTP jar in lib/. */
    private static boolean leanZip(Path taskRoot) throws IOException {
        try (var libs = Files.list(taskRoot.resolve("lib"))) {
            return libs.noneMatch(p -> p.getFileName().toString().contains("quarkus-vertx-http"));
        }
    }

    /** A jar of the task root's own files (not lib/): what the image build puts on the class path. */
    private static Path jarOf(Path taskRoot, Path jar) throws IOException {
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar)); var files = Files.walk(taskRoot)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = taskRoot.relativize(f).toString().replace(File.separatorChar, '/');
                if (name.startsWith("lib/")) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(name));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The libtorch baseline: {@link LibtorchColdStart} in a fresh JVM on this job's class path. */
    private record Baseline(String java, Path store, String version, int memoryMb, List<String> extraJvm, Path work) {
        double start(Path djlCache) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(java, "-XX:MaxHeapSize=" + (memoryMb * 85 / 100) + "m"));
            cmd.addAll(runtimeFlags(extraJvm));
            cmd.addAll(extraJvm);
            cmd.addAll(List.of("-classpath", String.join(File.pathSeparator, classPathEntries()),
                    LibtorchColdStart.class.getName(), store.toAbsolutePath().toString(), version));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("DJL_CACHE_DIR", djlCache.toString());
            pb.environment().put("OPT_OUT_TRACKING", "true");
            pb.environment().put("HOME", work.toString());
            long t0 = System.nanoTime();
            Process p = pb.start();
            StringBuilder log = new StringBuilder();
            try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith(LibtorchColdStart.SCORED)) {
                        return (System.nanoTime() - t0) / 1e9;
                    }
                    log.append(line).append('\n');
                }
            } finally {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            throw new IllegalStateException("the libtorch baseline did not score; log:\n" + log);
        }
    }

    /** How one cold start is launched; {@link #start} measures process start to the first scored answer. */
    private record Launch(String java, Path taskRoot, String classPath, int memoryMb, String eventJson,
                          List<String> extraJvm, Path work, String handler, String expect) {

        Launch with(String jvmOption) {
            List<String> jvm = new ArrayList<>(extraJvm);
            jvm.add(jvmOption);
            return new Launch(java, taskRoot, classPath, memoryMb, eventJson, jvm, work, handler, expect);
        }

        double start() throws Exception {
            return launch(false);
        }

        /** Lets the JVM exit normally after its answer (SIGTERM), as an archive or AOT cache written at exit needs. */
        void startAndExit() throws Exception {
            launch(true);
        }

        private double launch(boolean exitNormally) throws Exception {
            try (RuntimeApiStandIn api = new RuntimeApiStandIn(eventJson)) {
                List<String> cmd = new ArrayList<>(List.of(java, "-XX:MaxHeapSize=" + (memoryMb * 85 / 100) + "m"));
                cmd.addAll(runtimeFlags(extraJvm));
                cmd.addAll(extraJvm);
                cmd.addAll(List.of("-classpath", classPath, RIC_MAIN, handler));
                Path log = work.resolve("function.log");
                ProcessBuilder pb = new ProcessBuilder(cmd).directory(taskRoot.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                Map<String, String> env = pb.environment();
                env.keySet().removeIf(k -> k.startsWith("SYSRISK_") || k.startsWith("QUARKUS_") || k.startsWith("JAVA_TOOL"));
                env.put("AWS_LAMBDA_RUNTIME_API", api.address());
                env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
                env.put("_HANDLER", handler);
                env.put("AWS_LAMBDA_FUNCTION_NAME", "sysrisk");
                env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
                env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(memoryMb));
                env.put("AWS_REGION", "us-east-1");
                env.put("HOME", work.toString());
                long t0 = System.nanoTime();
                Process p = pb.start();
                try {
                    RuntimeApiStandIn.Answer a = awaitAnswer(api, p, log);
                    if (a.error() || !a.body().contains(expect)) {
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
                } finally {
                    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** The answer, failing at once (with the function's log) when the process dies first, or after 300 s. */
    private static RuntimeApiStandIn.Answer awaitAnswer(RuntimeApiStandIn api, Process p, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            try {
                return api.answer().get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("the function exited (" + p.exitValue() + ") without answering; "
                            + "log:\n" + Files.readString(log));
                }
            }
        }
        throw new IllegalStateException("no answer within 300 s; log:\n" + Files.readString(log));
    }

    /**
     * The managed runtime's flags; -Xshare:auto is left out next to an AOT cache option, which the JVM refuses to
     * combine with any -Xshare setting.
     */
    private static List<String> runtimeFlags(List<String> extraJvm) {
        boolean aot = extraJvm.stream().anyMatch(o -> o.startsWith("-XX:AOTCache"));
        return RUNTIME_FLAGS.stream().filter(f -> !(aot && f.startsWith("-Xshare"))).toList();
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

    /** The launcher's feature release: 17, 21, 25. */
    private static int javaFeature(String java) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("version \"(\\d+)").matcher(javaVersion(java).replace('\'', '"'));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
