package io.sysrisk.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import io.sysrisk.spark.SparkScoring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "score-all", mixinStandardHelpOptions = true,
        description = "Score the full history of every CSV of a folder (one market each, named by its file, in the "
                + "model's input kind) with a stored model's pure-Java forward pass, one Apache Spark task per file; "
                + "writes one CSV table market,date,probability,alarm. A file that cannot be scored is named with "
                + "its reason (exit code 2) and the others are written.")
class ScoreAll implements Callable<Integer> {

    @Mixin
    StoredModelOptions stored;

    @Option(names = "--folder", required = true, description = "The folder of CSV files.")
    Path folder;

    @Option(names = "--out", required = true, description = "The table to write (replaced atomically).")
    Path out;

    @Option(names = "--spark", defaultValue = "local[*]", paramLabel = "MASTER", description = "local[N] (tasks "
            + "in this JVM; default ${DEFAULT-VALUE}: the Java forward pass draws no random numbers, so tasks may "
            + "share a JVM) or spark://host:port.")
    String master;

    @Override
    public Integer call() throws Exception {
        SparkScoring.Outcome o = SparkScoring.run(master, stored.store, stored.version, folder, out,
                System.out::println);
        System.out.printf("%d rows of %d file(s) written to %s%n", o.rows(), o.files() - o.failed().size(),
                o.table());
        for (Map.Entry<String, String> f : o.failed().entrySet()) {
            System.err.println("not scored: " + f.getKey() + ": " + f.getValue());
        }
        return o.failed().isEmpty() ? 0 : 2;
    }
}
