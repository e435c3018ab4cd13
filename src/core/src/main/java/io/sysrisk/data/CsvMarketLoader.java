package io.sysrisk.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads daily market CSVs: a first column {@code date} (ISO {@code YYYY-MM-DD}) and one numeric column per series.
 *
 * <p>Every rejection names the source, the file line (the header is line 1) and the column. The missing-cell policy
 * is {@link LoadOptions}'s.
 */
public final class CsvMarketLoader {

    private static final String ADJ_CLOSE = "adjclose";

    private CsvMarketLoader() {
    }

    public static MarketData load(Path file, LoadOptions options) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(r, file.getFileName().toString(), options);
        } catch (IOException e) {
            throw new DataValidationException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** The reader past a leading UTF-8 byte order mark, which spreadsheet programs write before the header. */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        java.io.PushbackReader in = new java.io.PushbackReader(reader, 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }

    public static MarketData load(Reader reader, String source, LoadOptions options) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(withoutByteOrderMark(reader), format)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException e) {
            throw new DataValidationException(source + ": not a readable CSV: " + e.getMessage(), e);
        }
        if (records.isEmpty()) {
            throw new DataValidationException(source + ": is empty; expected a header line starting with 'date'");
        }
        CSVRecord header = records.get(0);
        List<String> names = new ArrayList<>();
        header.forEach(h -> names.add(h.trim()));
        if (!names.get(0).equalsIgnoreCase("date")) {
            throw new DataValidationException(source + " line 1: the first column must be 'date', found '"
                    + names.get(0) + "'");
        }
        int[] use = selectColumns(source, names, options.inputKind());
        List<String> columns = new ArrayList<>();
        for (int i : use) {
            columns.add(options.inputKind() == InputKind.OHLCV ? names.get(i).toLowerCase(Locale.ROOT) : names.get(i));
        }
        if (options.indexColumn() != null && !columns.contains(options.indexColumn())) {
            throw new DataValidationException(source + " line 1: index column '" + options.indexColumn()
                    + "' is not among the columns " + columns);
        }

        int n = records.size() - 1;
        LocalDate[] dates = new LocalDate[n];
        long[] lines = new long[n];
        double[][] values = new double[columns.size()][n];
        for (int row = 0; row < n; row++) {
            CSVRecord rec = records.get(row + 1);
            long line = rec.getRecordNumber();
            lines[row] = line;
            if (rec.size() != names.size()) {
                throw new DataValidationException(source + " line " + line + ": has " + rec.size()
                        + " cells, the header has " + names.size());
            }
            dates[row] = parseDate(source, line, rec.get(0));
            for (int c = 0; c < use.length; c++) {
                values[c][row] = parseValue(source, line, columns.get(c), rec.get(use[c]));
            }
        }
        return MarketDataBuilder.build(source, options, Arrays.asList(dates), columns, values,
                (row, column) -> source + " line " + lines[row] + " column '" + column + "'");
    }

    private static int[] selectColumns(String source, List<String> names, InputKind kind) {
        if (kind == InputKind.PANEL) {
            if (names.size() < 2) {
                throw new DataValidationException(source + " line 1: a panel needs at least one price column after 'date'");
            }
            for (int i = 1; i < names.size(); i++) {
                if (names.get(i).isEmpty() || names.indexOf(names.get(i)) != i) {
                    throw new DataValidationException(source + " line 1: column " + (i + 1) + " name '"
                            + names.get(i) + "' is empty or repeated");
                }
            }
            int[] use = new int[names.size() - 1];
            Arrays.setAll(use, i -> i + 1);
            return use;
        }
        List<String> lower = names.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        for (int i = 1; i < lower.size(); i++) {
            if (!MarketData.OHLCV_COLUMNS.contains(lower.get(i)) && !lower.get(i).equals(ADJ_CLOSE)) {
                throw new DataValidationException(source + " line 1: unexpected column '" + names.get(i)
                        + "' for OHLCV input; expected date,open,high,low,close[,adjclose],volume");
            }
        }
        int[] use = new int[MarketData.OHLCV_COLUMNS.size()];
        for (int c = 0; c < use.length; c++) {
            use[c] = lower.indexOf(MarketData.OHLCV_COLUMNS.get(c));
            if (use[c] < 0) {
                throw new DataValidationException(source + " line 1: OHLCV input lacks column '"
                        + MarketData.OHLCV_COLUMNS.get(c) + "'; expected date,open,high,low,close[,adjclose],volume");
            }
        }
        return use;
    }

    private static LocalDate parseDate(String source, long line, String cell) {
        try {
            return LocalDate.parse(cell.trim());
        } catch (DateTimeParseException e) {
            throw new DataValidationException(source + " line " + line + " column 'date': '" + cell
                    + "' is not a date of the form YYYY-MM-DD");
        }
    }

    /** An empty cell is NaN here (missing); {@link MarketDataBuilder} applies the missing-cell policy. */
    private static double parseValue(String source, long line, String column, String cell) {
        String s = cell.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("NA")) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new DataValidationException(source + " line " + line + " column '" + column + "': '" + cell
                    + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new DataValidationException(source + " line " + line + " column '" + column + "': '" + cell
                    + "' is not a finite number");
        }
        return v;
    }
}
