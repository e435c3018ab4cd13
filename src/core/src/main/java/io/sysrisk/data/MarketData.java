package io.sysrisk.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Clean daily market series: strictly increasing dates, no missing values, positive prices.
 *
 * <p>Column-major: {@code series[c][t]} is column {@code columns.get(c)} on {@code dates.get(t)}. For OHLCV input the
 * columns are exactly {@link #OHLCV_COLUMNS}; for PANEL input they are the member closes, one of which may be the
 * market's index ({@code indexColumn}). Arrays are never mutated after construction; accessors hand out the
 * internal arrays for speed, so callers must not write to them.
 */
public record MarketData(String source, InputKind kind, List<LocalDate> dates, List<String> columns,
                         double[][] series, String indexColumn, DataReport report) {

    public static final List<String> OHLCV_COLUMNS = List.of("open", "high", "low", "close", "volume");

    public MarketData {
        dates = List.copyOf(dates);
        columns = List.copyOf(columns);
        if (series.length != columns.size()) {
            throw new IllegalArgumentException("series has " + series.length + " columns, names " + columns.size());
        }
        for (double[] s : series) {
            if (s.length != dates.size()) {
                throw new IllegalArgumentException("a column has " + s.length + " values for " + dates.size() + " dates");
            }
        }
        if (kind == InputKind.OHLCV && !columns.equals(OHLCV_COLUMNS)) {
            throw new IllegalArgumentException("OHLCV data must have columns " + OHLCV_COLUMNS + ", has " + columns);
        }
        if (indexColumn != null && !columns.contains(indexColumn)) {
            throw new IllegalArgumentException("index column '" + indexColumn + "' is not among " + columns);
        }
    }

    public int size() {
        return dates.size();
    }

    public double[] column(String name) {
        int c = columns.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException(source + " has no column '" + name + "' (has " + columns + ")");
        }
        return series[c];
    }

    /** PANEL: the member columns (every column except the index). OHLCV: empty. */
    public List<String> members() {
        if (kind == InputKind.OHLCV) {
            return List.of();
        }
        List<String> m = new ArrayList<>(columns);
        m.remove(indexColumn);
        return m;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), as a new value. */
    public MarketData slice(int from, int to) {
        double[][] s = new double[series.length][];
        for (int c = 0; c < series.length; c++) {
            s[c] = Arrays.copyOfRange(series[c], from, to);
        }
        return new MarketData(source, kind, dates.subList(from, to), columns, s, indexColumn, report);
    }

    /** Index of {@code date}, or of the first date after it when it is not a trading day. */
    public int indexOnOrAfter(LocalDate date) {
        int i = java.util.Collections.binarySearch(dates, date);
        return i >= 0 ? i : -i - 1;
    }
}
