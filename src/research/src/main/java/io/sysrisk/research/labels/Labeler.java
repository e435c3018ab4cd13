package io.sysrisk.research.labels;

import java.util.Arrays;
import java.util.List;

import io.sysrisk.data.InputKind;
import io.sysrisk.data.MarketData;
import io.sysrisk.data.PriceLevels;
import io.sysrisk.labels.LabelDefinition;

/**
 * Turns a {@link LabelDefinition} into one label per day: 1 event, 0 no event, {@link #UNKNOWN} not yet known,
 * {@link #MASKED} not a valid example (inside an event, for onset labels).
 */
public final class Labeler {

    public static final int UNKNOWN = LabelDefinition.UNKNOWN;
    public static final int MASKED = LabelDefinition.MASKED;

    private Labeler() {
    }

    public static int[] label(MarketData data, LabelDefinition definition) {
        int n = data.size();
        int h = definition.horizon();
        int[] y = new int[n];
        Arrays.fill(y, UNKNOWN);
        if (definition instanceof LabelDefinition.Onset o) {
            return onsetLabels(fallStarts(PriceLevels.marketLevel(data), h, o.threshold()), h);
        } else if (definition instanceof LabelDefinition.FutureDrawdown d) {
            double[] p = PriceLevels.marketLevel(data);
            for (int t = 0; t + h < n; t++) {
                y[t] = worstFutureRatio(p, t, h) < 1 - d.threshold() ? 1 : 0;
            }
        } else if (definition instanceof LabelDefinition.CoCrash c) {
            List<String> members = data.members();
            if (data.kind() != InputKind.PANEL || members.size() < 2) {
                throw new IllegalArgumentException("co-crash labels need a panel with members; " + data.source()
                        + " has " + members.size());
            }
            for (int t = 0; t + h < n; t++) {
                int crashed = 0;
                for (String m : members) {
                    if (worstFutureRatio(data.column(m), t, h) < 1 - c.memberThreshold()) {
                        crashed++;
                    }
                }
                y[t] = crashed >= c.share() * members.size() ? 1 : 0;
            }
        } else if (definition instanceof LabelDefinition.VolatilityRegime v) {
            double[] r = PriceLevels.logReturns(PriceLevels.marketLevel(data));
            for (int t = 0; t + h < n; t++) {
                double mean = 0;
                for (int k = t + 1; k <= t + h; k++) {
                    mean += r[k] / h;
                }
                double ss = 0;
                for (int k = t + 1; k <= t + h; k++) {
                    ss += (r[k] - mean) * (r[k] - mean);
                }
                y[t] = Math.sqrt(ss / (h - 1) * PriceLevels.TRADING_DAYS) > v.annualizedVolatility() ? 1 : 0;
            }
        }
        return y;
    }

    /**
     * fall[s] = 1 when the worst close over days s+1..s+h is more than {@code threshold} below day s's close,
     * 0 when not, {@link #UNKNOWN} for the last h days.
     */
    static int[] fallStarts(double[] p, int h, double threshold) {
        int[] fall = new int[p.length];
        Arrays.fill(fall, UNKNOWN);
        for (int s = 0; s + h < p.length; s++) {
            fall[s] = worstFutureRatio(p, s, h) < 1 - threshold ? 1 : 0;
        }
        return fall;
    }

    static int[] onsetLabels(int[] fall, int h) {
        int n = fall.length;
        int[] y = new int[n];
        Arrays.fill(y, UNKNOWN);
        for (int t = 0; t + 2 * h < n; t++) {
            boolean inside = false;
            for (int s = Math.max(0, t - h); s <= t && !inside; s++) {
                inside = fall[s] == 1;
            }
            if (inside) {
                y[t] = MASKED;
                continue;
            }
            int ahead = 0;
            for (int s = t + 1; s <= t + h; s++) {
                ahead |= fall[s];
            }
            y[t] = ahead;
        }
        return y;
    }

    /**
     * Rows of the event onsets of an onset label: fall-start days with no fall start in the h days before (and at
     * least h days of history, so that an event that began before the data is not counted as a new one).
     */
    public static int[] onsets(MarketData data, LabelDefinition.Onset definition) {
        int h = definition.horizon();
        int[] fall = fallStarts(PriceLevels.marketLevel(data), h, definition.threshold());
        return java.util.stream.IntStream.range(h, fall.length).filter(s -> {
            if (fall[s] != 1) {
                return false;
            }
            for (int k = s - h; k < s; k++) {
                if (fall[k] == 1) {
                    return false;
                }
            }
            return true;
        }).toArray();
    }

    /** How far back {@link #outOfCalm} looks for an earlier fall: about half a trading year. */
    public static final int CALM_DAYS = 120;

    /**
     * For each of {@code onsets} (rows, as {@link #onsets} gives them): whether it comes out of a calm market, that
     * is, no fall of the label's size started on any of the {@code calmDays} days before it. Every such fall is
     * complete, and so known, by the onset's day (an onset has no fall start in the {@code horizon} days before
     * it). What an early-warning signal that only follows turbulence cannot warn of.
     */
    public static boolean[] outOfCalm(MarketData data, LabelDefinition.Onset definition, int[] onsets, int calmDays) {
        int[] fall = fallStarts(PriceLevels.marketLevel(data), definition.horizon(), definition.threshold());
        boolean[] calm = new boolean[onsets.length];
        for (int i = 0; i < onsets.length; i++) {
            int e = onsets[i];
            boolean quiet = e >= calmDays;
            for (int k = Math.max(0, e - calmDays); k < e && quiet; k++) {
                quiet = fall[k] != 1;
            }
            calm[i] = quiet;
        }
        return calm;
    }

    /** min over k = 1..h of p[t+k] / p[t]. */
    private static double worstFutureRatio(double[] p, int t, int h) {
        double worst = Double.POSITIVE_INFINITY;
        for (int k = t + 1; k <= t + h; k++) {
            worst = Math.min(worst, p[k] / p[t]);
        }
        return worst;
    }
}
