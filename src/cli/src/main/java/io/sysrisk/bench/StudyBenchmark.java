package io.sysrisk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import io.sysrisk.comparison.LeaveOneMarketOut;
import io.sysrisk.comparison.StudyEngine;
import io.sysrisk.comparison.StudyUnit;
import io.sysrisk.research.data.Markets;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.evidence.EvidenceJson;
import io.sysrisk.spark.SparkStudyEngine;
import io.sysrisk.store.ModelManifest;

/**
 * The quick study (its two outer folds and the served selection; no paper rows) run three ways in one process:
 * sequentially in this JVM, on a loopback Spark cluster of one one-task executor, and of {@code executors}; each
 * run's wall time, its units' own times, whether its JSON equals the sequential one (but the wall time), and a
 * model of the wall time at more cores from the measured unit times. Figures move about 2x between machines: compare
 * the rows of one run, not runs.
 */
public final class StudyBenchmark {

    /** One way of running the study: its wall time, its cluster's start, its units' times, and its JSON. */
    public record Run(String how, double clusterStartSeconds, double wallSeconds, List<Double> unitSeconds,
                      boolean identical) {
    }

    private StudyBenchmark() {
    }

    public static List<Run> run(ModelManifest m, int executors, int threads, Consumer<String> log)
            throws Exception {
        LeaveOneMarketOut.Settings settings = LeaveOneMarketOut.Settings.quick().withPaperRows(List.of());
        List<Run> runs = new ArrayList<>();
        String reference = null;
        for (int n : new int[] {0, 1, executors}) {
            List<Double> units = new ArrayList<>();
            long begun = System.nanoTime();
            double clusterStart = 0;
            Evidence.Result r;
            if (n == 0) {
                r = new LeaveOneMarketOut(settings, s -> { }).run(m.pooled(), m.model(), m.training().config(),
                        Markets.embedded(), StudyEngine.SEQUENTIAL.observed(o -> units.add(o.seconds())));
            } else {
                try (SparkStudyEngine engine = SparkStudyEngine.local(n, threads, s -> { })) {
                    clusterStart = (System.nanoTime() - begun) / 1e9;
                    r = new LeaveOneMarketOut(settings, s -> { }).run(m.pooled(), m.model(),
                            m.training().config(), Markets.embedded(), engine.observed(o -> units.add(o.seconds())));
                }
            }
            double wall = (System.nanoTime() - begun) / 1e9 - clusterStart;
            String json = withoutTime(r);
            reference = reference == null ? json : reference;
            Run run = new Run(n == 0 ? "sequential" : "spark, " + n + " executor(s)", clusterStart, wall, units,
                    json.equals(reference));
            log.accept(format(run));
            runs.add(run);
        }
        Run seq = runs.get(0);
        double judged = seq.wallSeconds() - seq.unitSeconds().stream().mapToDouble(Double::doubleValue).sum();
        double overhead = runs.get(1).wallSeconds() - seq.wallSeconds();
        log.accept(String.format(Locale.ROOT, "driver's own work (the sequential wall minus its units): %.1f s; "
                + "Spark's cost on one executor (its wall minus the sequential): %.1f s", judged, overhead));
        // Units that run at once may slow each other (shared memory bandwidth, or vCPUs on one physical core):
        // measured here as the units' time at the larger cluster over their time alone.
        double slowdown = runs.get(2).unitSeconds().stream().mapToDouble(Double::doubleValue).sum()
                / seq.unitSeconds().stream().mapToDouble(Double::doubleValue).sum();
        log.accept(String.format(Locale.ROOT, "units %d at a time ran %.2fx slower each than alone here", executors,
                slowdown));
        for (int cores : new int[] {executors, 16, 64}) {
            double s = schedule(seq.unitSeconds(), cores);
            log.accept(String.format(Locale.ROOT, "model at %d one-thread executors: %.1f s (driver %.1f s + the "
                    + "units' longest-first schedule %.1f s + Spark's cost %.1f s), %.1f s with units %.2fx slower "
                    + "as here; the longest unit bounds the schedule at %.1f s", cores, judged + s + overhead, judged,
                    s, overhead, judged + s * slowdown + overhead, slowdown, seq.unitSeconds().stream()
                            .mapToDouble(Double::doubleValue).max().orElse(0)));
        }
        return runs;
    }

    /** The makespan of {@code units} on {@code cores} one-task executors, longest first (LPT). */
    public static double schedule(List<Double> units, int cores) {
        double[] load = new double[cores];
        units.stream().sorted((a, b) -> Double.compare(b, a)).forEach(t -> {
            int k = 0;
            for (int i = 1; i < cores; i++) {
                k = load[i] < load[k] ? i : k;
            }
            load[k] += t;
        });
        return Arrays.stream(load).max().orElse(0);
    }

    static String format(Run r) {
        return String.format(Locale.ROOT, "{\"how\":\"%s\",\"clusterStartSeconds\":%.1f,\"studyWallSeconds\":%.1f,"
                + "\"unitSeconds\":%s,\"sameJsonAsSequential\":%b}", r.how(), r.clusterStartSeconds(),
                r.wallSeconds(), r.unitSeconds().stream().map(t -> String.format(Locale.ROOT, "%.1f", t)).toList(),
                r.identical());
    }

    private static String withoutTime(Evidence.Result r) throws java.io.IOException {
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(EvidenceJson.write(r));
        tree.remove("seconds");
        return tree.toString();
    }
}
