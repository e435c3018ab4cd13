package io.sysrisk.serving;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * How every request is read, on REST, in a Lambda event and in a Function URL body: text after the JSON value, a
 * key given twice, or a field the request does not have is a 400, not silently dropped (which of two "close" arrays
 * would win is not the caller's guess to make, and a misspelt "form" is not an absent "from"). Jackson's nesting
 * limit (1,000) applies. The fronts hand this class the raw text, so nothing reads the request before it.
 */
public final class StrictJson {

    static final ObjectMapper MAPPER = strict();

    /**
     * How many requests are parsed at once: a burst of large bodies waits here instead of all of them building
     * their values at the same time (each parse is bounded too, {@link CappedArrays}).
     */
    static final int PARSERS = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    private static final java.util.concurrent.Semaphore PARSING = new java.util.concurrent.Semaphore(PARSERS, true);

    private interface Parse<T> {
        T run() throws JsonProcessingException;
    }

    private static <T> T bounded(Parse<T> parse) throws JsonProcessingException {
        PARSING.acquireUninterruptibly();
        try {
            return parse.run();
        } finally {
            PARSING.release();
        }
    }

    /** Parsers free now (a test checks every path gives its permit back). */
    static int freeParsers() {
        return PARSING.availablePermits();
    }

    /**
     * No scalar coercion either: a value is a JSON number or null, never a string ("3300.5" or "" would be
     * scored as if it were a number or a missing day), and a date or field name is a string, never a number.
     */
    private static ObjectMapper strict() {
        ObjectMapper m = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (LogicalType t : new LogicalType[] {LogicalType.Float, LogicalType.Integer, LogicalType.Boolean}) {
            m.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return m;
    }

    private StrictJson() {
    }

    /** The request in {@code text}, or null for an empty body; arrays longer than {@code maxDays} stop the read. */
    public static ScoreRequest request(String text, int maxDays) throws JsonProcessingException {
        return request(text, maxDays, null);
    }

    /** As {@link #request(String, int)}, reading series only of the model's {@code columns} (null: any name). */
    public static ScoreRequest request(String text, int maxDays, List<String> columns) throws JsonProcessingException {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return bounded(() -> reader(maxDays, columns).readValue(text));
        } catch (MismatchedInputException e) {
            // Only on this error path is the text read again, as a tree, to name the value's date.
            throw withDate(e, tree(text));
        }
    }

    /** Any JSON value, strictly (a Lambda event). */
    static JsonNode tree(String text) throws JsonProcessingException {
        return bounded(() -> MAPPER.readValue(text, JsonNode.class));
    }

    /** A request from an already strictly read tree (a direct invocation's event). */
    static ScoreRequest request(JsonNode node, int maxDays, List<String> columns) throws JsonProcessingException {
        if (node == null || node.isNull()) {
            return null;
        }
        ScoreRequest plain = plainRequest(node, maxDays, columns);
        if (plain != null) {
            return plain;
        }
        try {
            return reader(maxDays, columns).readValue(node);
        } catch (MismatchedInputException e) {
            throw withDate(e, node);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a tree in memory has no I/O to fail
        }
    }

    private static final java.util.Set<String> FIELDS = java.util.Set.of("dates", "series", "from", "to",
            "featureWindow", "asOf", "attention", "preference");

    /**
     * The request built straight from the tree when every field is known and of its type, every array within the
     * limit and every series one of the model's columns: what data binding would build, without building its
     * deserializers (about 26 ms and 150 classes at a Lambda cold start). Anything else returns null, and data
     * binding reads the tree and words the error exactly as before ({@code StrictJsonTest} holds the two readers
     * equal on well-formed requests).
     */
    static ScoreRequest plainRequest(JsonNode node, int maxDays, List<String> columns) {
        if (!node.isObject()) {
            return null;
        }
        for (java.util.Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            if (!FIELDS.contains(it.next())) {
                return null;
            }
        }
        JsonNode dates = node.get("dates");
        List<String> dateList = null;
        if (dates != null && !dates.isNull()) {
            if (!dates.isArray() || dates.size() > maxDays) {
                return null;
            }
            dateList = new java.util.ArrayList<>(dates.size());
            for (JsonNode d : dates) {
                if (!d.isTextual() && !d.isNull()) {
                    return null;
                }
                dateList.add(d.isNull() ? null : d.textValue());
            }
        }
        JsonNode series = node.get("series");
        java.util.Map<String, List<Double>> seriesMap = null;
        if (series != null && !series.isNull()) {
            if (!series.isObject() || series.size() > CappedArrays.MAX_COLUMNS) {
                return null;
            }
            seriesMap = new java.util.LinkedHashMap<>();
            for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = series.fields(); it.hasNext(); ) {
                java.util.Map.Entry<String, JsonNode> e = it.next();
                if (columns != null && !columns.contains(e.getKey())) {
                    return null;
                }
                List<Double> values = e.getValue().isNull() ? null : numbers(e.getValue(), maxDays);
                if (values == null && !e.getValue().isNull()) {
                    return null;
                }
                seriesMap.put(e.getKey(), values);
            }
        }
        JsonNode window = node.get("featureWindow");
        List<List<Double>> rows = null;
        if (window != null && !window.isNull()) {
            if (!window.isArray() || window.size() > maxDays) {
                return null;
            }
            rows = new java.util.ArrayList<>(window.size());
            for (JsonNode r : window) {
                List<Double> row = r.isNull() ? null : numbers(r, maxDays);
                if (row == null && !r.isNull()) {
                    return null;
                }
                rows.add(row);
            }
        }
        JsonNode attention = node.get("attention");
        if (attention != null && !attention.isNull() && !attention.isBoolean()) {
            return null;
        }
        JsonNode preference = node.get("preference");
        if (preference != null && !preference.isNull() && !preference.isNumber()) {
            return null;
        }
        for (String text : List.of("from", "to", "asOf")) {
            JsonNode v = node.get(text);
            if (v != null && !v.isNull() && !v.isTextual()) {
                return null;
            }
        }
        return new ScoreRequest(dateList, seriesMap, text(node, "from"), text(node, "to"), rows, text(node, "asOf"),
                attention == null || attention.isNull() ? null : attention.booleanValue(),
                preference == null || preference.isNull() ? null : preference.doubleValue());
    }

    /** An array of numbers and nulls within the limit, or null. */
    private static List<Double> numbers(JsonNode a, int maxDays) {
        if (!a.isArray() || a.size() > maxDays) {
            return null;
        }
        List<Double> out = new java.util.ArrayList<>(a.size());
        for (JsonNode v : a) {
            if (v.isNull()) {
                out.add(null);
            } else if (v.isNumber()) {
                out.add(v.doubleValue());
            } else {
                return null;
            }
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.textValue();
    }

    private static com.fasterxml.jackson.databind.ObjectReader reader(int maxDays, List<String> columns) {
        com.fasterxml.jackson.databind.ObjectReader r = MAPPER.readerFor(ScoreRequest.class)
                .withAttribute(CappedArrays.LIMIT, maxDays);
        return columns == null ? r : r.withAttribute(CappedArrays.COLUMNS, List.copyOf(columns));
    }

    /** A value of the wrong type in a series, named by its column and date (the caller's words, not an index). */
    private static MismatchedInputException withDate(MismatchedInputException e, JsonNode request) {
        List<JsonMappingException.Reference> path = e.getPath();
        if (!(e instanceof CappedArrays.TooManyValues) && path.size() == 3 && "series".equals(path.get(0).getFieldName()) && path.get(2).getIndex() >= 0) {
            String column = path.get(1).getFieldName();
            int i = path.get(2).getIndex();
            JsonNode dates = request.get("dates");
            JsonNode value = request.path("series").path(column).path(i);
            String date = dates != null && dates.has(i) ? dates.get(i).asText() : "row " + (i + 1);
            return MismatchedInputException.from(null, Double.class, "column '" + column + "' on " + date + " is "
                    + value + ": a value must be a JSON number, or null for a missing day");
        }
        return e;
    }
}
