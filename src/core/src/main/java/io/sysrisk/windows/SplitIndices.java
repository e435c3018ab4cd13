package io.sysrisk.windows;

import java.util.EnumMap;
import java.util.Map;

import io.sysrisk.features.FeatureMatrix;
import io.sysrisk.labels.LabelDefinition;

/**
 * Which days end a window in each part: {@code [from, to]} inclusive row indices into the feature matrix, every
 * one with a full window of features and a known label.
 */
public record SplitIndices(Map<Part, Range> ranges) {

    /** Inclusive row range; empty when {@code to < from}. */
    public record Range(int from, int to) {
        public int count() {
            return Math.max(0, to - from + 1);
        }
    }

    public SplitIndices {
        ranges = Map.copyOf(ranges);
    }

    public Range get(Part part) {
        return ranges.get(part);
    }

    /** {@code lookahead}: days after t that a label reads ({@code LabelDefinition.lookahead()}). */
    public static SplitIndices of(FeatureMatrix features, int[] labels, int window, int lookahead,
                                  ChronologicalSplit split) {
        if (split.embargo() < lookahead) {
            throw new IllegalArgumentException("embargo " + split.embargo() + " is shorter than the label look-ahead "
                    + lookahead + ": labels of one part would read days of the next");
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1 day, got " + window);
        }
        int firstWindowEnd = features.firstValid() + window - 1;
        int lastLabelled = labels.length - 1;
        while (lastLabelled >= 0 && labels[lastLabelled] == LabelDefinition.UNKNOWN) {
            lastLabelled--;
        }
        int vs = indexOnOrAfter(features, split.validationStart());
        int ts = indexOnOrAfter(features, split.testStart());
        int te = split.testEnd() == null ? lastLabelled
                : Math.min(lastLabelled, indexOnOrAfter(features, split.testEnd().plusDays(1)) - 1);

        Map<Part, Range> r = new EnumMap<>(Part.class);
        r.put(Part.TRAIN, new Range(firstWindowEnd, vs - split.embargo() - 1));
        r.put(Part.VALIDATION, new Range(Math.max(vs, firstWindowEnd), ts - split.embargo() - 1));
        r.put(Part.TEST, new Range(Math.max(ts, firstWindowEnd), te));
        for (Part p : Part.values()) {
            if (r.get(p).count() == 0) {
                throw new IllegalArgumentException("the " + p.name().toLowerCase() + " part has no windows: data "
                        + features.dates().get(0) + ".." + features.dates().get(features.size() - 1) + ", window "
                        + window + " + look-back " + features.firstValid() + " days, split " + split);
            }
        }
        return new SplitIndices(r);
    }

    private static int indexOnOrAfter(FeatureMatrix features, java.time.LocalDate date) {
        int i = java.util.Collections.binarySearch(features.dates(), date);
        return i >= 0 ? i : -i - 1;
    }
}
