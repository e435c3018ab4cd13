package io.sysrisk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.sysrisk.bench.ColdStartBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-coldstart", mixinStandardHelpOptions = true,
        description = "Lambda cold start: function.zip as the task root, AWS's runtime interface client polling a "
                + "local Runtime API stand-in; process start to the first scored answer: the java engine (with and "
                + "without AppCDS) and, unless --java-engine-only, the djl engine with an empty and a filled DJL "
                + "cache and the container image's layout. Prints one JSON line.")
class BenchColdStart implements Callable<Integer> {

    @Option(names = "--zip", defaultValue = "target/function.zip", description = "The packaged function.")
    Path zip;

    @Option(names = "--event", defaultValue = "infra/sample-request.json", description = "The invocation event.")
    Path event;

    @Option(names = "--java", defaultValue = "java", description = "The java launcher to start the function with.")
    String java;

    @Option(names = "--memory", defaultValue = "2048", description = "Function memory in MB (heap = 85%%).")
    int memory;

    @Option(names = "--runs", defaultValue = "3", description = "Measured starts per cache state (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--jvm", description = "Extra JVM option for the function (repeatable), e.g. -XX:SharedArchiveFile=...")
    List<String> jvm = new ArrayList<>();

    @Option(names = "--java-engine-only", description = "Measure the java engine only (a lean function.zip, "
            + "built with -Plean-function, has no DJL to measure).")
    boolean javaEngineOnly;

    @Override
    public Integer call() throws Exception {
        System.out.println(ColdStartBenchmark.run(zip, event, java, memory, runs, jvm, !javaEngineOnly));
        return 0;
    }
}
