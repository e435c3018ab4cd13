package io.sysrisk.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.sysrisk.data.CsvMarketLoader;
import io.sysrisk.data.EmbeddedDataset;
import io.sysrisk.data.LoadOptions;
import io.sysrisk.data.MarketData;

/** Where an experiment's market data comes from: an embedded dataset, or a user's CSV file. */
public record DataSpec(EmbeddedDataset dataset, Path file, LoadOptions options) {

    public DataSpec {
        if ((dataset == null) == (file == null)) {
            throw new IllegalArgumentException("give exactly one of an embedded dataset or a file");
        }
        if (options == null) {
            if (dataset == null) {
                throw new IllegalArgumentException("a CSV file needs load options (input kind)");
            }
            options = dataset.defaultOptions();
        }
    }

    public static DataSpec of(EmbeddedDataset dataset) {
        return new DataSpec(dataset, null, null);
    }

    public static DataSpec of(Path file, LoadOptions options) {
        return new DataSpec(null, file, options);
    }

    public String name() {
        return dataset != null ? dataset.fileName() : file.getFileName().toString();
    }

    public MarketData load() {
        return dataset != null ? dataset.load(options) : CsvMarketLoader.load(file, options);
    }

    /** SHA-256 of the data file's bytes. */
    public String sha256() {
        if (dataset != null) {
            return dataset.sha256();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return EmbeddedDataset.sha256(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
