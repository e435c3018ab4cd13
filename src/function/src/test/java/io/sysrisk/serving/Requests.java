package io.sysrisk.serving;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sysrisk.data.MarketData;
import io.sysrisk.research.data.EmbeddedDataset;

/** Scoring requests for the served close-only model, cut from the embedded S&P 500 closes. */
final class Requests {
    static final MarketData SP500 = EmbeddedDataset.SP500.load();
    static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {
    }

    /** The {@code days} daily rows ending on {@code end}. */
    static Map<String, Object> ending(LocalDate end, int days) {
        int last = SP500.dates().indexOf(end);
        if (last < 0) {
            throw new IllegalArgumentException(end + " is not a trading day in the data");
        }
        List<String> dates = new ArrayList<>();
        for (int t = last - days + 1; t <= last; t++) {
            dates.add(SP500.dates().get(t).toString());
        }
        Map<String, Object> series = new LinkedHashMap<>();
        for (String c : List.of("close")) {
            List<Double> v = new ArrayList<>();
            for (int t = last - days + 1; t <= last; t++) {
                v.add(SP500.column(c)[t]);
            }
            series.put(c, v);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("dates", dates);
        r.put("series", series);
        return r;
    }

    @SuppressWarnings("unchecked")
    static List<Object> series(Map<String, Object> request, String column) {
        return (List<Object>) ((Map<String, Object>) request.get("series")).get(column);
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
