package io.sysrisk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.sysrisk.bench.ColdStartBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-coldstart", mixinStandardHelpOptions = true,
        description = "Lambda cold start, process start to the first scored answer, every set-up in the same run: "
                + "function.zip as the managed runtime loads it (plain, with AppCDS, with a JDK 25 AOT cache), the "
                + "container image's jars-only layout (plain, with an AOT cache), and the libtorch baseline (DJL "
                + "loads the same model; empty and filled DJL cache). AOT rows need a JDK 25 launcher (--java). "
                + "Prints a table and one JSON line.")
class BenchColdStart implements Callable<Integer> {

    @Option(names = "--zip", defaultValue = "src/function/target/function.zip", description = "The packaged "
            + "function (./mvnw package -Plean-function; default ${DEFAULT-VALUE}).")
    Path zip;

    @Option(names = "--event", defaultValue = "infra/sample-request.json", description = "The invocation event.")
    Path event;

    @Option(names = "--java", defaultValue = "java", description = "The java launcher to start the function with "
            + "(Lambda's java25 runtime: a JDK 25).")
    String java;

    @Option(names = "--memory", defaultValue = "2048", description = "Function memory in MB (heap = 85%%).")
    int memory;

    @Option(names = "--runs", defaultValue = "5", description = "Measured starts per set-up (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--jvm", description = "Extra JVM option for every start (repeatable).")
    List<String> jvm = new ArrayList<>();

    @Option(names = "--store", defaultValue = io.sysrisk.store.ModelStore.DEFAULT_ROOT, description = "The libtorch baseline's model store.")
    Path store;

    @Option(names = "--model-version", defaultValue = io.sysrisk.store.ModelStore.DEFAULT_VERSION, description = "The libtorch baseline's model version "
            + "(the function serves its default, any-index).")
    String version;

    @Option(names = "--hello-zip", defaultValue = "src/hello/target/function.zip", description = "The hello-world "
            + "baseline (./mvnw -q package -f src/hello/pom.xml; default ${DEFAULT-VALUE}); left out when missing.")
    Path helloZip;

    @Option(names = "--no-libtorch-baseline", description = "Skip the libtorch baseline.")
    boolean noBaseline;

    @Option(names = "--deployed-jvm-options", defaultValue = "infra/function-jvm-options", description = "The "
            + "deployed function's JVM options (one per line; infra sets them as JAVA_TOOL_OPTIONS): the zip and the "
            + "hello-world are measured with them too (default ${DEFAULT-VALUE}; left out when missing).")
    Path deployedOptions;

    @Override
    public Integer call() throws Exception {
        System.out.println(ColdStartBenchmark.run(zip, event, java, memory, runs, jvm, store, version, !noBaseline,
                Files.isRegularFile(helloZip) ? helloZip : null, Files.isRegularFile(deployedOptions)
                        ? ColdStartBenchmark.deployedJvmOptions(deployedOptions) : List.of()));
        return 0;
    }
}
