package io.sysrisk.data;

/**
 * What loading did to the raw rows, so that no cleaning step is silent.
 *
 * @param rawRows         data rows in the file
 * @param filledCells     empty cells forward-filled
 * @param droppedMissing  days dropped because a column had no value even after forward-filling
 * @param droppedRepeated days dropped as exact repeats of the previous day (non-trading days)
 * @param repairs         known source errors repaired in this file
 *                        ({@code io.sysrisk.research.data.SourceRepairs}), or empty
 */
public record DataReport(int rawRows, int filledCells, int droppedMissing, int droppedRepeated, String repairs) {

    public DataReport(int rawRows, int filledCells, int droppedMissing, int droppedRepeated) {
        this(rawRows, filledCells, droppedMissing, droppedRepeated, "");
    }

    public DataReport {
        repairs = repairs == null ? "" : repairs;
    }

    public int keptRows() {
        return rawRows - droppedMissing - droppedRepeated;
    }

    public DataReport withRepairs(String r) {
        return new DataReport(rawRows, filledCells, droppedMissing, droppedRepeated,
                repairs.isEmpty() ? r : repairs + "; " + r);
    }

    @Override
    public String toString() {
        return rawRows + " rows read, " + filledCells + " empty cells forward-filled, " + droppedMissing
                + " days dropped for missing values, " + droppedRepeated + " repeated (non-trading) days dropped, "
                + keptRows() + " kept" + (repairs.isEmpty() ? "" : "; repaired: " + repairs);
    }
}
