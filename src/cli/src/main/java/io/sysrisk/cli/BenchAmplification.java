package io.sysrisk.cli;

import java.util.concurrent.Callable;

import io.sysrisk.bench.AmplificationBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench-amplification", mixinStandardHelpOptions = true,
        description = "Memory amplification against the packaged server (REST): many bodies just under the size limit "
                + "holding only zeros, at once, while good requests are sent; statuses, OutOfMemoryErrors, the good "
                + "requests' slowest answer, peak RSS. One JSON line.")
class BenchAmplification implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Option(names = "--hostile", defaultValue = "50", description = "Large requests at once (default ${DEFAULT-VALUE}).")
    int hostile;

    @Option(names = "--good", defaultValue = "20", description = "Good requests meanwhile (default ${DEFAULT-VALUE}).")
    int good;

    @Option(names = "--body-bytes", defaultValue = "2097000", description = "Size of each large body, just under the "
            + "2 MB limit (default ${DEFAULT-VALUE}).")
    int bodyBytes;

    @Override
    public Integer call() throws Exception {
        System.out.println(AmplificationBenchmark.run(server.jar(), server.request, server.java, server.jvm(), hostile,
                good, bodyBytes));
        return 0;
    }
}
