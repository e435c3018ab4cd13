package io.sysrisk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.sysrisk.bench.ServingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-serving", mixinStandardHelpOptions = true,
        description = "Warm POST /score on the packaged application: one-client latency, throughput and latency "
                + "under concurrent load, errors, resident memory after 1,000 and after --requests requests.")
class BenchServing implements Callable<Integer> {

    @Option(names = "--jar", defaultValue = "src/function/target/sysrisk-function-0.1.0-SNAPSHOT-runner.jar", description = "The runner jar.")
    Path jar;

    @Option(names = "--request", defaultValue = "infra/sample-request.json", description = "The request body.")
    Path request;

    @Option(names = "--java", defaultValue = "java", description = "The java launcher for the server.")
    String java;

    @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--requests", defaultValue = "10000", description = "Requests in all, at least 10,000 (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--server-jvm", description = "JVM option for the server (repeatable); default -Xmx512m -XX:+UseSerialGC, "
            + "a Lambda-sized heap and Lambda's collector: resident memory stops at the heap, so growth would be a leak.")
    List<String> serverJvm = new ArrayList<>();

    @Option(names = "--bad-share", defaultValue = "0", description = "Soak: this share of the loaded phase's requests "
            + "are mutated (bad) ones; every good answer must equal the single-client one, no answer a 5xx (e.g. 0.5).")
    double badShare;

    @Override
    public Integer call() throws Exception {
        List<String> jvm = serverJvm.isEmpty() ? List.of("-Xmx512m", "-XX:+UseSerialGC") : serverJvm;
        System.out.println(ServingBenchmark.run(jar, request, java, jvm, clients, requests, badShare));
        return 0;
    }
}
