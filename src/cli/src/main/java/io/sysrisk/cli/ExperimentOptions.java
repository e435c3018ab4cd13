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
import picocli.CommandLine.Option;

/**
 * Options shared by every job that builds an experiment. Each one overrides the named experiment's value; an option
 * left out takes the experiment's own value (never a second default written here).
 */
public class ExperimentOptions {

    @Option(names = "--experiment", defaultValue = PooledConfig.DEFAULT_NAME,
            description = "any-index (the default and only one: one model pooled over every embedded equity "
                    + "market's closes). The retired single-market names (sp500, spi-sectors, dow30, djia) answer "
                    + "with the --dataset that trains their data in the default model's shape.")
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

    @Option(names = "--validation-share", description = "--csv and --dataset training: the latest share of the "
            + "labelled windows held for validation (its earlier half) and calibration (its later half); default "
            + "the default model's, 0.2.")
    Double validationShare;

    @Option(names = "--with-panel", description = "--csv: train your market(s) together with the embedded "
            + "systemic panel's eight indices (1950/1984-2015) as extra series, so a short file trains, validates "
            + "and calibrates on their falls too; its evidence (report --version <it> --csv <your file>) is judged "
            + "walk-forward on your market(s) only. Reads the index column of a panel (--index-column), the close "
            + "of an OHLCV file, or every column of --kind markets, each as a close series.")
    boolean withPanel;

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
        if (withPanel) {
            if (csv == null) {
                throw new IllegalArgumentException("--with-panel joins your --csv file to the embedded panel");
            }
            return io.sysrisk.training.TrainingData.joined(stem(), csv, joinedColumns());
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

    /** The columns of --csv read as close series when joined to the panel (null: every one). */
    private List<String> joinedColumns() {
        if (kind == null) {
            throw new IllegalArgumentException("--with-panel needs --kind: panel (with --index-column), ohlcv or "
                    + "markets");
        }
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "markets" -> null;
            case "panel" -> {
                if (indexColumn == null) {
                    throw new IllegalArgumentException("--with-panel --kind panel reads the index: give "
                            + "--index-column");
                }
                yield List.of(indexColumn);
            }
            case "ohlcv" -> List.of(closeColumn());
            default -> throw new IllegalArgumentException("--kind must be ohlcv, panel or markets, got '" + kind
                    + "'");
        };
    }

    /** The OHLCV file's close column as its header spells it. */
    private String closeColumn() {
        try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(csv)) {
            String header = r.readLine();
            for (String c : header == null ? new String[0] : header.split(",")) {
                if (c.strip().equalsIgnoreCase("close")) {
                    return c.strip();
                }
            }
            throw new IllegalArgumentException(csv + " has no close column; its header: " + header);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(csv + " cannot be read", e);
        }
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
            if (ownData()) {
                // Callers ask ownData() first: a user's file or dataset is read by ownPooledConfig.
                throw new IllegalStateException("a --csv or --dataset experiment is made by ownPooledConfig");
            }
            throw new IllegalArgumentException(retired(experiment));
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

    /** The experiments of the single-market job retired on 2026-12-04; each name is also its dataset's. */
    static final java.util.Set<String> RETIRED = java.util.Set.of("sp500", "spi-sectors", "dow30", "djia");

    /** What {@code --experiment name} answers when it is not the default. */
    static String retired(String name) {
        if (!RETIRED.contains(name)) {
            return "unknown experiment '" + name + "'; known: " + PooledConfig.DEFAULT_NAME + " (the default). A file "
                    + "of your own: --csv; one embedded dataset: --dataset";
        }
        return "--experiment " + name + " named the old single-network job, retired on 2026-12-04; its data trains "
                + "in the default model's shape with --dataset " + name + " (onset label, anchored seed ensemble, "
                + "calibration part, alarm gate; its evidence: report --version <it>, walk-forward)";
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
