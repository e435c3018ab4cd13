package io.sysrisk.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.sysrisk.scoring.Plausibility;

/** The answer's hand-built tree is the tree Jackson's data binding makes of it, field for field and in order. */
class ScoreResponseTreeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyShapeOfAnswerBuildsTheTreeDataBindingBuilds() throws Exception {
        List<ScoreResponse.Weight> attention = List.of(new ScoreResponse.Weight("2020-03-02", 0.25),
                new ScoreResponse.Weight(null, 0.75));
        List<ScoreResponse> answers = List.of(
                new ScoreResponse("any-index", "ab12", 0.31, new ScoreResponse.Alarm(0.7, "drawdown-memory", -12), List.of(
                        new ScoreResponse.Score("2020-03-03", 0.42, null, true, 0.55, attention),
                        new ScoreResponse.Score("2020-03-04", Double.NaN, null, false, null, null),
                        new ScoreResponse.Score("2020-03-05", 0.2, termStructure(), false, 0.3, null)),
                        new ScoreResponse.Timing(1.5, 0.25, 1.0), null, null,
                        List.of(new Plausibility.Warning("gap", "a 9-day gap"))),
                new ScoreResponse("sp500", "cd34", null, null, List.of(), null, null, null, List.of()),
                ScoreResponse.error(400, "line 4: 'close' is not a number"),
                ScoreResponse.error(413, "the request body is larger than 2097152 bytes"),
                new ScoreResponse("systemic", "ef56", 0.2, new ScoreResponse.Alarm(0.5, "model", 0.17), null,
                        new ScoreResponse.Timing(3, 1, 2), null, null, null, severalMarkets()));
        for (ScoreResponse r : answers) {
            assertEquals(JSON.valueToTree(r), r.toTree(), r.toString());
            // The same text, fields in the same order.
            assertEquals(JSON.writeValueAsString(r), JSON.writeValueAsString(r.toTree()), r.toString());
        }
        assertEquals(Arrays.asList("modelVersion", "modelSha256", "threshold", "alarm", "scores", "timing", "warnings"),
                iterable(answers.get(0).toTree().fieldNames()));
    }

    /** A request of several markets' answer: one answered, one refused. */
    private static java.util.Map<String, ScoreResponse> severalMarkets() {
        java.util.Map<String, ScoreResponse> m = new java.util.LinkedHashMap<>();
        m.put("ftse", new ScoreResponse(null, null, null, null, List.of(new ScoreResponse.Score("2018-09-28", 0.3,
                null, true, 0.6, null)), null, null, null, List.of()));
        m.put("short", ScoreResponse.error(400, "at least 309 days are needed"));
        return m;
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static java.util.Map<String, Double> termStructure() {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put("5", 0.05);
        m.put("20", 0.2);
        m.put("60", 0.45);
        return m;
    }
}
