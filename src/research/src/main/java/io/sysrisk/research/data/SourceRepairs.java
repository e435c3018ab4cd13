package io.sysrisk.research.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import io.sysrisk.data.DataReport;
import io.sysrisk.data.MarketData;

/**
 * Known errors of two embedded source files, repaired when they are loaded (each repair is counted in the
 * {@link DataReport} and described in the data card). User files are never changed.
 */
public final class SourceRepairs {

    /** A volume value found on this many days or more is a filler, not a count (real volumes do not repeat). */
    static final int REPEATED_VOLUME_DAYS = 5;
    /** A run of this many days below {@link #LOW_VOLUME_SHARE} of the trailing median is a unit error. */
    static final int LOW_VOLUME_RUN = 3;
    static final double LOW_VOLUME_SHARE = 0.4;
    static final int VOLUME_MEDIAN_DAYS = 60;

    private SourceRepairs() {
    }

    /**
     * S&amp;P 500 volume: 26 days repeat one of three fillers (4,223,740,000 x 12, 3,846,250,000 x 8,
     * 4,521,050,000 x 6), a few pairs of consecutive days carry the same count (2004-2011, among them
     * 2011-02-16/17), and 2011-02-18..03-02 runs at a quarter of the usual level. Each such volume is replaced by
     * the last sound day's volume (half-days before holidays are single low days and stay as they are).
     */
    public static MarketData sp500Volume(MarketData data) {
        double[] v = data.column("volume").clone();
        Map<Double, Integer> counts = new HashMap<>();
        for (double x : v) {
            counts.merge(x, 1, Integer::sum);
        }
        boolean[] bad = new boolean[v.length];
        for (int t = 0; t < v.length; t++) {
            // A filler repeated all over the file, or the same 10-digit count two days running.
            bad[t] = counts.get(v[t]) >= REPEATED_VOLUME_DAYS || t > 0 && v[t] == v[t - 1]
                    || t + 1 < v.length && v[t] == v[t + 1];
        }
        boolean[] low = new boolean[v.length];
        for (int t = VOLUME_MEDIAN_DAYS; t < v.length; t++) {
            double[] past = Arrays.copyOfRange(v, t - VOLUME_MEDIAN_DAYS, t);
            Arrays.sort(past);
            low[t] = v[t] < LOW_VOLUME_SHARE * past[past.length / 2];
        }
        for (int t = 0; t < v.length; ) {
            int end = t;
            while (end < v.length && low[end]) {
                end++;
            }
            if (end - t >= LOW_VOLUME_RUN) {
                Arrays.fill(bad, t, end, true);
            }
            t = Math.max(end, t + 1);
        }
        int repaired = 0;
        for (int t = 1; t < v.length; t++) {
            if (bad[t]) {
                v[t] = v[t - 1];
                repaired++;
            }
        }
        return replace(data, "volume", v, repaired + " volume cells (repeated fillers and the 2011-02/03 "
                + "quarter-level run) carried forward from the last sound day");
    }

    /**
     * SPI index: empty on 16 of 33 trading days of September-October 2008 while its 9 sectors are complete;
     * forward-filling makes them flat days followed by jumps, in the middle of the Lehman crash. The SPI's log
     * return on such a day is predicted from the sectors' returns by least squares fitted on the days where every
     * cell was observed (the SPI is a cap-weighted sum of its sectors); observed SPI closes are kept.
     *
     * @param filled the file loaded with forward-fill
     * @param strict the same file loaded without forward-fill (its days are those with every cell observed)
     */
    public static MarketData spiFromSectors(MarketData filled, MarketData strict) {
        Set<LocalDate> complete = new HashSet<>(strict.dates());
        List<String> sectors = filled.members();
        int n = filled.size();
        double[] observed = filled.column("SPI");
        double[] spi = observed.clone();
        double[][] sectorRet = new double[n][sectors.size()];
        for (int j = 0; j < sectors.size(); j++) {
            double[] p = filled.column(sectors.get(j));
            for (int t = 1; t < n; t++) {
                sectorRet[t][j] = Math.log(p[t] / p[t - 1]);
            }
        }
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int t = 1; t < n; t++) {
            if (complete.contains(filled.dates().get(t)) && complete.contains(filled.dates().get(t - 1))) {
                x.add(sectorRet[t]);
                y.add(Math.log(spi[t] / spi[t - 1]));
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y.stream().mapToDouble(Double::doubleValue).toArray(), x.toArray(new double[0][]));
        double[] beta = ols.estimateRegressionParameters();
        int repaired = 0;
        for (int t = 1; t < n; t++) {
            // A forward-filled SPI cell: the day had an empty cell and the SPI repeats the day before exactly.
            if (!complete.contains(filled.dates().get(t)) && observed[t] == observed[t - 1]) {
                double r = beta[0];
                for (int j = 0; j < sectors.size(); j++) {
                    r += beta[j + 1] * sectorRet[t][j];
                }
                spi[t] = spi[t - 1] * Math.exp(r);
                repaired++;
            }
        }
        return replace(filled, "SPI", spi, String.format("%d SPI cells (empty in the source, 2008) predicted from "
                + "the 9 sectors' returns (least squares, R^2 %.4f)", repaired, ols.calculateRSquared()));
    }

    private static MarketData replace(MarketData d, String column, double[] values, String what) {
        double[][] s = new double[d.columns().size()][];
        for (int c = 0; c < s.length; c++) {
            s[c] = d.columns().get(c).equals(column) ? values : d.series()[c];
        }
        return new MarketData(d.source(), d.kind(), d.dates(), d.columns(), s, d.indexColumn(),
                d.report().withRepairs(what));
    }
}
