package io.sysrisk.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import ai.djl.inference.Predictor;
import io.sysrisk.data.CsvMarketLoader;
import io.sysrisk.data.LoadOptions;
import io.sysrisk.data.MarketData;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.model.DjlScoring;
import io.sysrisk.model.StoredModel;
import io.sysrisk.research.data.EmbeddedDataset;
import io.sysrisk.research.data.Markets;
import io.sysrisk.research.labels.Labeler;
import io.sysrisk.scoring.DatedScore;
import io.sysrisk.scoring.MarketScorer;
import io.sysrisk.store.ModelManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score every date of a market with a stored model; prints CSV date,probability,alert,label "
                + "(label empty while its horizon has not passed, or masked inside an event).")
class Score implements Callable<Integer>, DjlJob {

    @Mixin
    StoredModelOptions stored;

    @Option(names = "--dataset", description = "Embedded dataset (default: the one the model was trained on).")
    String dataset;

    @Option(names = "--market", defaultValue = "sp500", description = "any-index model: an embedded market "
            + "(sp500-1928, djia, dow30-ew, spi, sp500; default ${DEFAULT-VALUE}).")
    String market;

    @Option(names = "--csv", description = "Your own CSV, in the model's input kind and columns (any-index: "
            + "date,close).")
    Path csv;

    @Option(names = "--from", description = "First date to score (YYYY-MM-DD).")
    LocalDate from;

    @Option(names = "--to", description = "Last date to score (YYYY-MM-DD).")
    LocalDate to;

    @Option(names = "--engine", defaultValue = "java", description = "java (default: the pure-Java forward pass, "
            + "exact and fast for these models, no native library) or djl (libtorch; for large batches and the GPU).")
    String engine;

    @Override
    public boolean usesDjl() {
        return engine.equals("djl");
    }

    @Override
    public Integer call() {
        if (engine.equals("java")) {
            ModelManifest m = stored.manifest();
            MarketData data = load(m);
            print(m, data, stored.scorer(m).score(data, from, to, stored.javaModel()));
            return 0;
        }
        if (!engine.equals("djl")) {
            throw new IllegalArgumentException("--engine must be djl or java, got '" + engine + "'");
        }
        try (StoredModel model = stored.load();
             Predictor<WindowBatch, List<WindowScore>> predictor = model.newPredictor()) {
            ModelManifest m = model.manifest();
            MarketData data = load(m);
            print(m, data, stored.scorer(m).score(data, from, to, DjlScoring.scorer(predictor)));
        }
        return 0;
    }

    private static void print(ModelManifest m, MarketData data, List<DatedScore> scores) {
        int[] labels = Labeler.label(data, m.label());
        // A term structure's horizons follow, one column each, so that the first four columns mean what they did.
        List<Integer> horizons = m.horizons() == null ? List.of() : m.horizons();
        StringBuilder header = new StringBuilder("date,probability,alert,label");
        horizons.forEach(h -> header.append(",within_").append(h).append('d'));
        System.out.println(header);
        for (DatedScore s : scores) {
            int y = labels[data.dates().indexOf(s.asOf())];
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s,%.5f,%d,%s", s.asOf(),
                    s.probability(), s.alert() ? 1 : 0, y < 0 ? "" : String.valueOf(y)));
            for (int k = 0; k < horizons.size(); k++) {
                line.append(String.format(Locale.ROOT, ",%.5f", s.termStructure()[k]));
            }
            System.out.println(line);
        }
    }

    private MarketData load(ModelManifest m) {
        LoadOptions options = m.loadOptions();
        if (m.isPooled() && !m.isOneMarket() && csv == null) {
            if (dataset != null) {
                throw new IllegalArgumentException("the any-index model reads closes: give --market or --csv");
            }
            return Markets.byName(Markets.embedded(), market).data();
        }
        if (csv != null) {
            return CsvMarketLoader.load(csv, options);
        }
        if (dataset != null) {
            return EmbeddedDataset.fromCliName(dataset).load(options);
        }
        String trainedOn = m.data().get(0).name();
        return EmbeddedDataset.byFileName(trainedOn).orElseThrow(() -> new IllegalArgumentException(
                "the model was trained on " + trainedOn + ", not an embedded dataset; give --csv")).load(options);
    }
}
