package io.sysrisk.research.experiment;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.research.data.EmbeddedDataset;
import io.sysrisk.windows.ChronologicalSplit;
import io.sysrisk.windows.NormalizationStats;

/**
 * Named experiments on the embedded data. Label thresholds were chosen per dataset so that events are rare but not
 * degenerate (base rates are in the data card, src/datasets/src/main/resources/datasets/README.md, and printed by the summary).
 * Each one holds a real crisis out of training and model selection.
 */
public enum DefaultExperiments {
    /**
     * The default. S&P 500 OHLCV 2000-2020: training sees the dot-com bust and the 2008 crisis, validation the
     * 2011 euro crisis, and the test part (2015 - April 2020) holds 2015-16, the end of 2018 and the March 2020
     * crash, never seen in training or model selection.
     */
    SP500(EmbeddedDataset.SP500, 20, 0.07, "2011-01-01", "2015-01-01", null),
    /** Swiss SPI and its 9 sectors, with cross-asset features; the test part is the 2007-2008 crisis up to Lehman. */
    SPI_SECTORS(EmbeddedDataset.SPI_SECTORS, 20, 0.07, "2005-07-01", "2007-01-01", null),
    /** 30 Dow stocks 1991-2000 with cross-asset features; the test part holds the 1998 LTCM/Russia crisis. A calm
     * training decade: even with a 5% threshold only about 2% of training windows are events. */
    DOW30(EmbeddedDataset.DOW30, 20, 0.05, "1996-07-01", "1997-10-01", null),
    /** DJIA close 1980-2012: trains through the 1987 crash, tests on 2007-2012 (the 2008 crisis, 2011). */
    DJIA(EmbeddedDataset.DJIA, 20, 0.07, "2001-01-01", "2007-01-01", null);

    private final EmbeddedDataset dataset;
    private final int horizon;
    private final double threshold;
    private final String validationStart;
    private final String testStart;
    private final String testEnd;

    DefaultExperiments(EmbeddedDataset dataset, int horizon, double threshold, String validationStart,
                       String testStart, String testEnd) {
        this.dataset = dataset;
        this.horizon = horizon;
        this.threshold = threshold;
        this.validationStart = validationStart;
        this.testStart = testStart;
        this.testEnd = testEnd;
    }

    public static final DefaultExperiments DEFAULT = SP500;

    public ExperimentConfig config() {
        LabelDefinition label = new LabelDefinition.FutureDrawdown(horizon, threshold);
        ChronologicalSplit split = new ChronologicalSplit(LocalDate.parse(validationStart), LocalDate.parse(testStart),
                testEnd == null ? null : LocalDate.parse(testEnd), horizon);
        return new ExperimentConfig(cliName(), DataSpec.of(dataset), null, label, ExperimentConfig.DEFAULT_WINDOW,
                split, NormalizationStats.DEFAULT_CLIP);
    }

    /** The embedded dataset this experiment reads. */
    public EmbeddedDataset dataset() {
        return dataset;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static DefaultExperiments fromCliName(String name) {
        for (DefaultExperiments e : values()) {
            if (e.cliName().equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown experiment '" + name + "'; known: "
                + Arrays.stream(values()).map(DefaultExperiments::cliName).toList());
    }
}
