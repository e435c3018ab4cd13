package io.sysrisk.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.sysrisk.data.EmbeddedDataset;
import io.sysrisk.data.InputKind;
import io.sysrisk.data.Market;
import io.sysrisk.data.MarketData;
import io.sysrisk.data.Markets;
import io.sysrisk.experiment.DataSpec;
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
        MarketData data = spec.load();
        Market market = new Market(name, spec.name() + " (" + data.kind().name().toLowerCase(java.util.Locale.ROOT)
                + ", " + data.columns().size() + " columns, index " + data.indexColumn() + ")", data);
        ModelManifest.DataFile file = new ModelManifest.DataFile(spec.name(), spec.sha256(), data.size(),
                market.first().toString(), market.last().toString(), data.report().toString());
        return new TrainingData(name, List.of(market), Set.of(), data.kind(), data.columns(), data.indexColumn(),
                List.of(file));
    }

    /** The one market of a user's file, or null for the pooled default. */
    public MarketData single() {
        return markets.size() == 1 ? markets.get(0).data() : null;
    }
}
