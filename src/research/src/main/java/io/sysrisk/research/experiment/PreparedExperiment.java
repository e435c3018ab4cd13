package io.sysrisk.research.experiment;

import java.util.EnumMap;
import java.util.Map;

import io.sysrisk.data.MarketData;
import io.sysrisk.features.FeatureMatrix;
import io.sysrisk.features.FeaturePipeline;
import io.sysrisk.features.FeatureSet;
import io.sysrisk.research.labels.Labeler;
import io.sysrisk.windows.NormalizationStats;
import io.sysrisk.windows.Part;
import io.sysrisk.windows.SplitIndices;
import io.sysrisk.windows.WindowSet;

/**
 * An experiment's data made ready: features on every day, labels, the split, normalization fitted on the training
 * part only, and the normalized windows of each part.
 */
public record PreparedExperiment(ExperimentConfig config, MarketData data, FeatureMatrix features, int[] labels,
                                 SplitIndices split, NormalizationStats normalization, Map<Part, WindowSet> parts) {

    public static PreparedExperiment prepare(ExperimentConfig config) {
        return prepare(config, config.data().load());
    }

    public static PreparedExperiment prepare(ExperimentConfig config, MarketData data) {
        FeatureSet set = config.featureIds() == null ? FeatureSet.allFor(data) : FeatureSet.ofIds(config.featureIds());
        FeatureMatrix matrix = FeaturePipeline.compute(data, set);
        int[] labels = Labeler.label(data, config.label());
        SplitIndices split = SplitIndices.of(matrix, labels, config.window(), config.label().lookahead(), config.split());
        SplitIndices.Range train = split.get(Part.TRAIN);
        // Only rows that training windows contain: from the first training window's first day to the last one's end.
        NormalizationStats stats = NormalizationStats.fit(set.ids(), matrix.values(),
                train.from() - config.window() + 1, train.to(), config.clip());
        Map<Part, WindowSet> parts = new EnumMap<>(Part.class);
        for (Part p : Part.values()) {
            parts.put(p, WindowSet.of(matrix, labels, split.get(p), config.window(), stats));
        }
        return new PreparedExperiment(config, data, matrix, labels, split, stats, Map.copyOf(parts));
    }

    public WindowSet part(Part p) {
        return parts.get(p);
    }

    /** Per part: date range, windows, positives, base rate. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("experiment %s: %s (%s, %d days %s..%s)%n", config.name(), data.source(), data.kind(),
                data.size(), data.dates().get(0), data.dates().get(data.size() - 1)));
        sb.append("  data: ").append(data.report()).append('\n');
        sb.append(String.format("  features (%d, look-back %d days): %s%n", features.features().size(),
                features.firstValid(), String.join(", ", features.features().ids())));
        sb.append("  label: ").append(config.label().describe()).append('\n');
        sb.append(String.format("  window %d days, embargo %d days between parts%n", config.window(),
                config.split().embargo()));
        sb.append(String.format("  %-10s  %-23s  %7s  %9s  %9s%n", "part", "window end dates", "windows", "positives",
                "base rate"));
        for (Part p : Part.values()) {
            WindowSet w = parts.get(p);
            sb.append(String.format("  %-10s  %s..%s  %7d  %9d  %8.1f%%%n", p.name().toLowerCase(), w.endDates().get(0),
                    w.endDates().get(w.size() - 1), w.size(), w.positives(), 100 * w.baseRate()));
        }
        return sb.toString();
    }
}
