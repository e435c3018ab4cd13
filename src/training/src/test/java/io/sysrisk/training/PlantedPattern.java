package io.sysrisk.training;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.sysrisk.windows.WindowSet;

/**
 * Synthetic windows with a planted answer: noise everywhere, and in positive windows feature 0 steps up by
 * {@code strength} over the last 5 days. A working model must find it; a broken one cannot.
 */
final class PlantedPattern {
    static final int WINDOW = 20;
    static final int FEATURES = 3;

    private PlantedPattern() {
    }

    static WindowSet windows(int n, double positiveRate, double strength, long seed) {
        Random rnd = new Random(seed);
        float[] data = new float[n * WINDOW * FEATURES];
        int[] y = new int[n];
        List<LocalDate> ends = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextDouble() < positiveRate ? 1 : 0;
            for (int t = 0; t < WINDOW; t++) {
                for (int f = 0; f < FEATURES; f++) {
                    double v = rnd.nextGaussian();
                    if (y[i] == 1 && f == 0 && t >= WINDOW - 5) {
                        v += strength;
                    }
                    data[(i * WINDOW + t) * FEATURES + f] = (float) v;
                }
            }
            ends.add(LocalDate.of(2000, 1, 1).plusDays(i));
        }
        return new WindowSet(WINDOW, FEATURES, data, y, ends, java.util.stream.IntStream.range(0, y.length).toArray());
    }
}
