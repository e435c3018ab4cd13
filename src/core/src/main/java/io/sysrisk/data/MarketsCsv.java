package io.sysrisk.data;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Several close-only markets in one CSV, each on its own trading days: {@code date}, then one column per market
 * (its name); a cell is empty on a day the market has no close. Every value is written exactly
 * ({@link Double#toString}), so a market read back is the market written, bit for bit. What a systemic model version
 * carries so that a request can name a market instead of sending its closes.
 */
public final class MarketsCsv {

    private MarketsCsv() {
    }

    /** {@code markets}' closes on the union of their dates. */
    public static byte[] write(List<Market> markets) {
        TreeSet<LocalDate> days = new TreeSet<>();
        markets.forEach(m -> days.addAll(m.data().dates()));
        StringBuilder b = new StringBuilder("date");
        markets.forEach(m -> b.append(',').append(m.name()));
        b.append('\n');
        int[] next = new int[markets.size()];
        for (LocalDate day : days) {
            b.append(day);
            for (int j = 0; j < markets.size(); j++) {
                MarketData d = markets.get(j).data();
                b.append(',');
                if (next[j] < d.size() && d.dates().get(next[j]).equals(day)) {
                    b.append(d.column(Market.CLOSE)[next[j]++]);
                }
            }
            b.append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The markets of a file {@link #write} wrote, in its column order, each named by its column and described by
     * {@code about} of that name (the name itself when it has none).
     *
     * @throws IllegalArgumentException naming the line, when the file is not one {@link #write} writes
     */
    public static List<Market> read(byte[] csv, String source, java.util.function.UnaryOperator<String> about) {
        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty() || !lines.get(0).startsWith("date,")) {
            throw new IllegalArgumentException(source + ": not a file of markets (no 'date,<market>...' header)");
        }
        String[] header = lines.get(0).split(",", -1);
        int k = header.length - 1;
        List<List<LocalDate>> dates = new ArrayList<>();
        List<double[]> closes = new ArrayList<>();
        int[] n = new int[k];
        for (int j = 0; j < k; j++) {
            dates.add(new ArrayList<>());
            closes.add(new double[lines.size() - 1]);
        }
        LocalDate previous = null;
        for (int t = 1; t < lines.size(); t++) {
            String[] cells = lines.get(t).split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException(source + " line " + (t + 1) + ": " + cells.length + " cells, the "
                        + "header has " + header.length);
            }
            LocalDate day = LocalDate.parse(cells[0]);
            if (previous != null && !day.isAfter(previous)) {
                throw new IllegalArgumentException(source + " line " + (t + 1) + ": dates must increase");
            }
            previous = day;
            for (int j = 0; j < k; j++) {
                if (!cells[j + 1].isEmpty()) {
                    double v = Double.parseDouble(cells[j + 1]);
                    if (!(v > 0) || !Double.isFinite(v)) {
                        throw new IllegalArgumentException(source + " line " + (t + 1) + ": " + header[j + 1]
                                + "'s close " + cells[j + 1] + " is not a price above 0");
                    }
                    dates.get(j).add(day);
                    closes.get(j)[n[j]++] = v;
                }
            }
        }
        List<Market> out = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            if (n[j] == 0) {
                throw new IllegalArgumentException(source + ": market " + header[j + 1] + " has no close");
            }
            out.add(Market.of(header[j + 1], about.apply(header[j + 1]), source + "#" + header[j + 1], dates.get(j),
                    java.util.Arrays.copyOf(closes.get(j), n[j]), new DataReport(n[j], 0, 0, 0)));
        }
        return List.copyOf(out);
    }
}
