package io.sysrisk.cli;

import java.util.concurrent.Callable;

import io.sysrisk.bench.StudyBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench-study", mixinStandardHelpOptions = true,
        description = "The quick study (two outer folds and the served selection) sequentially, then as Spark tasks on "
                + "a loopback cluster of one executor and of --executors, in one process: wall times, the units' own "
                + "times, whether each JSON equals the sequential one, and a model of the wall time at 16 and 64 "
                + "cores. About 4 min on 2 cores.")
class BenchStudy implements Callable<Integer>, DjlJob {

    @Mixin
    StoredModelOptions stored;

    @Option(names = "--executors", defaultValue = "2", description = "The larger cluster (default ${DEFAULT-VALUE}).")
    int executors;

    @Override
    public Integer call() throws Exception {
        boolean same = StudyBenchmark.run(stored.manifest(), executors, SysriskCli.threads(), System.out::println)
                .stream().allMatch(StudyBenchmark.Run::identical);
        return same ? 0 : 1;
    }
}
