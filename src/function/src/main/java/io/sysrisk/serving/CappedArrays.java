package io.sysrisk.serving;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * The request's arrays, counted while they are read: reading stops at the limit (a body of a million zeros is
 * refused after the first {@link #limit} values, not turned into a million boxed numbers first). The limit is the
 * serving limit on days per request, handed in by {@link StrictJson} as a reader attribute.
 */
final class CappedArrays {

    /** Reader attribute: the most values an array may hold (default {@link #DEFAULT_LIMIT}). */
    static final String LIMIT = "sysrisk.max-values";
    static final int DEFAULT_LIMIT = 5000;
    /** Reader attribute: the served model's input columns; any other series name stops the read. */
    static final String COLUMNS = "sysrisk.columns";
    /** Most columns a request may name when the reader is not told the model's (the widest stored model has 10). */
    static final int MAX_COLUMNS = 256;
    /** Most series a request's system may carry (the panel's model reads 15 series and 178 index members). */
    static final int MAX_SYSTEM_COLUMNS = 512;

    /** An array longer than the limit: a 400 that says so, without reading the rest. */
    static final class TooManyValues extends MismatchedInputException {
        TooManyValues(JsonParser p, String message) {
            super(p, message);
        }
    }

    private CappedArrays() {
    }

    static int limit(DeserializationContext ctxt) {
        Object v = ctxt.getAttribute(LIMIT);
        return v instanceof Integer i ? i : DEFAULT_LIMIT;
    }

    /** Reads one element at the parser's current token into {@code out}, or reports a type error. */
    private interface Element<T> {
        void read(JsonParser p, DeserializationContext ctxt, JsonToken t, List<T> out) throws IOException;
    }

    /** A JSON array of at most the limit of elements, each read by {@code element}; a type error names its index. */
    private static <T> List<T> capped(JsonParser p, DeserializationContext ctxt, String what, Element<T> element)
            throws IOException {
        if (!p.isExpectedStartArrayToken()) {
            return (List<T>) ctxt.handleUnexpectedToken(List.class, p);
        }
        int limit = limit(ctxt);
        List<T> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (out.size() == limit) {
                throw new TooManyValues(p, what + " more than " + limit + " values: at most " + limit
                        + " days per request");
            }
            try {
                element.read(p, ctxt, t, out);
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, out, out.size());
            }
        }
        return out;
    }

    /** A JSON array of numbers and nulls. */
    static final class Numbers extends StdDeserializer<List<Double>> {
        Numbers() {
            super(List.class);
        }

        @Override
        public List<Double> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return capped(p, ctxt, "an array holds", (parser, c, t, out) -> {
                if (t == JsonToken.VALUE_NULL) {
                    out.add(null);
                } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    out.add(parser.getDoubleValue());
                } else {
                    c.handleUnexpectedToken(Double.class, parser);
                }
            });
        }
    }

    /** A JSON array of strings (the dates). */
    static final class Strings extends StdDeserializer<List<String>> {
        Strings() {
            super(List.class);
        }

        @Override
        public List<String> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return capped(p, ctxt, "'dates' holds", (parser, c, t, out) -> {
                if (t == JsonToken.VALUE_STRING) {
                    out.add(parser.getText());
                } else if (t == JsonToken.VALUE_NULL) {
                    out.add(null);
                } else {
                    c.handleUnexpectedToken(String.class, parser);
                }
            });
        }
    }

    /**
     * An object of named {@link Numbers} arrays, at most {@code max} of them ({@code field} names it in the refusal);
     * {@code check} refuses a name before its values are read.
     */
    private static Map<String, List<Double>> named(JsonParser p, DeserializationContext ctxt, Numbers numbers,
                                                   int max, String field, NameCheck check) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return (Map<String, List<Double>>) ctxt.handleUnexpectedToken(Map.class, p);
        }
        Map<String, List<Double>> out = new LinkedHashMap<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            check.check(p, name);
            if (out.size() == max) {
                throw new TooManyValues(p, "'" + field + "' names more than " + max + " "
                        + (field.equals("series") ? "columns" : "series"));
            }
            p.nextToken();
            try {
                out.put(name, p.currentToken() == JsonToken.VALUE_NULL ? null : numbers.deserialize(p, ctxt));
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, out, name);
            }
        }
        return out;
    }

    /** Refuses a series name before its values are read. */
    private interface NameCheck {
        void check(JsonParser p, String name) throws IOException;
    }

    /** The series: at most {@link #MAX_COLUMNS} columns, each a capped {@link Numbers} array. */
    static final class Series extends StdDeserializer<Map<String, List<Double>>> {
        private final Numbers numbers = new Numbers();

        Series() {
            super(Map.class);
        }

        @Override
        public Map<String, List<Double>> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object allowed = ctxt.getAttribute(COLUMNS);
            return named(p, ctxt, numbers, MAX_COLUMNS, "series", (parser, name) -> {
                // Values are read only for the model's own columns: at most columns x days numbers per request.
                if (allowed instanceof List<?> columns && !columns.contains(name)) {
                    throw new TooManyValues(parser, "unexpected series '" + name + "': the model reads the columns "
                            + columns);
                }
            });
        }
    }

    /**
     * A request's system ({@link ScoreRequest.SystemRequest}): at most {@link #MAX_SYSTEM_COLUMNS} series, each a
     * capped {@link Numbers} array. Their names are checked against the model's after the read (they include any
     * member tickers, which no list names in advance).
     */
    static final class SystemSeries extends StdDeserializer<Map<String, List<Double>>> {
        private final Numbers numbers = new Numbers();

        SystemSeries() {
            super(Map.class);
        }

        @Override
        public Map<String, List<Double>> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return named(p, ctxt, numbers, MAX_SYSTEM_COLUMNS, "system.series", (parser, name) -> { });
        }
    }

    /** A feature window: at most the limit of rows, each a capped {@link Numbers} array. */
    static final class Rows extends StdDeserializer<List<List<Double>>> {
        private final Numbers numbers = new Numbers();

        Rows() {
            super(List.class);
        }

        @Override
        public List<List<Double>> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return capped(p, ctxt, "'featureWindow' has", (parser, c, t, out) ->
                    out.add(t == JsonToken.VALUE_NULL ? null : numbers.deserialize(parser, c)));
        }
    }
}
