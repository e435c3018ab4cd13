package io.sysrisk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.sysrisk.bench.FuzzBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-fuzz", mixinStandardHelpOptions = true,
        description = "Seeded mutations of the sample request against the packaged server (REST): answers by status "
                + "class, 5xx, 200s with a non-finite number, unanswered requests, server alive at the end. One JSON "
                + "line.")
class BenchFuzz implements Callable<Integer> {

    @Option(names = "--jar", defaultValue = "src/function/target/sysrisk-function-0.1.0-SNAPSHOT-runner.jar",
            description = "The runner jar.")
    Path jar;

    @Option(names = "--request", defaultValue = "infra/sample-request.json", description = "The request to mutate.")
    Path request;

    @Option(names = "--java", defaultValue = "java", description = "The java launcher for the server.")
    String java;

    @Option(names = "--cases", defaultValue = "10000", description = "Mutated requests (default ${DEFAULT-VALUE}).")
    int cases;

    @Option(names = "--seed", defaultValue = "1", description = "Mutation seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--server-jvm", description = "JVM option for the server (repeatable); default -Xmx512m "
            + "-XX:+UseSerialGC.")
    List<String> serverJvm = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> jvm = serverJvm.isEmpty() ? List.of("-Xmx512m", "-XX:+UseSerialGC") : serverJvm;
        System.out.println(FuzzBenchmark.run(jar, request, java, jvm, cases, seed));
        return 0;
    }
}
