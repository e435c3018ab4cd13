package io.sysrisk.features;

import java.time.LocalDate;
import java.util.List;

/**
 * Daily feature values: {@code values[t][f]} is feature {@code features.features().get(f)} on {@code dates.get(t)}.
 * Rows before {@code firstValid} lack history and hold NaN.
 */
public record FeatureMatrix(FeatureSet features, List<LocalDate> dates, double[][] values, int firstValid) {
    public FeatureMatrix {
        dates = List.copyOf(dates);
        if (values.length != dates.size()) {
            throw new IllegalArgumentException(values.length + " rows for " + dates.size() + " dates");
        }
    }

    public int size() {
        return dates.size();
    }

    public double get(int t, Feature f) {
        return values[t][features.features().indexOf(f)];
    }
}
