package io.sysrisk.comparison;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.sysrisk.data.Market;

/** Each market's trading days, by its name: what a label's look-ahead is counted on. */
final class TradingCalendars {

    private TradingCalendars() {
    }

    static Map<String, List<LocalDate>> of(List<Market> markets) {
        Map<String, List<LocalDate>> out = new HashMap<>();
        markets.forEach(m -> out.put(m.name(), m.data().dates()));
        return out;
    }
}
