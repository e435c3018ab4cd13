package io.sysrisk.data;

import java.time.LocalDate;
import java.util.List;

/**
 * One market as the default model reads it: a single daily close series (a one-column panel whose column
 * {@value #CLOSE} is the index), with where it came from and what was done to it.
 *
 * @param name  short name, used in reports and to hold a market out (e.g. {@code sp500-1928})
 * @param about one line: the series, its source file and any repair
 */
public record Market(String name, String about, MarketData data) {

    public static final String CLOSE = "close";

    /** How a close-only series is read, from a CSV or a request. */
    public static LoadOptions loadOptions() {
        return LoadOptions.panel(CLOSE);
    }

    /** A close-only market from a price level series. */
    public static Market of(String name, String about, String source, List<LocalDate> dates, double[] close,
                            DataReport report) {
        return new Market(name, about, new MarketData(source, InputKind.PANEL, dates, List.of(CLOSE),
                new double[][] {close.clone()}, CLOSE, report));
    }

    public LocalDate first() {
        return data.dates().get(0);
    }

    public LocalDate last() {
        return data.dates().get(data.size() - 1);
    }
}
