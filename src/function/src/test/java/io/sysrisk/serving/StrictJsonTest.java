package io.sysrisk.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

/** The one strict reader: values are numbers or null, and arrays are counted while they are read. */
class StrictJsonTest {

    private static String zeros(int n) {
        String[] z = new String[n];
        Arrays.fill(z, "0");
        return String.join(",", z);
    }

    /** A body just under the size limit holding 900,000 zeros stops after the 5,000th, as a 400 saying why. */
    @Test
    void aLongArrayStopsTheReadAtTheLimit() {
        String body = "{\"dates\": [\"2020-01-02\"], \"series\": {\"close\": [" + zeros(900_000) + "]}}";
        assertTrue(body.length() < 2_097_152);
        JsonProcessingException e = assertThrows(CappedArrays.TooManyValues.class,
                () -> StrictJson.request(body, 5000));
        String message = JsonErrors.describe(e);
        assertTrue(message.startsWith("request too long at 'series.close'") && message.contains("at most 5000 days"),
                message);
        // The same through the tree a direct Lambda invocation is read into.
        assertThrows(CappedArrays.TooManyValues.class, () -> StrictJson.request(StrictJson.tree(body), 5000, null));
    }

    @Test
    void everyArrayAndTheColumnsAreCapped() throws JsonProcessingException {
        assertThrows(CappedArrays.TooManyValues.class, () -> StrictJson.request("{\"dates\": ["
                + String.join(",", java.util.Collections.nCopies(11, "\"2020-01-02\"")) + "]}", 10));
        assertThrows(CappedArrays.TooManyValues.class, () -> StrictJson.request("{\"featureWindow\": ["
                + String.join(",", java.util.Collections.nCopies(11, "[1]")) + "]}", 10));
        StringBuilder many = new StringBuilder("{\"series\": {");
        for (int i = 0; i <= CappedArrays.MAX_COLUMNS; i++) {
            many.append(i == 0 ? "" : ",").append("\"c").append(i).append("\": [1]");
        }
        assertThrows(CappedArrays.TooManyValues.class, () -> StrictJson.request(many.append("}}").toString(), 10));
        // Told the model's columns, the reader reads no other series at all.
        String m = JsonErrors.describe(assertThrows(CappedArrays.TooManyValues.class, () -> StrictJson.request(
                "{\"series\": {\"close\": [1], \"AAPL\": [" + zeros(5000) + "]}}", 5000, java.util.List.of("close"))));
        assertTrue(m.contains("unexpected series 'AAPL': the model reads the columns [close]"), m);
        ScoreRequest ok = StrictJson.request("{\"dates\": [\"2020-01-02\", \"2020-01-03\"], "
                + "\"series\": {\"close\": [1.5, null]}}", 10);
        assertEquals(Arrays.asList(1.5, null), ok.series().get("close"));
    }

    /** Parsing is bounded to a few at once, and every path, refusals included, gives its place back. */
    @Test
    void concurrentParsingIsBoundedAndReleased() throws Exception {
        assertEquals(StrictJson.PARSERS, StrictJson.freeParsers());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            java.util.List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int k = i;
                runs.add(pool.submit(() -> {
                    try {
                        StrictJson.request(k % 2 == 0 ? "{\"dates\": [\"2020-01-02\"]}"
                                : "{\"series\": {\"close\": [" + zeros(6000) + "]}}", 5000);
                    } catch (JsonProcessingException expected) {
                        // the long ones are refused
                    }
                    return null;
                }));
            }
            for (var r : runs) {
                r.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(StrictJson.PARSERS, StrictJson.freeParsers());
    }

    @Test
    void onlyANumberOrNullStandsForAValue() {
        for (String v : new String[] {"\"3300.5\"", "\"\"", "true", "{}", "[1]"}) {
            String body = "{\"dates\": [\"2020-01-02\"], \"series\": {\"close\": [" + v + "]}}";
            JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> StrictJson.request(body, 10),
                    v);
            assertTrue(JsonErrors.describe(e).contains("column 'close' on 2020-01-02"), JsonErrors.describe(e));
        }
    }

    /**
     * A well-formed request is built straight from the tree exactly as data binding builds it; anything unusual is
     * left to data binding (null), which words the error.
     */
    @Test
    void theTreeShortcutBuildsWhatDataBindingBuildsAndLeavesTheRestToIt() throws Exception {
        String sample = java.nio.file.Files.readString(java.nio.file.Path.of("infra", "sample-request.json"));
        java.util.List<String> wellFormed = java.util.List.of(sample,
                "{\"dates\": [\"2020-01-02\", null], \"series\": {\"close\": [1, 2.5]}, \"from\": \"2020-01-02\", "
                        + "\"to\": null, \"attention\": false}",
                "{\"series\": {\"close\": null}, \"attention\": true}",
                "{\"featureWindow\": [[1, null, 1e300], null], \"asOf\": \"2020-01-02\"}",
                "{}");
        for (String text : wellFormed) {
            com.fasterxml.jackson.databind.JsonNode tree = StrictJson.tree(text);
            ScoreRequest plain = StrictJson.plainRequest(tree, 5000, java.util.List.of("close"));
            ScoreRequest bound = StrictJson.MAPPER.readerFor(ScoreRequest.class)
                    .withAttribute(CappedArrays.LIMIT, 5000).withAttribute(CappedArrays.COLUMNS,
                            java.util.List.of("close")).readValue(tree);
            assertEquals(bound, plain, text);
        }
        for (String text : java.util.List.of("{\"form\": \"2020-01-02\"}", "{\"dates\": [1]}",
                "{\"series\": {\"open\": [1]}}", "{\"series\": {\"close\": [\"1\"]}}", "{\"attention\": 1}",
                "{\"from\": 20200102}", "{\"dates\": [\"a\", \"b\", \"c\"]}", "[1]",
                "{\"featureWindow\": [[true]]}")) {
            assertEquals(null, StrictJson.plainRequest(StrictJson.tree(text), 2, java.util.List.of("close")), text);
        }
    }
}
