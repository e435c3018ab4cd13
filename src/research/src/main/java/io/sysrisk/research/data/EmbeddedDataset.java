package io.sysrisk.research.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import io.sysrisk.data.CsvMarketLoader;
import io.sysrisk.data.InputKind;
import io.sysrisk.data.LoadOptions;
import io.sysrisk.data.MarketData;

/**
 * The real market data shipped inside the project (src/datasets/src/main/resources/datasets, described in its README.md).
 * Each entry knows its input kind and, for panels, which column is the index.
 */
public enum EmbeddedDataset {
    SP500("us_sp500_ohlcv_2000_2020.csv", InputKind.OHLCV, null),
    DOW30("us_dow30_1991_2000.csv", InputKind.PANEL, null),
    SPI_SECTORS("ch_spi_sectors_2000_2008.csv", InputKind.PANEL, "SPI"),
    SWX("ch_swx_2000_2007.csv", InputKind.PANEL, "SPI"),
    DJIA("us_djia_1980_2012.csv", InputKind.PANEL, "DJIA"),
    GOLD_SILVER("gold_silver_1977_2012.csv", InputKind.PANEL, null),
    /** S&P 500 (S&P 90 before March 1957) closes rebuilt from daily returns; dates approximate (see the card). */
    SP500_1928("us_sp500_1928_1965.csv", InputKind.PANEL, "close");

    private static final String FOLDER = "/datasets/";

    private final String fileName;
    private final InputKind kind;
    private final String indexColumn;

    EmbeddedDataset(String fileName, InputKind kind, String indexColumn) {
        this.fileName = fileName;
        this.kind = kind;
        this.indexColumn = indexColumn;
    }

    public String fileName() {
        return fileName;
    }

    public InputKind kind() {
        return kind;
    }

    /**
     * How the file is read by default. The S&amp;P 500 1928-1965 keeps days whose close repeats the day before: its
     * dates are reconstructed trading days (no holiday is listed), so an unchanged close is a real one (347 days,
     * 117 of them in 1940-44), and dropping it would shorten volatility windows and trading-day counts.
     */
    public LoadOptions defaultOptions() {
        LoadOptions options = kind == InputKind.OHLCV ? LoadOptions.ohlcv() : LoadOptions.panel(indexColumn);
        return this == SP500_1928 ? options.withDropRepeatedDays(false) : options;
    }

    /** Command-line spelling: lower case with dashes, e.g. {@code spi-sectors}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static EmbeddedDataset fromCliName(String name) {
        for (EmbeddedDataset d : values()) {
            if (d.cliName().equalsIgnoreCase(name) || d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + name + "'; known: "
                + java.util.Arrays.stream(values()).map(EmbeddedDataset::cliName).toList());
    }

    /** The embedded dataset stored as {@code fileName}, if any. */
    public static java.util.Optional<EmbeddedDataset> byFileName(String fileName) {
        return java.util.Arrays.stream(values()).filter(d -> d.fileName.equals(fileName)).findFirst();
    }

    public MarketData load() {
        return load(defaultOptions());
    }

    /** The file as read with {@code options}, with its known source errors repaired ({@link SourceRepairs}). */
    public MarketData load(LoadOptions options) {
        return load(bytes(), options);
    }

    /**
     * The file as {@link #load(LoadOptions)} reads it and the SHA-256 of the very bytes parsed: one read of the
     * resource, so the recorded hash cannot belong to other bytes than the ones trained on.
     */
    public ReadData read(LoadOptions options) {
        byte[] bytes = bytes();
        return new ReadData(load(bytes, options), sha256(bytes));
    }

    private MarketData load(byte[] bytes, LoadOptions options) {
        MarketData data = raw(bytes, options);
        if (this == SP500 && data.columns().contains("volume")) {
            return SourceRepairs.sp500Volume(data);
        }
        if (this == SPI_SECTORS && data.columns().contains("SPI") && options.maxForwardFill() > 0) {
            LoadOptions strict = new LoadOptions(options.inputKind(), options.indexColumn(), options.minRows(), 0, 1.0,
                    options.dropRepeatedDays());
            return SourceRepairs.spiFromSectors(data, raw(bytes, strict));
        }
        return data;
    }

    /** The file exactly as the loader reads it, errors included. */
    public MarketData raw(LoadOptions options) {
        return raw(bytes(), options);
    }

    private MarketData raw(byte[] bytes, LoadOptions options) {
        return parse(bytes, fileName, options);
    }

    /** SHA-256 of the file's bytes, recorded in a model's provenance. */
    public String sha256() {
        return sha256(bytes());
    }

    /** {@code bytes} parsed as a market CSV named {@code source}. */
    public static MarketData parse(byte[] bytes, String source, LoadOptions options) {
        try (Reader r = new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            return CsvMarketLoader.load(r, source, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of {@code bytes}, as the model store writes it. */
    public static String sha256(byte[] bytes) {
        try {
            return sha256(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] bytes() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(InputStream in) throws IOException {
        return io.sysrisk.store.ModelStore.sha256(in);
    }

    private InputStream open() {
        InputStream in = EmbeddedDataset.class.getResourceAsStream(FOLDER + fileName);
        if (in == null) {
            throw new IllegalStateException("embedded dataset " + FOLDER + fileName + " is not on the class path");
        }
        return in;
    }
}
