package io.sysrisk.serving;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Requests that cannot be scored, each made from the valid sample (the 320 S&P 500 closes ending 2020-02-21) by one
 * change. Every one must be answered with a 4xx and a short JSON error, never a 5xx and never a 200, on every front
 * (REST, a direct Lambda invocation, a Function URL event). {@code json} is false for bodies that are not JSON at all,
 * which a direct invocation cannot carry (Lambda rejects a non-JSON payload before the function).
 */
final class BadInputCorpus {

    /** One bad request: a name, its raw body, the status it must get, whether it is JSON. */
    record Case(String name, String body, int status, boolean json, boolean direct) {
        // direct: whether Lambda would deliver it as a direct invocation (it must be JSON)
        @Override
        public String toString() {
            return name;
        }
    }

    static final LocalDate DAY = LocalDate.of(2020, 2, 21);

    private BadInputCorpus() {
    }

    static Map<String, Object> sample() {
        return Requests.ending(DAY, 320);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> close(Map<String, Object> r) {
        return (List<Object>) ((Map<String, Object>) r.get("series")).get("close");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> dates(Map<String, Object> r) {
        return (List<Object>) r.get("dates");
    }

    private static Case changed(String name, Consumer<Map<String, Object>> change) {
        Map<String, Object> r = sample();
        // mutable copies
        r.put("dates", new ArrayList<>(dates(r)));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("close", new ArrayList<>(close(r)));
        r.put("series", series);
        change.accept(r);
        return new Case(name, Requests.json(r), 400, true, true);
    }

    private static Case raw(String name, String body, boolean json) {
        return new Case(name, body, 400, json, json);
    }

    /** JSON a lenient reader would take (a key twice) or refuse before the function (nesting beyond 1,000). */
    private static Case rawJson(String name, String body) {
        return raw(name, body, true);
    }

    static List<Case> all() {
        List<Case> c = new ArrayList<>();
        String valid = Requests.json(sample());
        // Not JSON, or not one JSON object.
        c.add(raw("empty body", "", false));
        c.add(raw("whitespace body", "   ", false));
        c.add(raw("truncated JSON", valid.substring(0, valid.length() / 2), false));
        c.add(raw("trailing garbage after the JSON", valid + " xyz", false));
        c.add(raw("a second JSON value after the first", valid + " {}", false));
        c.add(raw("NaN literal", valid.replaceFirst("\"close\":\\[", "\"close\":[NaN,"), false));
        c.add(raw("single quotes", "{'dates': []}", false));
        c.add(raw("comment in JSON", "/* c */" + valid, false));
        c.add(raw("null", "null", true));
        c.add(raw("empty object", "{}", true));
        c.add(raw("array", "[]", true));
        c.add(raw("number", "42", true));
        c.add(raw("string", "\"score me\"", true));
        c.add(rawJson("duplicate key dates", valid.replaceFirst("\\{", "{\"dates\":[],")));
        c.add(rawJson("duplicate key series", valid.replaceFirst("\\{", "{\"series\":{},")));
        c.add(raw("unknown field (a typo of from)", valid.replaceFirst("\\{", "{\"form\":\"2020-01-02\","), true));
        c.add(rawJson("unknown field nested 1,200 levels deep", valid.replaceFirst("\\{",
                "{\"x\":" + "{\"a\":".repeat(1200) + "1" + "}".repeat(1200) + ",")));
        c.add(rawJson("array nested 2,000 levels deep", "[".repeat(2000) + "]".repeat(2000)));
        // Wrong types.
        c.add(changed("dates is a string", r -> r.put("dates", "2020-01-02")));
        c.add(changed("dates holds numbers", r -> r.put("dates", List.of(1, 2, 3))));
        c.add(changed("series is a list", r -> r.put("series", List.of(1.0, 2.0))));
        c.add(changed("close is a string", r -> r.put("series", Map.of("close", "3300"))));
        c.add(changed("close holds a string", r -> close(r).set(10, "abc")));
        c.add(changed("close holds an object", r -> close(r).set(10, Map.of("v", 1))));
        c.add(changed("close holds an array", r -> close(r).set(10, List.of(1.0))));
        c.add(changed("close holds a boolean", r -> close(r).set(10, true)));
        c.add(changed("from is a number", r -> r.put("from", 20200102)));
        c.add(changed("to is an object", r -> r.put("to", Map.of())));
        c.add(changed("featureWindow is a string", r -> {
            r.clear();
            r.put("featureWindow", "x");
        }));
        // Missing or mismatched fields.
        c.add(changed("no dates", r -> r.remove("dates")));
        c.add(changed("no series", r -> r.remove("series")));
        c.add(changed("no close column", r -> r.put("series", Map.of("open", close(r)))));
        c.add(changed("an extra column", r -> ((Map<String, Object>) r.get("series")).put("volume", close(r))));
        c.add(changed("close shorter than dates", r -> close(r).remove(0)));
        c.add(changed("dates shorter than close", r -> dates(r).remove(0)));
        c.add(changed("empty dates and close", r -> {
            r.put("dates", List.of());
            r.put("series", Map.of("close", List.of()));
        }));
        c.add(changed("one day", r -> {
            r.put("dates", List.of("2020-02-21"));
            r.put("series", Map.of("close", List.of(3337.75)));
        }));
        c.add(changed("too few days (100)", r -> {
            r.put("dates", new ArrayList<>(dates(r).subList(220, 320)));
            r.put("series", Map.of("close", new ArrayList<>(close(r).subList(220, 320))));
        }));
        c.add(changed("series and featureWindow together", r -> r.put("featureWindow", List.of(List.of(0.0)))));
        c.add(changed("asOf without a featureWindow", r -> r.put("asOf", "2020-02-21")));
        // Dates.
        c.add(changed("dates not increasing", r -> Collections.swap(dates(r), 100, 101)));
        c.add(changed("a date repeated", r -> dates(r).set(101, dates(r).get(100))));
        c.add(changed("an invalid date", r -> dates(r).set(50, "2020-13-01")));
        c.add(changed("a date with a time", r -> dates(r).set(319, "2020-02-21T00:00:00")));
        c.add(changed("a null date", r -> dates(r).set(50, null)));
        c.add(changed("a date in 1700", r -> dates(r).set(0, "1700-01-01")));
        c.add(changed("a date in 2300", r -> dates(r).set(319, "2300-01-01")));
        c.add(changed("to in year +999999999", r -> r.put("to", "+999999999-12-31")));
        c.add(changed("from in year -999999999", r -> r.put("from", "-999999999-01-01")));
        c.add(changed("from after to", r -> {
            r.put("from", "2020-02-20");
            r.put("to", "2020-02-10");
        }));
        c.add(changed("from after the last date", r -> r.put("from", "2021-01-04")));
        c.add(changed("to before the first scorable date", r -> r.put("to", "2019-03-01")));
        c.add(changed("from empty", r -> r.put("from", "")));
        c.add(changed("from of 900,000 characters", r -> r.put("from", "9".repeat(900_000))));
        c.add(changed("a date of unicode garbage", r -> dates(r).set(5, "\u202e\u0000\uffff")));
        // Values.
        c.add(changed("a close of 0", r -> close(r).set(200, 0.0)));
        c.add(changed("a negative close", r -> close(r).set(200, -3300.0)));
        c.add(changed("a close of 5e-324", r -> close(r).set(319, 5e-324)));
        c.add(changed("1e-10 followed by 1e300", r -> {
            close(r).set(318, 1e-10);
            close(r).set(319, 1e300);
        }));
        c.add(raw("a close of 1e309 (overflows to infinity)", valid.replaceFirst("\"close\":\\[[0-9.]+",
                "\"close\":[1e309"), true));
        c.add(changed("closes all null", r -> Collections.fill(close(r), null)));
        c.add(changed("a close of 1e6 times the last on one day (refused: 1000+ sd)", r -> close(r).set(319,
                ((Double) close(r).get(318)) * 1e6)));
        c.add(changed("more than 5,000 days", r -> {
            List<Object> d = new ArrayList<>();
            List<Object> v = new ArrayList<>();
            LocalDate day = LocalDate.of(1990, 1, 1);
            for (int i = 0; i < 5001; i++) {
                d.add(day.plusDays(i).toString());
                v.add(100.0 + Math.sin(i));
            }
            r.put("dates", d);
            r.put("series", Map.of("close", v));
        }));
        c.add(changed("a range of more than 1,000 dates", r -> {
            List<Object> d = new ArrayList<>();
            List<Object> v = new ArrayList<>();
            LocalDate day = LocalDate.of(1990, 1, 1);
            for (int i = 0; i < 1600; i++) {
                d.add(day.plusDays(i).toString());
                v.add(100.0 * Math.exp(0.01 * Math.sin(i * 0.7)));
            }
            r.put("dates", d);
            r.put("series", Map.of("close", v));
            r.put("from", day.toString());
        }));
        c.add(changed("100 columns", r -> {
            Map<String, Object> s = new LinkedHashMap<>();
            for (int i = 0; i < 100; i++) {
                s.put("c" + i, close(r));
            }
            r.put("series", s);
        }));
        // featureWindow.
        c.add(changed("featureWindow with too few rows", r -> {
            r.clear();
            r.put("featureWindow", List.of(List.of(0.0, 0.1, 0.1, 0.0)));
        }));
        c.add(changed("featureWindow with too few columns", r -> {
            r.clear();
            r.put("featureWindow", Collections.nCopies(60, List.of(0.0, 0.1)));
        }));
        c.add(changed("featureWindow with a null", r -> {
            r.clear();
            List<Object> rows = new ArrayList<>(Collections.nCopies(60, List.of(0.0, 0.1, 0.1, 0.0)));
            rows.set(3, java.util.Arrays.asList(0.0, null, 0.1, 0.0));
            r.put("featureWindow", rows);
        }));
        c.add(changed("featureWindow with 1e300", r -> {
            r.clear();
            List<Object> rows = new ArrayList<>(Collections.nCopies(60, List.of(0.0, 0.1, 0.1, 0.0)));
            rows.set(3, List.of(1e300, 0.1, 0.1, 0.0));
            r.put("featureWindow", rows);
        }));
        // Round 2 (issue 18): no coercion, daily data only, counted while read.
        c.add(changed("a close sent as a string number", r -> close(r).set(5, "3300.5")));
        c.add(changed("a close sent as an empty string", r -> close(r).set(5, "")));
        c.add(changed("a date sent as a number", r -> dates(r).set(5, 20200101)));
        c.add(changed("weekly dates", r -> {
            List<Object> d = dates(r);
            java.time.LocalDate last = java.time.LocalDate.parse(d.get(d.size() - 1).toString());
            for (int i = 0; i < d.size(); i++) {
                d.set(i, last.minusWeeks(d.size() - 1 - i).toString());
            }
        }));
        c.add(changed("6,000 closes for 320 dates", r -> {
            List<Object> close = close(r);
            while (close.size() < 6000) {
                close.add(0.0);
            }
        }));
        c.add(changed("a column the model does not read, 5,000 values long", r -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> series = (Map<String, Object>) r.get("series");
            series.put("AAPL", new ArrayList<>(Collections.nCopies(5000, 1.0)));
        }));
        c.add(changed("featureWindow with a string number", r -> {
            r.clear();
            List<Object> rows = new ArrayList<>(Collections.nCopies(60, List.of(0.0, 0.1, 0.1, 0.0)));
            rows.set(3, List.of("0.0", 0.1, 0.1, 0.0));
            r.put("featureWindow", rows);
        }));
        return c;
    }

    /** More than the REST body limit, at least: 413 on REST and Function URL. */
    static String oversized() {
        return "{\"dates\":[\"" + "9".repeat(3 * 1024 * 1024) + "\"]}";
    }
}
