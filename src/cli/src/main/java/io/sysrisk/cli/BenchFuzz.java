package io.sysrisk.cli;

import java.util.concurrent.Callable;

import io.sysrisk.bench.FuzzBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench-fuzz", mixinStandardHelpOptions = true,
        description = "Seeded mutations of the sample request against the packaged server (REST): answers by status "
                + "class, 5xx, 200s with a non-finite number, unanswered requests, server alive at the end. One JSON "
                + "line.")
class BenchFuzz implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Option(names = "--cases", defaultValue = "10000", description = "Mutated requests (default ${DEFAULT-VALUE}).")
    int cases;

    @Option(names = "--seed", defaultValue = "1", description = "Mutation seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        System.out.println(FuzzBenchmark.run(server.jar(), server.request, server.java, server.jvm(), cases, seed));
        return 0;
    }
}
