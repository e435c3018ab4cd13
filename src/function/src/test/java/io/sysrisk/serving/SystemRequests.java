package io.sysrisk.serving;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.sysrisk.data.DatedSeries;
import io.sysrisk.features.SystemicSeries;
import io.sysrisk.research.data.SystemicPanel;

/**
 * Requests of the served systemic model cut from the embedded panel: a market's closes and, as its {@code system},
 * every series the model's state reads, on their union calendar (null on a series' missing days), optionally with
 * every date moved by a whole number of weeks (the same weekdays and gaps: the same state, dated elsewhere).
 */
final class SystemRequests {

    private static final Map<String, DatedSeries> SERIES = SystemicPanel.seriesByName();
    private static final Map<String, List<DatedSeries>> MEMBERS = SystemicPanel.membersByGroup();

    private SystemRequests() {
    }

    /** The system's series names a request sends for {@code layout}, with each member as group:ticker. */
    static Map<String, DatedSeries> sent(List<SystemicSeries> layout) {
        Map<String, DatedSeries> out = new LinkedHashMap<>();
        for (SystemicSeries s : layout) {
            switch (s.role()) {
                case VIX_REFERENCE -> { }
                case MEMBERS -> MEMBERS.get(s.name()).forEach(m -> out.put(s.name() + SystemicSeries.MEMBER_SEPARATOR
                        + m.name(), m));
                default -> out.put(s.name(), SERIES.get(s.name()));
            }
        }
        return out;
    }

    /** {@code request.system}: the series of {@code layout} dated {@code from..to}, moved by {@code weeks}. */
    static Map<String, Object> system(List<SystemicSeries> layout, LocalDate from, LocalDate to, int weeks) {
        Map<String, DatedSeries> sent = sent(layout);
        TreeSet<LocalDate> days = new TreeSet<>();
        sent.values().forEach(s -> days.addAll(s.between(from, to).dates()));
        List<LocalDate> calendar = new ArrayList<>(days);
        Map<String, Object> series = new LinkedHashMap<>();
        sent.forEach((name, s) -> {
            DatedSeries cut = s.between(from, to);
            List<Double> v = new ArrayList<>(calendar.size());
            int k = 0;
            for (LocalDate d : calendar) {
                if (k < cut.size() && cut.dates().get(k).equals(d)) {
                    v.add(cut.value(k++));
                } else {
                    v.add(null);
                }
            }
            series.put(name, v);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dates", calendar.stream().map(d -> d.plusWeeks(weeks).toString()).toList());
        out.put("series", series);
        return out;
    }

    /** A panel index's {@code days} closes ending {@code end}, moved by {@code weeks}, as {@code dates}/{@code series}. */
    static Map<String, Object> market(String name, LocalDate end, int days, int weeks) {
        DatedSeries s = SERIES.get(name);
        int last = s.dates().indexOf(end);
        if (last < 0) {
            throw new IllegalArgumentException(name + " has no close on " + end);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("dates", s.dates().subList(last - days + 1, last + 1).stream().map(d -> d.plusWeeks(weeks).toString())
                .toList());
        r.put("series", Map.of("close", java.util.Arrays.stream(s.values(), last - days + 1, last + 1).boxed()
                .toList()));
        return r;
    }
}
