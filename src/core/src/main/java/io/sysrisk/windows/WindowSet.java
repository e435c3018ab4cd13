package io.sysrisk.windows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.sysrisk.features.FeatureMatrix;
import io.sysrisk.labels.LabelDefinition;

/**
 * Normalized windows ready for a model: window i is {@code data[i * window * features ..]}, laid out (W, F), and
 * ends on {@code endDates.get(i)} (row {@code rows[i]} of its feature matrix) with label {@code labels[i]}.
 *
 * @param firstOnset null for one label. For a term structure (issue 26) over K horizons: window i's first onset
 *                   falls in interval {@code firstOnset[i]} (0..K-1), or K when none comes within the longest
 *                   horizon; its label at horizon k is {@code firstOnset[i] <= k}, and {@code labels} holds the
 *                   served horizon's
 */
public record WindowSet(int window, int features, float[] data, int[] labels, List<LocalDate> endDates, int[] rows,
                        int[] firstOnset) {

    public WindowSet(int window, int features, float[] data, int[] labels, List<LocalDate> endDates, int[] rows) {
        this(window, features, data, labels, endDates, rows, null);
    }

    /** Window i's nested 0/1 labels at each of {@code k} horizons (a term structure's set only). */
    public float[] horizonLabels(int i, int k) {
        float[] y = new float[k];
        for (int j = 0; j < k; j++) {
            y[j] = firstOnset[i] <= j ? 1 : 0;
        }
        return y;
    }

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

    /**
     * Windows ending on rows {@code range.from()..range.to()} of {@code matrix}, leaving out rows whose label is
     * {@link LabelDefinition#MASKED}.
     */
    public static WindowSet of(FeatureMatrix matrix, int[] labels, SplitIndices.Range range, int window,
                               NormalizationStats stats) {
        int[] rows = IntStream.rangeClosed(range.from(), range.to())
                .filter(t -> labels == null || labels[t] != LabelDefinition.MASKED).toArray();
        return of(matrix, labels, rows, window, stats);
    }

    /** Windows ending on the given rows of {@code matrix}, in that order. */
    public static WindowSet of(FeatureMatrix matrix, int[] labels, int[] rows, int window, NormalizationStats stats) {
        return of(matrix, labels, null, rows, window, stats);
    }

    /**
     * As {@link #of(FeatureMatrix, int[], int[], int, NormalizationStats)} with a term structure's first-onset
     * interval per row of the matrix ({@code firstOnset} null: one label).
     */
    public static WindowSet of(FeatureMatrix matrix, int[] labels, int[] firstOnset, int[] rows, int window,
                               NormalizationStats stats) {
        int n = rows.length;
        int f = matrix.width();
        float[] data = new float[n * window * f];
        int[] y = new int[n];
        List<LocalDate> ends = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int end = rows[i];
            fill(matrix, end, window, stats, data, i * window * f);
            y[i] = labels == null ? 0 : labels[end];
            if (y[i] < 0) {
                throw new IllegalArgumentException("window ending " + matrix.dates().get(end) + " has no label");
            }
            ends.add(matrix.dates().get(end));
        }
        int[] first = null;
        if (firstOnset != null) {
            first = new int[n];
            for (int i = 0; i < n; i++) {
                first[i] = firstOnset[rows[i]];
                if (first[i] < 0) {
                    throw new IllegalArgumentException("window ending " + ends.get(i) + " has no term structure");
                }
            }
        }
        return new WindowSet(window, f, data, y, ends, rows.clone(), first);
    }

    /** The windows of several sets one after another (same window length and features). */
    public static WindowSet concat(List<WindowSet> sets) {
        WindowSet first = sets.get(0);
        int n = sets.stream().mapToInt(WindowSet::size).sum();
        int size = first.window() * first.features();
        float[] data = new float[n * size];
        int[] y = new int[n];
        int[] rows = new int[n];
        int[] onsets = first.firstOnset() == null ? null : new int[n];
        List<LocalDate> ends = new ArrayList<>(n);
        int k = 0;
        for (WindowSet s : sets) {
            if ((s.firstOnset() == null) != (onsets == null)) {
                throw new IllegalArgumentException("a term structure's windows cannot be joined with one label's");
            }
            if (onsets != null) {
                System.arraycopy(s.firstOnset(), 0, onsets, k, s.size());
            }
            if (s.window() != first.window() || s.features() != first.features()) {
                throw new IllegalArgumentException("window sets of different shapes cannot be joined");
            }
            System.arraycopy(s.data(), 0, data, k * size, s.size() * size);
            System.arraycopy(s.labels(), 0, y, k, s.size());
            System.arraycopy(s.rows(), 0, rows, k, s.size());
            ends.addAll(s.endDates());
            k += s.size();
        }
        return new WindowSet(first.window(), first.features(), data, y, ends, rows, onsets);
    }

    /** Writes the normalized window ending at row {@code end} into {@code out} at {@code offset}. */
    public static void fill(FeatureMatrix matrix, int end, int window, NormalizationStats stats, float[] out,
                            int offset) {
        int start = end - window + 1;
        if (start < matrix.firstValid()) {
            throw new IllegalArgumentException("window ending " + matrix.dates().get(end) + " starts before the "
                    + "first day with a full feature look-back");
        }
        int f = matrix.width();
        for (int w = 0; w < window; w++) {
            double[] row = matrix.values()[start + w];
            for (int j = 0; j < f; j++) {
                out[offset + w * f + j] = stats.apply(j, row[j]);
            }
        }
    }
}
