package io.sysrisk.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.sysrisk.data.CsvMarketLoader;
import io.sysrisk.data.LoadOptions;
import io.sysrisk.data.MarketData;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.research.data.EmbeddedDataset;
import io.sysrisk.research.experiment.DataSpec;
import io.sysrisk.research.experiment.DefaultExperiments;
import io.sysrisk.research.experiment.ExperimentConfig;
import io.sysrisk.windows.ChronologicalSplit;
import picocli.CommandLine.Option;

/**
 * Options shared by every job that builds an experiment. Each one overrides the named experiment's value; an option
 * left out takes the experiment's own value (never a second default written here).
 */
public class ExperimentOptions {

    @Option(names = "--experiment", defaultValue = PooledConfig.DEFAULT_NAME,
            description = "any-index (default: one model pooled over every embedded equity market's closes). The "
                    + "old single-market experiments (sp500, spi-sectors, dow30, djia) remain for summary and for "
                    + "reports of versions the old job made; train their data with --dataset.")
    String experiment;

    @Option(names = "--dataset", description = "One embedded dataset, trained in the default model's shape as one "
            + "market with all its columns: sp500, dow30, spi-sectors, swx, djia, gold-silver, sp500-1928.")
    String dataset;

    @Option(names = "--csv", description = "Your own CSV file (date column first), trained in the default model's "
            + "shape as one market with all its columns.")
    Path csv;

    @Option(names = "--kind", description = "Input kind of --csv: ohlcv, panel (one index and its members), or "
            + "markets (one column of closes per market, pooled and judged leave-one-market-out as the default).")
    String kind;

    @Option(names = "--index-column", description = "Panel --csv only: the column that is the market index.")
    String indexColumn;

    @Option(names = "--label", description = "Label: onset (any-index's), drawdown (the single-market "
            + "experiments'), co-crash, vol-regime.")
    String label;

    @Option(names = "--horizon", description = "Label horizon in trading days (default: the experiment's, 20).")
    Integer horizon;

    @Option(names = "--threshold", description = "onset and drawdown: the fall as a fraction (default: the "
            + "experiment's); co-crash: member fall (default 0.10); vol-regime: annualized volatility (default 0.35).")
    Double threshold;

    @Option(names = "--share", defaultValue = "0.5", description = "co-crash: share of members that must fall.")
    double share;

    @Option(names = "--window", description = "Window length in trading days (default: the experiment's, 60).")
    Integer window;

    @Option(names = "--features", split = ",", description = "any-index: the model's inputs, e.g. ret_z,vol_ratio_20_250 "
            + "(default ret_1d,vol_20d,vol_120d,drawdown_250d).")
    List<String> features;

    /**
     * The old single-market split dates: options of {@code summary} only ({@link SplitDates}); train refuses them
     * ({@link Train}) and lists none of them.
     */
    SplitDates dates = new SplitDates();

    @Option(names = "--validation-share", description = "--csv and --dataset training: the latest share of the "
            + "labelled windows held for validation (its earlier half) and calibration (its later half); default "
            + "the default model's, 0.2.")
    Double validationShare;

    /** Whether these options train a user's file or one embedded dataset (in the default model's shape). */
    public boolean ownData() {
        return csv != null || dataset != null;
    }

    /**
     * A user's file ({@code --csv}) or one embedded dataset ({@code --dataset}) as one market with all its columns,
     * for training in the default model's shape.
     */
    public io.sysrisk.training.TrainingData ownTrainingData() {
        if (dataset != null && csv != null) {
            throw new IllegalArgumentException("give --dataset or --csv, not both");
        }
        if (dataset != null) {
            EmbeddedDataset d = EmbeddedDataset.fromCliName(dataset);
            return io.sysrisk.training.TrainingData.of(d.cliName(), DataSpec.of(d));
        }
        if (kind != null && kind.equalsIgnoreCase("markets")) {
            return io.sysrisk.training.TrainingData.markets(stem(), csv);
        }
        return io.sysrisk.training.TrainingData.of(stem(), DataSpec.of(csv, loadOptions()));
    }

    /**
     * The default model's experiment over one user market: its label (onset) unless given, its window, the given
     * validation share, and as inputs {@code features} or every feature the data supports (the default's four from
     * the index, plus those that read an OHLCV file's range and volume or a panel's members).
     */
    public PooledConfig ownPooledConfig(io.sysrisk.training.TrainingData data) {
        if (!experiment.equals(PooledConfig.DEFAULT_NAME)) {
            throw new IllegalArgumentException("--experiment " + experiment + " names an embedded experiment; with "
                    + "--csv or --dataset leave it out");
        }
        if (dates.any()) {
            throw new IllegalArgumentException("a --csv or --dataset model is split like the default: the latest "
                    + "--validation-share of its windows for validation and calibration, no test part (its evidence "
                    + "is the report's); drop --validation-start, --test-start and --test-end");
        }
        // Several markets' closes are read as the default reads the embedded ones: its inputs.
        PooledConfig c = PooledConfig.defaults().withName(data.name()).withFeatures(features != null ? features
                : data.single() == null ? PooledConfig.defaults().featureIds()
                : io.sysrisk.features.FeatureSet.allFor(data.single()).ids());
        if (window != null) {
            c = c.withWindow(window);
        }
        if (validationShare != null) {
            c = c.withValidationShare(validationShare);
        }
        return c.withLabel(label(c.label()));
    }

