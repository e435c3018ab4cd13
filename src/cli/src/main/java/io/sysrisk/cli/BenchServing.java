package io.sysrisk.cli;

import java.util.concurrent.Callable;

import io.sysrisk.bench.ServingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench-serving", mixinStandardHelpOptions = true,
        description = "Warm POST /score on the packaged application: one-client latency, throughput and latency "
                + "under concurrent load, errors, resident memory after 1,000 and after --requests requests.")
class BenchServing implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--requests", defaultValue = "10000", description = "Requests in all, at least 10,000 (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--bad-share", defaultValue = "0", description = "Soak: this share of the loaded phase's requests "
            + "are mutated (bad) ones; every good answer must equal the single-client one, no answer a 5xx (e.g. 0.5).")
    double badShare;

    @Override
    public Integer call() throws Exception {
        System.out.println(ServingBenchmark.run(server.jar(), server.request, server.java, server.jvm(), clients, requests, badShare));
        return 0;
    }
}
