package io.sysrisk.research.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.sysrisk.data.DataValidationException;
import io.sysrisk.data.LoadOptions;
import io.sysrisk.data.MarketData;
import io.sysrisk.research.data.EmbeddedDataset;
import io.sysrisk.research.data.ReadData;

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
        return read().data();
    }

    /**
     * The data and the SHA-256 of the bytes it was parsed from, from one read of the file: a file changed between
     * a parse and a separate hash would otherwise record a hash of other bytes than the ones trained on.
     */
    public ReadData read() {
        if (dataset != null) {
            return dataset.read(options);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataValidationException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return new ReadData(EmbeddedDataset.parse(bytes, name(), options), EmbeddedDataset.sha256(bytes));
    }
}
