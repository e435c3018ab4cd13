package io.sysrisk.features;

import java.util.ArrayList;
import java.util.List;

import io.sysrisk.data.InputKind;
import io.sysrisk.data.MarketData;

/** The ordered list of features a model reads; the order is the model's input channel order. */
public record FeatureSet(List<Feature> features) {

    public FeatureSet {
        features = List.copyOf(features);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("a feature set needs at least one feature");
        }
        if (features.stream().distinct().count() != features.size()) {
            throw new IllegalArgumentException("repeated feature in " + features);
        }
    }

    /**
     * Every classic feature the input supports, in {@link Feature} order: the feature set of the single-market
     * experiments. The scale-free features ({@link #scaleFree()}) are the default model's and are chosen by name.
     */
    public static FeatureSet allFor(InputKind kind, int members) {
        List<Feature> fs = new ArrayList<>();
        for (Feature f : Feature.values()) {
            if (f.availableFor(kind, members) && !Feature.SCALE_FREE.contains(f)) {
                fs.add(f);
            }
        }
        return new FeatureSet(fs);
    }

    public static FeatureSet allFor(MarketData data) {
        return allFor(data.kind(), data.members().size());
    }

    /** The default model's features: scale-free and computed from one close series. */
    public static FeatureSet scaleFree() {
        return new FeatureSet(Feature.SCALE_FREE);
    }

    public static FeatureSet ofIds(List<String> ids) {
        return new FeatureSet(ids.stream().map(Feature::fromId).toList());
    }

    public List<String> ids() {
        return features.stream().map(Feature::id).toList();
    }

    public int size() {
        return features.size();
    }

    /** Days of history before the first day on which every feature has a value. */
    public int lookback() {
        // A loop, not a stream: the scorer asks on every request.
        int max = 0;
        for (Feature f : features) {
            max = Math.max(max, f.lookback());
        }
        return max;
    }

    /** Fails with a clear message when the data cannot give one of the features. */
    public void checkSupports(MarketData data) {
        for (Feature f : features) {
            if (!f.availableFor(data.kind(), data.members().size())) {
                throw new IllegalArgumentException("feature " + f.id() + " cannot be computed from " + data.source()
                        + " (" + data.kind() + " input with " + data.members().size() + " members)");
            }
        }
    }
}
