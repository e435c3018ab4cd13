package io.sysrisk.serving;

import java.util.Arrays;
import java.util.List;

import io.quarkus.funqy.Funq;
import io.sysrisk.features.Feature;

/** Lists the daily features sysrisk computes and the look-back each needs, so clients know what to send. */
public class FeatureCatalogFunction {

    /** One feature: stable id and days of history before the scored day that it reads. */
    public record FeatureInfo(String id, int lookbackDays) {
    }

    @Funq("features")
    public List<FeatureInfo> features() {
        return Arrays.stream(Feature.values()).map(f -> new FeatureInfo(f.id(), f.lookback())).toList();
    }
}
