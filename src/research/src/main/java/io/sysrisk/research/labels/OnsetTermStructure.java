package io.sysrisk.research.labels;

import java.util.Arrays;
import java.util.List;

import io.sysrisk.data.MarketData;
import io.sysrisk.data.PriceLevels;
import io.sysrisk.labels.LabelDefinition;

/**
 * The onset label at several horizons (issue 26, "how soon"): for each of {@code horizons} (trading days, ascending),
 * day t is labelled 1 when a fall of the {@link LabelDefinition.Onset} kind (more than its threshold below day s's
 * close within its {@code horizon} days) starts on one of days t+1..t+H, else 0. Every horizon shares the onset
 * label's mask (a fall started on one of days t-horizon..t: inside an event), so a day is an example at every horizon
 * or at none, and the labels are nested: a fall within 5 days is a fall within 20 and 60, so y_5 &lt;= y_20 &lt;= y_60.
 * The horizon equal to the fall's own window gives exactly the served onset label. A day's label at H reads days up
 * to t + H + horizon ({@link #lookahead}): the embargo between parts must be the longest horizon's.
 *
 * @param horizons the horizons, ascending, each at least 1 day
 * @param labels   labels[k][t]: day t's label at horizons[k]: 1, 0, {@link Labeler#UNKNOWN} or {@link Labeler#MASKED}
 */
public record OnsetTermStructure(int[] horizons, int[][] labels) {

    /** The horizons issue 26 asks for: within a week, a month and a quarter of trading days. */
    public static final List<Integer> DEFAULT_HORIZONS = List.of(5, 20, 60);

    public static OnsetTermStructure of(MarketData data, LabelDefinition.Onset fall, List<Integer> horizons) {
        int[] hs = check(horizons);
        int h = fall.horizon();
        int[] starts = Labeler.fallStarts(PriceLevels.marketLevel(data), h, fall.threshold());
        int n = starts.length;
        int[][] y = new int[hs.length][n];
        for (int[] row : y) {
            Arrays.fill(row, Labeler.UNKNOWN);
        }
        for (int t = 0; t < n; t++) {
            boolean inside = false;
            for (int s = Math.max(0, t - h); s <= t && !inside; s++) {
                inside = starts[s] == 1;
            }
            // The first fall start after t, and how far ahead the starts are known.
            int first = -1;
            int known = 0;
            for (int s = t + 1; s < n && s <= t + hs[hs.length - 1] && starts[s] != Labeler.UNKNOWN; s++) {
                known = s - t;
                if (first < 0 && starts[s] == 1) {
                    first = s - t;
                }
            }
            for (int k = 0; k < hs.length; k++) {
                // Known only when every start up to t + H is (as the served label: t + H + horizon within the data).
                if (t + hs[k] + h >= n || known < hs[k]) {
                    continue;
                }
                y[k][t] = inside ? Labeler.MASKED : first > 0 && first <= hs[k] ? 1 : 0;
            }
        }
        return new OnsetTermStructure(hs, y);
    }

    /** Trading days after t that the longest horizon's label reads (the embargo its parts need). */
    public static int lookahead(LabelDefinition.Onset fall, List<Integer> horizons) {
        int[] hs = check(horizons);
        return hs[hs.length - 1] + fall.horizon();
    }

    /** Day t's labels at every horizon (null when any is unknown or masked: not an example). */
    public int[] at(int t) {
        int[] out = new int[horizons.length];
        for (int k = 0; k < horizons.length; k++) {
            if (labels[k][t] < 0) {
                return null;
            }
            out[k] = labels[k][t];
        }
        return out;
    }

    private static int[] check(List<Integer> horizons) {
        if (horizons == null || horizons.isEmpty()) {
            throw new IllegalArgumentException("at least one horizon is needed");
        }
        int[] hs = horizons.stream().mapToInt(Integer::intValue).toArray();
        for (int k = 0; k < hs.length; k++) {
            if (hs[k] < 1 || k > 0 && hs[k] <= hs[k - 1]) {
                throw new IllegalArgumentException("horizons must be at least 1 day and strictly ascending, got "
                        + horizons);
            }
        }
        return hs;
    }
}
