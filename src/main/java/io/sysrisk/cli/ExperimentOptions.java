package io.sysrisk.cli;

import java.nio.file.Path;
import java.util.Locale;

import io.sysrisk.data.EmbeddedDataset;
import io.sysrisk.data.InputKind;
import io.sysrisk.data.LoadOptions;
import io.sysrisk.experiment.DataSpec;
import io.sysrisk.experiment.DefaultExperiments;
import io.sysrisk.experiment.ExperimentConfig;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.windows.ChronologicalSplit;
import picocli.CommandLine.Option;

/** Options shared by every job that builds an experiment; each one overrides the named experiment's value. */
public class ExperimentOptions {

    @Option(names = "--experiment", defaultValue = "sp500",
            description = "Named experiment: sp500 (default), spi-sectors, dow30, djia.")
    String experiment;

    @Option(names = "--dataset", description = "Embedded dataset instead of the experiment's: sp500, dow30, "
            + "spi-sectors, swx, djia, gold-silver.")
    String dataset;

    @Option(names = "--csv", description = "Your own CSV file (date column first) instead of an embedded dataset.")
    Path csv;

    @Option(names = "--kind", description = "Input kind of --csv: ohlcv or panel.")
    String kind;

    @Option(names = "--index-column", description = "Panel --csv only: the column that is the market index.")
    String indexColumn;

    @Option(names = "--label", description = "Label definition: drawdown (default), co-crash, vol-regime.")
    String label;

    @Option(names = "--horizon", description = "Label horizon in trading days (default 20).")
    Integer horizon;

    @Option(names = "--threshold", description = "drawdown: fall as a fraction (default 0.07); co-crash: member "
            + "fall (default 0.10); vol-regime: annualized volatility (default 0.35).")
    Double threshold;

    @Option(names = "--share", defaultValue = "0.5", description = "co-crash: share of members that must fall.")
    double share;

    @Option(names = "--window", description = "Window length in trading days (default 60).")
    Integer window;

    @Option(names = "--validation-start", description = "First window end date of the validation part (YYYY-MM-DD).")
    java.time.LocalDate validationStart;

    @Option(names = "--test-start", description = "First window end date of the test part (YYYY-MM-DD).")
    java.time.LocalDate testStart;

    @Option(names = "--test-end", description = "Last window end date of the test part (default: the last labelled day).")
    java.time.LocalDate testEnd;

    public ExperimentConfig toConfig() {
        ExperimentConfig c = DefaultExperiments.fromCliName(experiment).config();
        if (dataset != null && csv != null) {
            throw new IllegalArgumentException("give --dataset or --csv, not both");
        }
        if (dataset != null) {
            EmbeddedDataset d = EmbeddedDataset.fromCliName(dataset);
            c = c.withData(d.cliName(), DataSpec.of(d));
        }
        if (csv != null) {
            if (kind == null) {
                throw new IllegalArgumentException("--csv needs --kind ohlcv or --kind panel");
            }
            InputKind k = InputKind.valueOf(kind.toUpperCase(Locale.ROOT));
            String stem = csv.getFileName().toString().replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9._-]", "-");
            c = c.withData(stem, DataSpec.of(csv, k == InputKind.OHLCV ? LoadOptions.ohlcv() : LoadOptions.panel(indexColumn)));
        }
        if (window != null) {
            c = c.withWindow(window);
        }
        if (validationStart != null || testStart != null || testEnd != null) {
            ChronologicalSplit s = c.split();
            c = c.withSplit(new ChronologicalSplit(validationStart != null ? validationStart : s.validationStart(),
                    testStart != null ? testStart : s.testStart(), testEnd != null ? testEnd : s.testEnd(),
                    s.embargo()));
        }
        int h = horizon != null ? horizon : c.label().horizon();
        if (label != null || horizon != null || threshold != null) {
            String l = label == null ? "drawdown" : label;
            LabelDefinition def = switch (l) {
                case "drawdown" -> new LabelDefinition.FutureDrawdown(h, threshold != null ? threshold : 0.07);
                case "co-crash" -> new LabelDefinition.CoCrash(h, threshold != null ? threshold : 0.10, share);
                case "vol-regime" -> new LabelDefinition.VolatilityRegime(h, threshold != null ? threshold : 0.35);
                default -> throw new IllegalArgumentException("unknown --label '" + l
                        + "'; known: drawdown, co-crash, vol-regime");
            };
            c = c.withLabel(def);
        }
        return c;
    }
}
