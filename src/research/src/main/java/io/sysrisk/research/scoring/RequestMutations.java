package io.sysrisk.research.scoring;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Seeded random mutations of a valid scoring request, for the fuzz test (a few hundred in CI) and the fuzz benchmark
 * (10,000 and more): bad values in the series, broken, repeated and shuffled dates, odd ranges, wrong types, missing
 * and unknown fields, and damage to the JSON text itself. The same seed gives the same requests. Whatever they do,
 * a scoring service must answer each with a 2xx or 4xx, and any probability it answers must be finite.
 */
public final class RequestMutations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Object[] ODD_VALUES = {0.0, -1.0, -0.0, 1e-300, 5e-324, 1e300, Double.MAX_VALUE, 1e6, 1e-6,
        null, "abc", "NaN", "Infinity", "3300.5", "", true, 12345678901234567L};
    private static final String[] ODD_DATES = {"", "2020-02-30", "0000-01-01", "+999999999-12-31", "-999999999-01-01",
        "abc", "2020-1-1", "1799-12-31", "2201-01-01", "2020-02-21T00:00:00", "\u0000", "9".repeat(500)};

    private final ObjectNode sample;
    private final Random random;

    public RequestMutations(String sampleJson, long seed) {
        try {
            this.sample = (ObjectNode) JSON.readTree(sampleJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the sample request is not JSON: " + e.getMessage(), e);
        }
        this.random = new Random(seed);
    }

    /** The next mutated request body: one to three changes of the sample, now and then damage to the text. */
    public String next() {
        ObjectNode r = sample.deepCopy();
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            mutate(r);
        }
        String text = r.toString();
        return random.nextInt(10) == 0 ? damage(text) : text;
    }

    private void mutate(ObjectNode r) {
        ArrayNode dates = r.get("dates") instanceof ArrayNode a ? a : null;
        ArrayNode close = r.path("series").get("close") instanceof ArrayNode a ? a : null;
        switch (random.nextInt(14)) {
            case 0 -> {
                if (close != null && !close.isEmpty()) {
                    close.set(random.nextInt(close.size()), value(ODD_VALUES[random.nextInt(ODD_VALUES.length)]));
                }
            }
            case 1 -> {
                if (close != null && !close.isEmpty()) {
                    int i = random.nextInt(close.size());
                    double factor = new double[] {1e-6, 1e6, 10, 0.1, -1, 1.3, 0.7}[random.nextInt(7)];
                    close.set(i, F.numberNode(close.get(i).asDouble() * factor));
                }
            }
            case 2 -> removeOne(random.nextBoolean() ? dates : close);
            case 3 -> {
                if (dates != null && dates.size() > 1) {
                    int i = 1 + random.nextInt(dates.size() - 1);
                    dates.set(i, dates.get(i - 1));
                }
            }
            case 4 -> {
                if (dates != null && dates.size() > 1) {
                    int i = random.nextInt(dates.size());
                    int j = random.nextInt(dates.size());
                    JsonNode t = dates.get(i);
                    dates.set(i, dates.get(j));
                    dates.set(j, t);
                }
            }
            case 5 -> {
                if (dates != null && !dates.isEmpty()) {
                    dates.set(random.nextInt(dates.size()), F.textNode(ODD_DATES[random.nextInt(ODD_DATES.length)]));
                }
            }
            case 6 -> r.put(random.nextBoolean() ? "from" : "to", dateOrGarbage(dates));
            case 7 -> {
                List<String> keys = new ArrayList<>();
                Iterator<String> it = r.fieldNames();
                it.forEachRemaining(keys::add);
                if (!keys.isEmpty()) {
                    r.remove(keys.get(random.nextInt(keys.size())));
                }
            }
            case 8 -> r.put(new String[] {"form", "x", "Dates", "series ", "featureWindow"}[random.nextInt(5)],
                    random.nextInt(100));
            case 9 -> {
                int keep = random.nextInt(400);
                truncate(dates, keep);
                truncate(close, keep);
            }
            case 10 -> r.set("series", value(ODD_VALUES[random.nextInt(ODD_VALUES.length)]));
            case 11 -> {
                ArrayNode window = F.arrayNode();
                int rows = random.nextInt(80);
                for (int i = 0; i < rows; i++) {
                    ArrayNode row = window.addArray();
                    for (int j = 0; j < 1 + random.nextInt(6); j++) {
                        row.add(random.nextGaussian() * Math.pow(10, random.nextInt(12)));
                    }
                }
                r.set("featureWindow", window);
                if (random.nextBoolean()) {
                    r.remove("dates");
                    r.remove("series");
                }
            }
            case 12 -> {
                if (close != null && !close.isEmpty()) {
                    int from = random.nextInt(close.size());
                    for (int i = from; i < Math.min(close.size(), from + 1 + random.nextInt(12)); i++) {
                        close.set(i, F.nullNode());
                    }
                }
            }
            default -> {
                if (close != null && close.size() > 1) {
                    // a run of extreme but finite moves
                    int at = random.nextInt(close.size() - 1);
                    close.set(at, F.numberNode(1e-10));
                    close.set(at + 1, F.numberNode(1e300));
                }
            }
        }
    }

    private JsonNode dateOrGarbage(ArrayNode dates) {
        if (dates != null && !dates.isEmpty() && random.nextBoolean()) {
            return dates.get(random.nextInt(dates.size()));
        }
        return F.textNode(ODD_DATES[random.nextInt(ODD_DATES.length)]);
    }

    private void removeOne(ArrayNode a) {
        if (a != null && !a.isEmpty()) {
            a.remove(random.nextInt(a.size()));
        }
    }

    private static void truncate(ArrayNode a, int keep) {
        while (a != null && a.size() > keep) {
            a.remove(0);
        }
    }

    private String damage(String text) {
        int at = random.nextInt(text.length() + 1);
        return switch (random.nextInt(4)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + "\"{[,:}" .charAt(random.nextInt(6)) + text.substring(at);
            case 2 -> text + " trailing";
            default -> text.replaceFirst("\\{", "{\"dates\":1,");
        };
    }

    private static JsonNode value(Object v) {
        if (v == null) {
            return F.nullNode();
        }
        if (v instanceof Double d) {
            return F.numberNode(d);
        }
        if (v instanceof Long l) {
            return F.numberNode(l);
        }
        if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        return F.textNode(v.toString());
    }

    /**
     * Whether a 200 answer is sound: every probability and attention weight finite, probabilities in [0, 1].
     * Returns what is wrong, or null.
     */
    public static String unsound(String responseJson) {
        try {
            JsonNode r = JSON.readTree(responseJson);
            for (JsonNode s : r.path("scores")) {
                double p = s.path("probability").asDouble(Double.NaN);
                if (!s.path("probability").isNumber() || !(p >= 0 && p <= 1)) {
                    return "probability " + s.path("probability");
                }
                for (JsonNode w : s.path("attention")) {
                    if (!w.path("weight").isNumber() || !Double.isFinite(w.path("weight").asDouble())) {
                        return "attention weight " + w.path("weight");
                    }
                }
            }
            return r.path("scores").isArray() ? null : "no scores in a 200 answer";
        } catch (JsonProcessingException e) {
            return "not JSON: " + e.getMessage();
        }
    }
}
