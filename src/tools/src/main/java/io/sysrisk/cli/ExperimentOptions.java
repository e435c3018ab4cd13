package io.sysrisk.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.sysrisk.data.CsvMarketLoader;
import io.sysrisk.data.EmbeddedDataset;
import io.sysrisk.data.InputKind;
import io.sysrisk.data.LoadOptions;
import io.sysrisk.data.MarketData;
import io.sysrisk.experiment.DataSpec;
import io.sysrisk.experiment.DefaultExperiments;
import io.sysrisk.experiment.ExperimentConfig;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.windows.ChronologicalSplit;
import picocli.CommandLine.Option;

/**
 * Options shared by every job that builds an experiment. Each one overrides the named experiment's value; an option
 * left out takes the experiment's own value (never a second default written here).
 */
public class ExperimentOptions {

    /** Share of a user file's dates before validation starts, and before the test part starts. */
    static final double DERIVED_VALIDATION_AT = 0.6;
    static final double DERIVED_TEST_AT = 0.8;

    @Option(names = "--experiment", defaultValue = PooledConfig.DEFAULT_NAME,
            description = "any-index (default: one model pooled over every embedded equity market's closes), or a "
                    + "single-market experiment: sp500, spi-sectors, dow30, djia.")
    String experiment;

    @Option(names = "--dataset", description = "Single-market: an embedded dataset instead of the experiment's: "
            + "sp500, dow30, spi-sectors, swx, djia, gold-silver, sp500-1928.")
    String dataset;

    @Option(names = "--csv", description = "Single-market: your own CSV file (date column first).")
    Path csv;

    @Option(names = "--kind", description = "Input kind of --csv: ohlcv or panel.")
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

    @Option(names = "--validation-start", description = "Single-market: first window end date of the validation "
            + "part (YYYY-MM-DD). For --csv without it: the date 60% through the file.")
    LocalDate validationStart;

    @Option(names = "--test-start", description = "Single-market: first window end date of the test part. For "
            + "--csv without it: the date 80% through the file.")
    LocalDate testStart;

    @Option(names = "--test-end", description = "Single-market: last window end date of the test part (default: "
            + "the last labelled day).")
    LocalDate testEnd;

    /** Whether these options name the pooled default experiment rather than a single market. */
    public boolean pooled() {
        return experiment.equals(PooledConfig.DEFAULT_NAME) && csv == null && dataset == null;
    }

    /** The pooled experiment with these options' label and window. */
    public PooledConfig toPooledConfig() {
        if (!pooled()) {
            throw new IllegalArgumentException("--experiment " + experiment + " is a single-market experiment");
        }
        if (validationStart != null || testStart != null || testEnd != null) {
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

    /** A single-market experiment (also for --csv and --dataset, based on the default single-market settings). */
    public ExperimentConfig toConfig() {
        String base = experiment.equals(PooledConfig.DEFAULT_NAME) ? DefaultExperiments.SP500.cliName() : experiment;
        ExperimentConfig c;
        try {
            c = DefaultExperiments.fromCliName(base).config();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown experiment '" + experiment + "'; known: "
                    + PooledConfig.DEFAULT_NAME + " (the default), " + String.join(", ",
                    java.util.Arrays.stream(DefaultExperiments.values()).map(DefaultExperiments::cliName).toList()));
        }
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
        ChronologicalSplit s = c.split();
        if (csv != null && validationStart == null && testStart == null) {
            s = derivedSplit(c.data().load().dates(), s);
            System.out.println("split derived from " + csv.getFileName() + "'s own dates (give --validation-start and "
                    + "--test-start to choose): validation from " + s.validationStart() + ", test from "
                    + s.testStart());
        }
        if (validationStart != null || testStart != null || testEnd != null) {
            s = new ChronologicalSplit(validationStart != null ? validationStart : s.validationStart(),
                    testStart != null ? testStart : s.testStart(), testEnd != null ? testEnd : s.testEnd(),
                    s.embargo());
        }
        c = c.withSplit(s);
        if (label != null || horizon != null || threshold != null) {
            c = c.withLabel(label(c.label()));
        }
        return c;
    }

    /** Validation from 60% and test from 80% of a file's dates: a split that fits any file. */
    static ChronologicalSplit derivedSplit(List<LocalDate> dates, ChronologicalSplit base) {
        LocalDate v = dates.get((int) (DERIVED_VALIDATION_AT * (dates.size() - 1)));
        LocalDate t = dates.get((int) (DERIVED_TEST_AT * (dates.size() - 1)));
        return new ChronologicalSplit(v, t, null, base.embargo());
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
