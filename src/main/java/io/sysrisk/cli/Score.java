package io.sysrisk.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import ai.djl.inference.Predictor;
import io.sysrisk.data.CsvMarketLoader;
import io.sysrisk.data.EmbeddedDataset;
import io.sysrisk.data.LoadOptions;
import io.sysrisk.data.MarketData;
import io.sysrisk.labels.Labeler;
import io.sysrisk.model.WindowBatch;
import io.sysrisk.model.WindowScore;
import io.sysrisk.scoring.DatedScore;
import io.sysrisk.scoring.MarketScorer;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.StoredModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score every date of a market with a stored model; prints CSV date,probability,alert,label "
                + "(label empty while its horizon has not passed).")
class Score implements Callable<Integer> {

    @Mixin
    StoredModelOptions stored;

    @Option(names = "--dataset", description = "Embedded dataset (default: the one the model was trained on).")
    String dataset;

    @Option(names = "--csv", description = "Your own CSV, in the model's input kind and columns.")
    Path csv;

    @Option(names = "--from", description = "First date to score (YYYY-MM-DD).")
    LocalDate from;

    @Option(names = "--to", description = "Last date to score (YYYY-MM-DD).")
    LocalDate to;

    @Override
    public Integer call() {
        try (StoredModel model = stored.load();
             Predictor<WindowBatch, List<WindowScore>> predictor = model.newPredictor()) {
            ModelManifest m = model.manifest();
            MarketData data = load(m);
            MarketScorer scorer = new MarketScorer(m);
            int[] labels = Labeler.label(data, m.label());
            System.out.println("date,probability,alert,label");
            for (DatedScore s : scorer.score(data, from, to, predictor)) {
                int y = labels[data.dates().indexOf(s.asOf())];
                System.out.println(String.format(Locale.ROOT, "%s,%.5f,%d,%s", s.asOf(), s.probability(),
                        s.alert() ? 1 : 0, y == Labeler.UNKNOWN ? "" : String.valueOf(y)));
            }
        }
        return 0;
    }

    private MarketData load(ModelManifest m) {
        LoadOptions options = m.loadOptions();
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
