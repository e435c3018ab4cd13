package io.sysrisk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.sysrisk.data.DataReport;
import io.sysrisk.data.InputKind;
import io.sysrisk.data.MarketData;

/** Small hand-made markets for tests. */
public final class TestMarkets {
    private TestMarkets() {
    }

    public static List<LocalDate> days(int n) {
        List<LocalDate> d = new ArrayList<>(n);
        LocalDate day = LocalDate.of(2001, 1, 1);
        for (int i = 0; i < n; i++) {
            d.add(day);
            day = day.plusDays(1);
        }
        return d;
    }

    /** Panel from {@code closes[member][t]}, members named m0, m1, ...; no index column. */
    public static MarketData panel(double[][] closes) {
        List<String> names = new ArrayList<>();
        for (int m = 0; m < closes.length; m++) {
            names.add("m" + m);
        }
        int n = closes[0].length;
        return new MarketData("test-panel", InputKind.PANEL, days(n), names, closes, null, new DataReport(n, 0, 0, 0));
    }

    /** One-column panel whose only column is the index. */
    public static MarketData index(double[] close) {
        return new MarketData("test-index", InputKind.PANEL, days(close.length), List.of("idx"), new double[][] {close},
                "idx", new DataReport(close.length, 0, 0, 0));
    }

    public static MarketData ohlcv(double[] open, double[] high, double[] low, double[] close, double[] volume) {
        return new MarketData("test-ohlcv", InputKind.OHLCV, days(close.length), MarketData.OHLCV_COLUMNS,
                new double[][] {open, high, low, close, volume}, null, new DataReport(close.length, 0, 0, 0));
    }

    /** Random-walk panel with a common factor, so members are correlated; seeded. */
    public static MarketData randomPanel(int members, int days, long seed) {
        Random rnd = new Random(seed);
        double[][] p = new double[members][days];
        for (int m = 0; m < members; m++) {
            p[m][0] = 100;
        }
        for (int t = 1; t < days; t++) {
            double common = rnd.nextGaussian() * 0.01;
            for (int m = 0; m < members; m++) {
                p[m][t] = p[m][t - 1] * Math.exp(common + rnd.nextGaussian() * 0.01);
            }
        }
        return panel(p);
    }

    public static MarketData randomOhlcv(int days, long seed) {
        Random rnd = new Random(seed);
        double[] o = new double[days];
        double[] h = new double[days];
        double[] l = new double[days];
        double[] c = new double[days];
        double[] v = new double[days];
        double prev = 100;
        for (int t = 0; t < days; t++) {
            o[t] = prev;
            c[t] = prev * Math.exp(rnd.nextGaussian() * 0.01);
            h[t] = Math.max(o[t], c[t]) * (1 + rnd.nextDouble() * 0.01);
            l[t] = Math.min(o[t], c[t]) * (1 - rnd.nextDouble() * 0.01);
            v[t] = 1e6 * Math.exp(rnd.nextGaussian() * 0.3);
            prev = c[t];
        }
        return ohlcv(o, h, l, c, v);
    }
}
