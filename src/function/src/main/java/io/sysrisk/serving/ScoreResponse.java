package io.sysrisk.serving;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sysrisk.scoring.Plausibility;

/**
 * The answer: one score per requested date and the warnings about the data it was computed from (always present,
 * empty when there is nothing to say), or, for a request that cannot be scored, its status and what is wrong. A
 * request of several markets is answered per market in {@code markets} (each its scores and warnings, or its own
 * status and error), under one model, alarm and timing. The
 * same shape through REST and Lambda. {@code modelSha256} names the exact model that answered: the SHA-256 of the
 * parameter file it was built from (also {@code GET /model}'s {@code parametersSha256}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoreResponse(String modelVersion, String modelSha256, Double threshold, Alarm alarm,
                            List<Score> scores, Timing timing, Integer status, String error,
                            List<Plausibility.Warning> warnings, java.util.Map<String, ScoreResponse> markets) {

    /** An answer for one market (no {@code markets}). */
    public ScoreResponse(String modelVersion, String modelSha256, Double threshold, Alarm alarm, List<Score> scores,
                         Timing timing, Integer status, String error, List<Plausibility.Warning> warnings) {
        this(modelVersion, modelSha256, threshold, alarm, scores, timing, status, error, warnings, null);
    }

    /**
     * The alarm every score's {@code alert} follows: its preference mu (the weight on a missed fall), and the rule
     * chosen for it, the family's score ({@code by}, GET /model's {@code alarms}) at or above {@code threshold}.
     */
    public record Alarm(double preference, String by, double threshold) {
    }

    /**
     * The systemic-event probability for the window ending on {@code asOf}, the alert, the reference it is compared
     * with ({@code volatility}: annualized 20-day realized volatility of the index on {@code asOf}; absent for a
     * feature window without vol_20d), and where the model looked (absent when the request said
     * {@code "attention": false}). A term-structure model (issue 26) also answers {@code termStructure}: each
     * horizon in trading days (as a string key, ascending) to the probability of an onset within it,
     * non-decreasing; {@code probability} is then its label's own horizon's (20 days), as before.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Score(String asOf, double probability, java.util.Map<String, Double> termStructure, boolean alert,
                        Double volatility, List<Weight> attention) {
    }

    /** Attention weight of one date of the window (date null for a feature window sent without dates). */
    public record Weight(String date, double weight) {
    }

    /** Server-side time in milliseconds: all, computing features, and waiting for plus running the model. */
    public record Timing(double totalMs, double featuresMs, double inferenceMs) {
    }

    /**
     * This answer as the JSON tree Jackson's data binding makes of it (null fields left out, fields in declaration
     * order; {@code ScoreResponseTreeTest} holds the two equal), built directly: on a Lambda cold start, data
     * binding's introspection of these records cost about 17 ms of the first answer.
     */
    public ObjectNode toTree() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        putIfPresent(n, "modelVersion", modelVersion);
        putIfPresent(n, "modelSha256", modelSha256);
        if (threshold != null) {
            n.put("threshold", threshold);
        }
        if (alarm != null) {
            ObjectNode a = n.putObject("alarm");
            a.put("preference", alarm.preference());
            a.put("by", alarm.by());
            a.put("threshold", alarm.threshold());
        }
        if (scores != null) {
            ArrayNode a = n.putArray("scores");
            for (Score s : scores) {
                ObjectNode o = a.addObject();
                putIfPresent(o, "asOf", s.asOf());
                o.put("probability", s.probability());
                if (s.termStructure() != null) {
                    ObjectNode ts = o.putObject("termStructure");
                    s.termStructure().forEach(ts::put);
                }
                o.put("alert", s.alert());
                if (s.volatility() != null) {
                    o.put("volatility", s.volatility());
                }
                if (s.attention() != null) {
                    ArrayNode w = o.putArray("attention");
                    for (Weight x : s.attention()) {
                        ObjectNode wo = w.addObject();
                        // Weight has no NON_NULL rule: a missing date is written as null.
                        wo.put("date", x.date());
                        wo.put("weight", x.weight());
                    }
                }
            }
        }
        if (timing != null) {
            ObjectNode t = n.putObject("timing");
            t.put("totalMs", timing.totalMs());
            t.put("featuresMs", timing.featuresMs());
            t.put("inferenceMs", timing.inferenceMs());
        }
        if (status != null) {
            n.put("status", status);
        }
        putIfPresent(n, "error", error);
        if (warnings != null) {
            ArrayNode a = n.putArray("warnings");
            for (Plausibility.Warning w : warnings) {
                ObjectNode o = a.addObject();
                o.put("code", w.code());
                o.put("message", w.message());
            }
        }
        if (markets != null) {
            ObjectNode o = n.putObject("markets");
            markets.forEach((name, r) -> o.set(name, r.toTree()));
        }
        return n;
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    /** An error answer; the message is cut as {@link InvalidRequestException} cuts it, on every front. */
    public static ScoreResponse error(int status, String message) {
        return new ScoreResponse(null, null, null, null, null, null, status, InvalidRequestException.bounded(message),
                null);
    }
}
