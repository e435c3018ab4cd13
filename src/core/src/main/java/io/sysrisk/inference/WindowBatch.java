package io.sysrisk.inference;

/**
 * Normalized windows to score: window i is {@code data[i * window * features ..]}, laid out (W, F). The array is
 * the caller's and is only read.
 */
public record WindowBatch(int count, int window, int features, float[] data) {
    public WindowBatch {
        if (count < 1 || window < 1 || features < 1 || data.length != count * window * features) {
            throw new IllegalArgumentException("batch of " + count + " windows of " + window + " x " + features
                    + " needs " + ((long) count * window * features) + " values, got " + data.length);
        }
    }

    /** Windows {@code from..to-1} of a larger flat array of windows. */
    public static WindowBatch slice(float[] all, int window, int features, int from, int to) {
        int size = window * features;
        return new WindowBatch(to - from, window, features, java.util.Arrays.copyOfRange(all, from * size, to * size));
    }
}
