package io.sysrisk.comparison;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.sysrisk.evaluation.Metrics;

/** Everything the comparison measured; written as comparison.json beside the report. */
public record ComparisonResult(String experiment, String testPeriod, int testWindows, int testPositives,
                               List<Row> models, List<Row> indicators, List<Row> ablations, List<Row> walkForward,
                               List<Row> walkForwardPooled, List<Row> crossMarket, String crossMarketSetup,
                               double seconds, String mode) {

    /**
     * One line of a table: the metrics of one run (the first seed for trained models) with block-bootstrap
     * intervals, the spread across seeds when there were several, and the scores behind the curves.
     */
    public record Row(String name, Metrics metrics, BlockBootstrap.Intervals intervals, SeedSpread seeds,
                      String note, @JsonIgnore double[] scores, @JsonIgnore int[] labels) {
    }

    /** Mean and standard deviation across seeds of the headline metrics. */
    public record SeedSpread(int n, double f1Mean, double f1Sd, double prAucMean, double prAucSd, double rocAucMean,
                             double rocAucSd, double recallMean, double recallSd, double accuracyMean,
                             double accuracySd) {

        static SeedSpread of(List<Metrics> runs) {
            return new SeedSpread(runs.size(), mean(runs, 0), sd(runs, 0), mean(runs, 1), sd(runs, 1), mean(runs, 2),
                    sd(runs, 2), mean(runs, 3), sd(runs, 3), mean(runs, 4), sd(runs, 4));
        }

        private static double value(Metrics m, int k) {
            return switch (k) {
                case 0 -> m.f1();
                case 1 -> m.prAuc();
                case 2 -> m.rocAuc();
                case 3 -> m.recall();
                default -> m.accuracy();
            };
        }

        private static double mean(List<Metrics> runs, int k) {
            return runs.stream().mapToDouble(m -> value(m, k)).average().orElse(Double.NaN);
        }

        private static double sd(List<Metrics> runs, int k) {
            if (runs.size() < 2) {
                return 0;
            }
            double mean = mean(runs, k);
            double ss = runs.stream().mapToDouble(m -> (value(m, k) - mean) * (value(m, k) - mean)).sum();
            return Math.sqrt(ss / (runs.size() - 1));
        }
    }
}
