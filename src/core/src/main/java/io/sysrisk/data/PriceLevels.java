package io.sysrisk.data;

import java.util.Arrays;
import java.util.List;

/**
 * A market's price level and its log returns: what features, labels and the embedded markets all read, kept here
 * beside the data so that no package reads upwards for it. Depends on nothing but {@link MarketData}.
 */
public final class PriceLevels {

    /** Trading days in a year: annualizes daily volatility. */
    public static final double TRADING_DAYS = 252.0;

    private PriceLevels() {
    }

    /** The market's price level: the index, or 100 x the compounded equal-weighted member log returns. */
    public static double[] marketLevel(MarketData data) {
        if (data.kind() == InputKind.OHLCV) {
            return data.column("close");
        }
        if (data.indexColumn() != null) {
            return data.column(data.indexColumn());
        }
        double[][] r = memberReturns(data);
        double[] level = new double[data.size()];
        level[0] = 100.0;
        for (int t = 1; t < level.length; t++) {
            level[t] = level[t - 1] * Math.exp(mean(r[t]));
        }
        return level;
    }

    /** r[t] = ln(p[t] / p[t-1]); r[0] is NaN. */
    public static double[] logReturns(double[] p) {
        double[] r = new double[p.length];
        r[0] = Double.NaN;
        for (int t = 1; t < p.length; t++) {
            r[t] = Math.log(p[t] / p[t - 1]);
        }
        return r;
    }

    /** r[t][m]: member m's log return on day t; row 0 is NaN. */
    public static double[][] memberReturns(MarketData data) {
        List<String> members = data.members();
        double[][] r = new double[data.size()][members.size()];
        Arrays.fill(r[0], Double.NaN);
        for (int m = 0; m < members.size(); m++) {
            double[] p = data.column(members.get(m));
            for (int t = 1; t < p.length; t++) {
                r[t][m] = Math.log(p[t] / p[t - 1]);
            }
        }
        return r;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
