package io.sysrisk.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.sysrisk.data.Market;
import io.sysrisk.research.data.Markets;

/** A user's file of several markets made from embedded ones, as the tests and {@code src/examples} use it. */
final class MarketsCsv {

    private MarketsCsv() {
    }

    /** A user's file of the embedded markets {@code names}: one column of closes each, blank where one has none. */
    static String of(List<String> names) {
        Map<LocalDate, String[]> rows = new TreeMap<>();
        for (int j = 0; j < names.size(); j++) {
            Market m = Markets.byName(Markets.embedded(), names.get(j));
            double[] close = m.data().column(Market.CLOSE);
            for (int t = 0; t < close.length; t++) {
                rows.computeIfAbsent(m.data().dates().get(t), d -> new String[names.size()])[j] = String.valueOf(close[t]);
            }
        }
        StringBuilder b = new StringBuilder("date," + String.join(",", names) + "\n");
        rows.forEach((d, v) -> {
            b.append(d);
            for (String x : v) {
                b.append(',').append(x == null ? "" : x);
            }
            b.append('\n');
        });
        return b.toString();
    }
}
