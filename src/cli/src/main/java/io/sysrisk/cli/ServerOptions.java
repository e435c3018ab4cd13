package io.sysrisk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** The packaged server the serving and fuzz benchmarks start, and the request they send it (a picocli mixin). */
class ServerOptions {

    @Option(names = "--jar", description = "The runner jar (default: the one in src/function/target).")
    Path jar;

    @Option(names = "--request", defaultValue = "infra/sample-request.json", description = "The request body.")
    Path request;

    @Option(names = "--java", defaultValue = "java", description = "The java launcher for the server.")
    String java;

    @Option(names = "--server-jvm", description = "JVM option for the server (repeatable); default -Xmx512m "
            + "-XX:+UseSerialGC, a Lambda-sized heap and Lambda's collector: resident memory stops at the heap, so "
            + "growth would be a leak.")
    List<String> serverJvm = new ArrayList<>();

    Path jar() {
        return jar != null ? jar : io.sysrisk.bench.RunnerServer.packagedJar();
    }

    List<String> jvm() {
        return serverJvm.isEmpty() ? List.of("-Xmx512m", "-XX:+UseSerialGC") : serverJvm;
    }
}
