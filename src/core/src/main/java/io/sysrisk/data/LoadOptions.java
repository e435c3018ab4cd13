package io.sysrisk.data;

/**
 * How a CSV becomes {@link MarketData}.
 *
 * <p>Missing-cell policy (never silent; every action is counted in {@link DataReport}):
 * <ol>
 *   <li>an empty cell is forward-filled from the member's last observation, for at most {@code maxForwardFill}
 *       consecutive days;</li>
 *   <li>a day on which some column still has no value (a longer gap, or before the member's first observation)
 *       is dropped;</li>
 *   <li>if more than {@code maxDroppedShare} of the days would be dropped, loading fails and names the column
 *       responsible, rather than quietly training on a different market.</li>
 * </ol>
 * A day on which every column repeats the previous day's value exactly is a non-trading day (some sources list
 * every weekday, holidays included) and is dropped when {@code dropRepeatedDays} is set; repeats are counted.
 *
 * @param inputKind        OHLCV or PANEL
 * @param indexColumn      PANEL only: the column that is the market's index (null: the market is the equal-weighted members)
 * @param minRows          fewer usable rows than this is an error
 * @param maxForwardFill   longest run of empty cells that is filled from the previous value
 * @param maxDroppedShare  largest share of days the missing-cell policy may drop
 * @param dropRepeatedDays drop days identical to the previous day in every column
 */
public record LoadOptions(InputKind inputKind, String indexColumn, int minRows, int maxForwardFill,
                          double maxDroppedShare, boolean dropRepeatedDays) {

    public static final int DEFAULT_MIN_ROWS = 30;
    public static final int DEFAULT_MAX_FORWARD_FILL = 5;
    public static final double DEFAULT_MAX_DROPPED_SHARE = 0.05;

    public LoadOptions {
        if (inputKind == null) {
            throw new IllegalArgumentException("inputKind is required");
        }
        if (inputKind == InputKind.OHLCV && indexColumn != null) {
            throw new IllegalArgumentException("indexColumn applies to PANEL input only");
        }
        if (minRows < 2 || maxForwardFill < 0 || maxDroppedShare < 0 || maxDroppedShare > 1) {
            throw new IllegalArgumentException("invalid load options: minRows=" + minRows + ", maxForwardFill="
                    + maxForwardFill + ", maxDroppedShare=" + maxDroppedShare);
        }
    }

    public static LoadOptions ohlcv() {
        return new LoadOptions(InputKind.OHLCV, null, DEFAULT_MIN_ROWS, DEFAULT_MAX_FORWARD_FILL,
                DEFAULT_MAX_DROPPED_SHARE, true);
    }

    public static LoadOptions panel(String indexColumn) {
        return new LoadOptions(InputKind.PANEL, indexColumn, DEFAULT_MIN_ROWS, DEFAULT_MAX_FORWARD_FILL,
                DEFAULT_MAX_DROPPED_SHARE, true);
    }

    public LoadOptions withDropRepeatedDays(boolean drop) {
        return new LoadOptions(inputKind, indexColumn, minRows, maxForwardFill, maxDroppedShare, drop);
    }

    public LoadOptions withMinRows(int rows) {
        return new LoadOptions(inputKind, indexColumn, rows, maxForwardFill, maxDroppedShare, dropRepeatedDays);
    }
}
