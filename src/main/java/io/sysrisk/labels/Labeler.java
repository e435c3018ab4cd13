package io.sysrisk.labels;

import java.util.Arrays;
import java.util.List;

import io.sysrisk.data.InputKind;
import io.sysrisk.data.MarketData;
import io.sysrisk.features.FeaturePipeline;

/** Turns a {@link LabelDefinition} into one label per day: 1 event, 0 no event, {@link #UNKNOWN} not yet known. */
public final class Labeler {

    public static final int UNKNOWN = -1;

    private Labeler() {
    }

    public static int[] label(MarketData data, LabelDefinition definition) {
        int n = data.size();
        int h = definition.horizon();
        int[] y = new int[n];
        Arrays.fill(y, UNKNOWN);
        if (definition instanceof LabelDefinition.FutureDrawdown d) {
            double[] p = FeaturePipeline.marketLevel(data);
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
            double[] r = FeaturePipeline.logReturns(FeaturePipeline.marketLevel(data));
            for (int t = 0; t + h < n; t++) {
                double mean = 0;
                for (int k = t + 1; k <= t + h; k++) {
                    mean += r[k] / h;
                }
                double ss = 0;
                for (int k = t + 1; k <= t + h; k++) {
                    ss += (r[k] - mean) * (r[k] - mean);
                }
                y[t] = Math.sqrt(ss / (h - 1) * FeaturePipeline.TRADING_DAYS) > v.annualizedVolatility() ? 1 : 0;
            }
        }
        return y;
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
