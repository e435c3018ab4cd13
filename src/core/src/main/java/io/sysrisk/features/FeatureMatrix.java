package io.sysrisk.features;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily feature values: {@code values[t][f]} is feature {@code features.features().get(f)} on {@code dates.get(t)}.
 * Rows before {@code firstValid} lack history and hold NaN.
 *
 * <p>{@code extraColumns} name inputs after the features that no {@link Feature} computes: only the research
 * positive control plants one (an input with known information, to check that training can find it). Serving and
 * every model the project trains for use have none.
 */
public record FeatureMatrix(FeatureSet features, List<LocalDate> dates, double[][] values, int firstValid,
                            List<String> extraColumns) {
    public FeatureMatrix {
        dates = List.copyOf(dates);
        extraColumns = List.copyOf(extraColumns);
        if (values.length != dates.size()) {
            throw new IllegalArgumentException(values.length + " rows for " + dates.size() + " dates");
        }
    }

    public FeatureMatrix(FeatureSet features, List<LocalDate> dates, double[][] values, int firstValid) {
        this(features, dates, values, firstValid, List.of());
    }

    public int size() {
        return dates.size();
    }

    /** Input channels per day: the features, then the extra columns. */
    public int width() {
        return features.size() + extraColumns.size();
    }

    /** The channels' names in order: feature ids, then the extra columns. */
    public List<String> columnIds() {
        if (extraColumns.isEmpty()) {
            return features.ids();
        }
        List<String> ids = new ArrayList<>(features.ids());
        ids.addAll(extraColumns);
        return ids;
    }

    /** This matrix with one more input channel after the others ({@code column[t]} on day t). */
    public FeatureMatrix withExtraColumn(String name, double[] column) {
        if (column.length != values.length) {
            throw new IllegalArgumentException(column.length + " values for " + values.length + " days");
        }
        if (columnIds().contains(name)) {
            throw new IllegalArgumentException("column " + name + " is already an input");
        }
        double[][] out = new double[values.length][];
        for (int t = 0; t < values.length; t++) {
            out[t] = java.util.Arrays.copyOf(values[t], values[t].length + 1);
            out[t][values[t].length] = column[t];
        }
        List<String> extra = new ArrayList<>(extraColumns);
        extra.add(name);
        return new FeatureMatrix(features, dates, out, firstValid, extra);
    }

    /** This matrix whose first day with every input is {@code first} (at least its own). */
    public FeatureMatrix withFirstValid(int first) {
        return new FeatureMatrix(features, dates, values, Math.max(firstValid, first), extraColumns);
    }

    public double get(int t, Feature f) {
        return values[t][features.features().indexOf(f)];
    }
}
