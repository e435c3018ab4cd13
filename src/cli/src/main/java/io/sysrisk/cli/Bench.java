package io.sysrisk.cli;

import java.util.concurrent.Callable;

import io.sysrisk.bench.ModelBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-model", mixinStandardHelpOptions = true,
        description = "Benchmark the reference model (window 60, 16 features) through DJL and the pure-Java engine: "
                + "one-window latency p50/p99, batch-256 throughput, one training epoch on 4,096 windows; then the "
                + "served model (model-store/any-index) through both engines. Prints two JSON lines.")
class Bench implements Callable<Integer>, DjlJob {

    @Option(names = "--iterations", defaultValue = "2000", description = "Timed one-window predictions (default ${DEFAULT-VALUE}).")
    int iterations;

    @Override
    public Integer call() throws Exception {
        System.out.println(ModelBenchmark.run(SysriskCli.threads(), iterations));
        System.out.println(ModelBenchmark.runStored(java.nio.file.Path.of(io.sysrisk.store.ModelStore.DEFAULT_ROOT),
                io.sysrisk.store.ModelStore.DEFAULT_VERSION,
                SysriskCli.threads(), iterations));
        return 0;
    }
}
