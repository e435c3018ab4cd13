package io.sysrisk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.sysrisk.bench.RequestCostBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-request", mixinStandardHelpOptions = true,
        description = "The costliest request per stored model (5,000 days, the last date scored) on the serving path, "
                + "beside the former path that computed features over every row, in the same run. One JSON line "
                + "per model.")
class BenchRequest implements Callable<Integer> {

    @Option(names = "--store", defaultValue = io.sysrisk.store.ModelStore.DEFAULT_ROOT, description = "Model store (default ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--runs", defaultValue = "21", description = "Timed runs per path (default ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() {
        RequestCostBenchmark.run(store, 5000, runs).forEach(System.out::println);
        return 0;
    }
}
