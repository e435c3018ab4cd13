package io.sysrisk.windows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.sysrisk.features.FeatureMatrix;

/**
 * Normalized windows ready for a model: window i is {@code data[i * window * features ..]}, laid out (W, F), and
 * ends on {@code endDates.get(i)} with label {@code labels[i]}.
 */
public record WindowSet(int window, int features, float[] data, int[] labels, List<LocalDate> endDates) {

    public int size() {
        return labels.length;
    }

    public int positives() {
        int p = 0;
        for (int y : labels) {
            p += y;
        }
        return p;
    }

    public double baseRate() {
        return size() == 0 ? Double.NaN : (double) positives() / size();
    }

    /** Windows ending on rows {@code range.from()..range.to()} of {@code matrix}. */
    public static WindowSet of(FeatureMatrix matrix, int[] labels, SplitIndices.Range range, int window,
                               NormalizationStats stats) {
        int n = range.count();
        int f = matrix.features().size();
        float[] data = new float[n * window * f];
        int[] y = new int[n];
        List<LocalDate> ends = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int end = range.from() + i;
            fill(matrix, end, window, stats, data, i * window * f);
            y[i] = labels == null ? 0 : labels[end];
            ends.add(matrix.dates().get(end));
        }
        return new WindowSet(window, f, data, y, ends);
    }

    /** Writes the normalized window ending at row {@code end} into {@code out} at {@code offset}. */
    public static void fill(FeatureMatrix matrix, int end, int window, NormalizationStats stats, float[] out,
                            int offset) {
        int start = end - window + 1;
        if (start < matrix.firstValid()) {
            throw new IllegalArgumentException("window ending " + matrix.dates().get(end) + " starts before the "
                    + "first day with a full feature look-back");
        }
        int f = matrix.features().size();
        for (int w = 0; w < window; w++) {
            double[] row = matrix.values()[start + w];
            for (int j = 0; j < f; j++) {
                out[offset + w * f + j] = stats.apply(j, row[j]);
            }
        }
    }
}
