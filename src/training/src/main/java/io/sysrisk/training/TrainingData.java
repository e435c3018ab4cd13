package io.sysrisk.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.sysrisk.data.InputKind;
import io.sysrisk.data.Market;
import io.sysrisk.data.MarketData;
import io.sysrisk.research.data.EmbeddedDataset;
import io.sysrisk.research.data.Markets;
import io.sysrisk.research.experiment.DataSpec;
import io.sysrisk.store.ModelManifest;

/**
 * What a model in the default's shape trains on: its series, which of them only train (never validation,
 * calibration or test), what a scoring request must carry (the input kind and columns of every series), and the data
 * files for the manifest. The default pools the embedded equity markets' closes; a user's file (or one embedded
 * dataset) is one market with every column it has.
 *
 * @param name the data's name in logs (the default's experiment name, or the file's stem)
 */
public record TrainingData(String name, List<Market> markets, Set<String> trainingOnly, InputKind kind,
                           List<String> columns, String indexColumn, List<ModelManifest.DataFile> files) {

    public TrainingData {
        markets = List.copyOf(markets);
        trainingOnly = Set.copyOf(trainingOnly);
        columns = List.copyOf(columns);
        files = List.copyOf(files);
    }

    /** The embedded equity markets' closes, and with {@code spiSectors} the 9 SPI sectors as training-only series. */
    public static TrainingData embedded(String name, boolean spiSectors) {
        List<Market> markets = new ArrayList<>(Markets.embedded());
        if (spiSectors) {
            markets.addAll(Markets.spiSectors());
        }
        List<ModelManifest.DataFile> files = new ArrayList<>();
        for (Market m : markets) {
            EmbeddedDataset d = EmbeddedDataset.byFileName(m.data().source()).orElseThrow();
            files.add(new ModelManifest.DataFile(d.fileName(), d.sha256(), m.data().size(), m.first().toString(),
                    m.last().toString(), m.name() + ": " + m.about() + "; " + m.data().report()));
        }
        return new TrainingData(name, markets, Recipe.trainingOnly(markets), Market.loadOptions().inputKind(),
                List.of(Market.CLOSE), Market.CLOSE, files);
    }

    /**
     * One market from {@code spec} (a user's CSV or an embedded dataset), every column kept: an OHLCV file's volume
     * and range, a panel's members, read by the features that need them.
     */
    public static TrainingData of(String name, DataSpec spec) {
        io.sysrisk.research.data.ReadData read = spec.read();
        MarketData data = read.data();
        Market market = new Market(name, spec.name() + " (" + data.kind().name().toLowerCase(java.util.Locale.ROOT)
                + ", " + data.columns().size() + " columns, index " + data.indexColumn() + ")", data);
        ModelManifest.DataFile file = new ModelManifest.DataFile(spec.name(), read.sha256(), data.size(),
                market.first().toString(), market.last().toString(), data.report().toString());
        return new TrainingData(name, List.of(market), Set.of(), data.kind(), data.columns(), data.indexColumn(),
                List.of(file));
    }

    /** Separates a several-markets file's name from a market's column in the manifest's data list. */
    public static final String COLUMN_MARK = "#";

    /**
     * A user's file of several markets, {@code date} then one column of closes per market (a blank cell: no close
     * that day, a holiday or before its history): each column is read alone as the default reads a close series,
     * and pooled as the default pools the embedded markets. The manifest lists one entry per market,
     * {@code file#column}, each with the file's SHA-256.
     */
    public static TrainingData markets(String name, java.nio.file.Path file) {
        TrainingData data = columns(name, file.getFileName().toString(), read(file), null);
        if (data.markets().size() < 2) {
            throw new IllegalArgumentException(file + " has " + data.markets().size() + " market column(s); --kind "
                    + "markets needs at least two (one market with its own columns: --kind panel or ohlcv)");
        }
        return data;
    }

    /** The embedded panel's index file: the markets a user's data joins ({@link #joined}). */
    public static final String PANEL_FILE = io.sysrisk.research.data.SystemicPanel.File.WORLD_INDICES.fileName();

    /**
     * A user's markets trained together with the embedded system: {@code columns} of {@code file} (null: every
     * one), each read as a close series like a several-markets file's, first, then the panel's eight indices
     * ({@value #PANEL_FILE}, every column). A short file thus trains, validates and calibrates with the panel's
     * events too; its evidence is judged on its own markets only (report, walk-forward). Entries are
     * {@code file#column}, the panel's with its own file's name.
     */
    public static TrainingData joined(String name, java.nio.file.Path file, List<String> columns) {
        TrainingData own = columns(name, file.getFileName().toString(), read(file), columns);
        if (own.files().stream().anyMatch(f -> f.name().startsWith(PANEL_FILE + COLUMN_MARK))) {
            throw new IllegalArgumentException(file + " is the embedded panel's own file: train it with --kind "
                    + "markets, without --with-panel");
        }
        byte[] panelBytes = io.sysrisk.research.data.SystemicPanel.File.WORLD_INDICES.bytes();
        TrainingData panel = columns(name, PANEL_FILE, panelBytes, null);
        List<Market> markets = new ArrayList<>(own.markets());
        for (Market m : panel.markets()) {
            if (markets.stream().anyMatch(o -> o.name().equals(m.name()))) {
                throw new IllegalArgumentException(file + ": market '" + m.name() + "' is also a column of the "
                        + "embedded panel " + PANEL_FILE + "; rename your column");
            }
            markets.add(m);
        }
        List<ModelManifest.DataFile> files = new ArrayList<>(own.files());
        files.addAll(panel.files());
        return new TrainingData(name, markets, Set.of(), own.kind(), own.columns(), own.indexColumn(), files);
    }

    private static byte[] read(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(file + " cannot be read", e);
        }
    }

    /**
     * The columns {@code only} (null: every one) of a file {@code date,<market>,...}, each a close series on its
     * own days; an unknown column in {@code only} is refused with the file's columns.
     */
    private static TrainingData columns(String name, String fileName, byte[] bytes, List<String> only) {
        String sha = EmbeddedDataset.sha256(bytes);
        // Read and split once: every column below walks the same rows.
        List<List<String>> rows = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank()).map(TrainingData::cells).toList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(fileName + " is empty; expected a header 'date,<market>,<market>,...'");
        }
        List<String> header = rows.get(0);
        if (only != null) {
            for (String c : only) {
                if (!header.subList(1, header.size()).contains(c)) {
                    throw new IllegalArgumentException(fileName + " has no column '" + c + "'; its columns: "
                            + header.subList(1, header.size()));
                }
            }
        }
        List<Market> markets = new ArrayList<>();
        List<ModelManifest.DataFile> files = new ArrayList<>();
        for (int j = 1; j < header.size(); j++) {
            String column = header.get(j);
            if (column.isEmpty() || markets.stream().anyMatch(m -> m.name().equals(column))) {
                throw new IllegalArgumentException(fileName + ": column " + (j + 1) + " of the header is "
                        + (column.isEmpty() ? "empty" : "a second '" + column + "'") + "; name each market once");
            }
            if (only != null && !only.contains(column)) {
                continue;
            }
            StringBuilder csv = new StringBuilder("date," + Market.CLOSE + "\n");
            for (List<String> c : rows.subList(1, rows.size())) {
                if (j < c.size() && !c.get(j).isEmpty()) {
                    csv.append(c.get(0)).append(',').append(c.get(j)).append('\n');
                }
            }
            String source = fileName + COLUMN_MARK + column;
            MarketData data = io.sysrisk.data.CsvMarketLoader.load(new java.io.StringReader(csv.toString()), source,
                    Market.loadOptions());
            Market market = new Market(column, "column " + column + " of " + fileName, data);
            markets.add(market);
            files.add(new ModelManifest.DataFile(source, sha, data.size(), market.first().toString(),
                    market.last().toString(), data.report().toString()));
        }
        return new TrainingData(name, markets, Set.of(), Market.loadOptions().inputKind(), List.of(Market.CLOSE),
                Market.CLOSE, files);
    }

    /** Whether a manifest's data list is a several-markets file's ({@link #markets}). */
    public static boolean isMarketsFile(List<ModelManifest.DataFile> data) {
        return data != null && data.size() > 1 && data.stream().allMatch(f -> f.name().contains(COLUMN_MARK));
    }

    /**
     * The file a several-markets data list came from (its entries are {@code file#column}); of a user's data
     * joined with the panel ({@link #joined}), the user's file.
     */
    public static String marketsFileName(List<ModelManifest.DataFile> data) {
        String n = data.get(0).name();
        return n.substring(0, n.lastIndexOf(COLUMN_MARK));
    }

    /** Whether a manifest's data list is a user's markets joined with the embedded panel ({@link #joined}). */
    public static boolean isJoined(List<ModelManifest.DataFile> data) {
        return isMarketsFile(data) && data.stream().anyMatch(f -> f.name().startsWith(PANEL_FILE + COLUMN_MARK))
                && !data.get(0).name().startsWith(PANEL_FILE + COLUMN_MARK);
    }

    /** The user's markets of a joined data list ({@link #joined}): its entries before the panel's. */
    public static List<String> ownColumns(List<ModelManifest.DataFile> data) {
        return columns(data, false);
    }

    /** The panel's markets of a joined data list ({@link #joined}). */
    public static List<String> panelColumns(List<ModelManifest.DataFile> data) {
        return columns(data, true);
    }

    private static List<String> columns(List<ModelManifest.DataFile> data, boolean panel) {
        return data.stream().filter(f -> f.name().startsWith(PANEL_FILE + COLUMN_MARK) == panel)
                .map(f -> f.name().substring(f.name().lastIndexOf(COLUMN_MARK) + 1)).toList();
    }

    private static List<String> cells(String line) {
        return java.util.Arrays.stream(line.split(",", -1)).map(c -> c.trim().replaceAll("^\"(.*)\"$", "$1"))
                .toList();
    }

    /** The one market of a user's file, or null for the pooled default. */
    public MarketData single() {
        return markets.size() == 1 ? markets.get(0).data() : null;
    }
}