    private String stem() {
        return csv.getFileName().toString().replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9._-]", "-");
    }

    private LoadOptions loadOptions() {
        if (kind == null) {
            throw new IllegalArgumentException("--csv needs --kind ohlcv, panel or markets");
        }
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "ohlcv" -> LoadOptions.ohlcv();
            case "panel" -> LoadOptions.panel(indexColumn);
            default -> throw new IllegalArgumentException("--kind must be ohlcv, panel or markets, got '" + kind + "'");
        };
    }

    /** Whether these options name the pooled default experiment rather than a single market. */
    public boolean pooled() {
        return experiment.equals(PooledConfig.DEFAULT_NAME) && csv == null && dataset == null;
    }

    /** The pooled experiment with these options' label and window. */
    public PooledConfig toPooledConfig() {
        if (!pooled()) {
            throw new IllegalArgumentException("--experiment " + experiment + " is a single-market experiment");
        }
        if (dates.any()) {
            throw new IllegalArgumentException("the any-index experiment has no split dates: every market is "
                    + "training or validation, and the report holds markets out; drop --validation-start, "
                    + "--test-start and --test-end");
        }
        PooledConfig c = PooledConfig.defaults();
        if (features != null) {
            c = c.withFeatures(features);
        }
        if (window != null) {
            c = c.withWindow(window);
        }
        return c.withLabel(label(c.label()));
    }

    /**
     * A named single-market experiment (sp500, spi-sectors, dow30, djia), the old single-network job's. A user's file
     * and one embedded dataset train in the default's shape instead ({@link #ownPooledConfig}).
     */
    public ExperimentConfig toConfig() {
        if (ownData()) {
            throw new IllegalArgumentException("--csv and --dataset train in the default model's shape, not as a "
                    + "named single-market experiment");
        }
        ExperimentConfig c;
        try {
            c = DefaultExperiments.fromCliName(experiment).config();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown experiment '" + experiment + "'; known: "
                    + PooledConfig.DEFAULT_NAME + " (the default), " + String.join(", ",
                    java.util.Arrays.stream(DefaultExperiments.values()).map(DefaultExperiments::cliName).toList()));
        }
        if (window != null) {
            c = c.withWindow(window);
        }
        ChronologicalSplit s = c.split();
        if (dates.any()) {
            s = new ChronologicalSplit(dates.validationStart != null ? dates.validationStart : s.validationStart(),
                    dates.testStart != null ? dates.testStart : s.testStart(),
                    dates.testEnd != null ? dates.testEnd : s.testEnd(), s.embargo());
        }
        c = c.withSplit(s);
        if (label != null || horizon != null || threshold != null) {
            c = c.withLabel(label(c.label()));
        }
        return c;
    }

    /** The requested label; values not given come from {@code base} when it is of the same kind. */
    private LabelDefinition label(LabelDefinition base) {
        String l = label != null ? label : base.cliName();
        int h = horizon != null ? horizon : base.horizon();
        return switch (l) {
            case "onset" -> new LabelDefinition.Onset(h, threshold != null ? threshold
                    : base instanceof LabelDefinition.Onset o ? o.threshold()
                    : base instanceof LabelDefinition.FutureDrawdown d ? d.threshold() : LabelDefinition.DEFAULT_FALL);
            case "drawdown" -> new LabelDefinition.FutureDrawdown(h, threshold != null ? threshold
                    : base instanceof LabelDefinition.FutureDrawdown d ? d.threshold()
                    : base instanceof LabelDefinition.Onset o ? o.threshold() : LabelDefinition.DEFAULT_FALL);
            case "co-crash" -> new LabelDefinition.CoCrash(h, threshold != null ? threshold
                    : base instanceof LabelDefinition.CoCrash cc ? cc.memberThreshold()
                    : LabelDefinition.DEFAULT_MEMBER_FALL, share);
            case "vol-regime" -> new LabelDefinition.VolatilityRegime(h, threshold != null ? threshold
                    : base instanceof LabelDefinition.VolatilityRegime v ? v.annualizedVolatility()
                    : LabelDefinition.DEFAULT_VOLATILITY);
            default -> throw new IllegalArgumentException("unknown --label '" + l
                    + "'; known: onset, drawdown, co-crash, vol-regime");
        };
    }
}
