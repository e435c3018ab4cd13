package io.sysrisk.serving;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sysrisk.scoring.Plausibility;

/**
 * The answer: one score per requested date and the warnings about the data it was computed from (always present,
 * empty when there is nothing to say), or, for a request that cannot be scored, its status and what is wrong. The
 * same shape through REST and Lambda. {@code modelSha256} names the exact model that answered: the SHA-256 of the
 * parameter file it was built from (also {@code GET /model}'s {@code parametersSha256}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoreResponse(String modelVersion, String modelSha256, Double threshold, List<Score> scores,
                            Timing timing, Integer status, String error, List<Plausibility.Warning> warnings) {

    /**
     * The systemic-event probability for the window ending on {@code asOf}, the alert, the reference it is compared
     * with ({@code volatility}: annualized 20-day realized volatility of the index on {@code asOf}; absent for a
     * feature window without vol_20d), and where the model looked (absent when the request said
     * {@code "attention": false}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Score(String asOf, double probability, boolean alert, Double volatility, List<Weight> attention) {
    }

    /** Attention weight of one date of the window (date null for a feature window sent without dates). */
    public record Weight(String date, double weight) {
    }

    /** Server-side time in milliseconds: all, computing features, and waiting for plus running the model. */
    public record Timing(double totalMs, double featuresMs, double inferenceMs) {
    }

    /** An error answer; the message is cut as {@link InvalidRequestException} cuts it, on every front. */
    public static ScoreResponse error(int status, String message) {
        return new ScoreResponse(null, null, null, null, null, status, InvalidRequestException.bounded(message), null);
    }
}
