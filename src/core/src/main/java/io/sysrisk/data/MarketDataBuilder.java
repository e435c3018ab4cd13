package io.sysrisk.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks and the missing-value policy every market input goes through, whatever its format (a CSV file, a
 * JSON request): strictly increasing dates, finite positive values, high >= low for OHLCV, then
 * {@link LoadOptions}' policy for missing values (NaN here) and repeated days, and the minimum row count.
 */
public final class MarketDataBuilder {

    /** Names the place of a value in the input, for messages: row index into the input, column name. */
    @FunctionalInterface
    public interface Locator {
        String at(int row, String column);
    }

    private MarketDataBuilder() {
    }

    /** {@code values[c][row]}, NaN where missing. The arrays are modified in place (forward-fill). */
    public static MarketData build(String source, LoadOptions options, List<LocalDate> dates, List<String> columns,
                                   double[][] values, Locator where) {
        for (int row = 1; row < dates.size(); row++) {
            if (!dates.get(row).isAfter(dates.get(row - 1))) {
                String what = dates.get(row).equals(dates.get(row - 1)) ? "repeats" : "comes before";
                throw new DataValidationException(where.at(row, "date") + ": " + dates.get(row) + " " + what
                        + " the previous date " + dates.get(row - 1) + "; dates must strictly increase");
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            for (int row = 0; row < dates.size(); row++) {
                double v = values[c][row];
                if (Double.isInfinite(v)) {
                    throw new DataValidationException(where.at(row, columns.get(c)) + ": " + v
                            + " is not a finite number");
                }
                if (v <= 0) {
                    throw new DataValidationException(where.at(row, columns.get(c)) + ": " + v
                            + " is not positive; prices and volumes must be > 0");
                }
            }
        }
        if (options.inputKind() == InputKind.OHLCV) {
            double[] high = values[columns.indexOf("high")];
            double[] low = values[columns.indexOf("low")];
            for (int row = 0; row < dates.size(); row++) {
                if (high[row] < low[row]) {
                    throw new DataValidationException(where.at(row, "high") + ": " + high[row]
                            + " is below column 'low' " + low[row]);
                }
            }
        }
        return clean(source, options, dates, columns, values);
    }

    private static MarketData clean(String source, LoadOptions options, List<LocalDate> dates, List<String> columns,
                                    double[][] values) {
        int n = dates.size();
        int cols = columns.size();
        int filled = 0;
        boolean[] drop = new boolean[n];
        int[] dropsByColumn = new int[cols];
        for (int c = 0; c < cols; c++) {
            double[] s = values[c];
            int gap = 0;
            for (int t = 0; t < n; t++) {
                if (!Double.isNaN(s[t])) {
                    gap = 0;
                    continue;
                }
                gap++;
                if (t > 0 && gap <= options.maxForwardFill() && !Double.isNaN(s[t - 1])) {
                    s[t] = s[t - 1];
                    filled++;
                } else {
                    if (!drop[t]) {
                        dropsByColumn[c]++;
                    }
                    drop[t] = true;
                }
            }
        }
        int droppedMissing = 0;
        for (boolean d : drop) {
            droppedMissing += d ? 1 : 0;
        }
        if (droppedMissing > options.maxDroppedShare() * n) {
            int worst = 0;
            for (int c = 1; c < cols; c++) {
                worst = dropsByColumn[c] > dropsByColumn[worst] ? c : worst;
            }
            throw new DataValidationException(source + ": " + droppedMissing + " of " + n
                    + " days have a value missing after forward-filling up to " + options.maxForwardFill()
                    + " days (most from column '" + columns.get(worst) + "'); more than the allowed "
                    + Math.round(options.maxDroppedShare() * 100) + "%. Remove that column or fill the gaps.");
        }
        int droppedRepeated = 0;
        int lastKept = -1;
        for (int t = 0; t < n; t++) {
            if (drop[t]) {
                continue;
            }
            if (options.dropRepeatedDays() && lastKept >= 0 && sameRow(values, t, lastKept)) {
                drop[t] = true;
                droppedRepeated++;
                continue;
            }
            lastKept = t;
        }
        int kept = n - droppedMissing - droppedRepeated;
        if (kept < options.minRows()) {
            throw new DataValidationException(source + ": has " + kept + " usable rows; at least "
                    + options.minRows() + " are needed");
        }
        List<LocalDate> keptDates = new ArrayList<>(kept);
        double[][] keptValues = new double[cols][kept];
        int k = 0;
        for (int t = 0; t < n; t++) {
            if (drop[t]) {
                continue;
            }
            keptDates.add(dates.get(t));
            for (int c = 0; c < cols; c++) {
                keptValues[c][k] = values[c][t];
            }
            k++;
        }
        checkDaily(source, keptDates);
        DataReport report = new DataReport(n, filled, droppedMissing, droppedRepeated);
        return new MarketData(source, options.inputKind(), keptDates, columns, keptValues, options.indexColumn(), report);
    }

    /** Median calendar days between consecutive dates above which a series is not daily trading data. */
    static final int MAX_MEDIAN_GAP_DAYS = 3;

    /**
     * Every feature is per trading day (volatility annualized per day, a window of 60 trading days): a weekly or
     * monthly series would be scored as if each row were a day, so it is refused, saying what was detected.
     */
    static void checkDaily(String source, List<LocalDate> dates) {
        if (dates.size() < 3) {
            return;
        }
        long[] gaps = new long[dates.size() - 1];
        for (int i = 1; i < dates.size(); i++) {
            gaps[i - 1] = java.time.temporal.ChronoUnit.DAYS.between(dates.get(i - 1), dates.get(i));
        }
        java.util.Arrays.sort(gaps);
        long median = gaps[gaps.length / 2];
        if (median > MAX_MEDIAN_GAP_DAYS) {
            throw new DataValidationException(source + ": consecutive dates are a median " + median + " calendar "
                    + "days apart (" + (median >= 28 ? "monthly" : median >= 6 ? "weekly" : "sparse")
                    + " data?); sysrisk reads daily trading data (one row per trading day)");
        }
    }

    /** Every column equal to the other day's: how the sources mark a holiday they list anyway. */
    private static boolean sameRow(double[][] values, int a, int b) {
        for (double[] s : values) {
            if (s[a] != s[b]) {
                return false;
            }
        }
        return true;
    }
}
