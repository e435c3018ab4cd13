package io.sysrisk.labels;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What counts as a systemic event after day t. Every definition reads only days t+1..t+horizon, so a day's label
 * is known {@code horizon} days later; the last {@code horizon} days of any series are unlabelled.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LabelDefinition.FutureDrawdown.class, name = "future-drawdown"),
        @JsonSubTypes.Type(value = LabelDefinition.CoCrash.class, name = "co-crash"),
        @JsonSubTypes.Type(value = LabelDefinition.VolatilityRegime.class, name = "volatility-regime"),
        @JsonSubTypes.Type(value = LabelDefinition.Onset.class, name = "onset")
})
public sealed interface LabelDefinition {

    /** A day's label not known yet (its horizon runs past the data). */
    int UNKNOWN = -1;
    /** A day that is not a valid example (inside an event, for onset labels). */
    int MASKED = -2;


    /** Defaults of a label kind's level when an experiment gives none. */
    double DEFAULT_FALL = 0.07;
    double DEFAULT_MEMBER_FALL = 0.10;
    double DEFAULT_VOLATILITY = 0.35;

    /** Trading days after t that the label reads. */
    int horizon();

    /** One line for logs and reports. */
    String describe();

    /** The kind's name on the command line ({@code --label}). */
    String cliName();

    /**
     * Trading days after t that the label (and its mask) reads: the embargo between chronological parts must be at
     * least this long.
     */
    default int lookahead() {
        return horizon();
    }

    /**
     * Default: the market's worst cumulative return over days t+1..t+horizon falls below -threshold, i.e.
     * min_k P_{t+k} / P_t &lt; 1 - threshold.
     */
    record FutureDrawdown(int horizon, double threshold) implements LabelDefinition {
        public FutureDrawdown {
            checkHorizon(horizon);
            checkFraction("threshold", threshold);
        }

        @Override
        public String cliName() {
            return "drawdown";
        }

        @Override
        public String describe() {
            return String.format("market falls more than %.1f%% below day t's close within %d trading days",
                    100 * threshold, horizon);
        }
    }

    /**
     * Joint tail co-crash: at least {@code share} of the members each fall more than {@code memberThreshold}
     * below their day-t close at some point within days t+1..t+horizon. PANEL input with members only.
     */
    record CoCrash(int horizon, double memberThreshold, double share) implements LabelDefinition {
        public CoCrash {
            checkHorizon(horizon);
            checkFraction("memberThreshold", memberThreshold);
            checkFraction("share", share);
        }

        @Override
        public String cliName() {
            return "co-crash";
        }

        @Override
        public String describe() {
            return String.format("at least %.0f%% of members fall more than %.1f%% within %d trading days",
                    100 * share, 100 * memberThreshold, horizon);
        }
    }

    /**
     * Future high-volatility regime: the annualized realized volatility of the market's returns over days
     * t+1..t+horizon exceeds {@code annualizedVolatility}.
     */
    record VolatilityRegime(int horizon, double annualizedVolatility) implements LabelDefinition {
        public VolatilityRegime {
            checkHorizon(horizon);
            if (horizon < 2 || !(annualizedVolatility > 0)) {
                throw new IllegalArgumentException("volatility regime needs horizon >= 2 and a positive level");
            }
        }

        @Override
        public String cliName() {
            return "vol-regime";
        }

        @Override
        public String describe() {
            return String.format("annualized market volatility over the next %d trading days exceeds %.0f%%",
                    horizon, 100 * annualizedVolatility);
        }
    }

    /**
     * Early-warning label (the default model's). A <em>fall</em> starts on day s when the market's worst close over
     * days s+1..s+horizon is more than {@code threshold} below day s's close (the {@link FutureDrawdown} condition);
     * an <em>onset</em> is a fall-start day with no other fall-start day in the {@code horizon} days before it.
     * Day t is labelled 1 when a fall starts within days t+1..t+horizon, 0 otherwise, and is <em>masked</em>
     * (neither: the market is already inside an event) when a fall started on one of days t-horizon..t. Masking keeps
     * the days during and just after a crash, whose "next leg down" labels reward alarming after the fact, out of
     * training and evaluation. The label reads days up to t + 2 x horizon.
     */
    record Onset(int horizon, double threshold) implements LabelDefinition {
        public Onset {
            checkHorizon(horizon);
            checkFraction("threshold", threshold);
        }

        @Override
        public int lookahead() {
            return 2 * horizon;
        }

        @Override
        public String cliName() {
            return "onset";
        }

        @Override
        public String describe() {
            return String.format("a fall of more than %.1f%% within %d trading days starts in the next %d days "
                    + "(days inside a fall masked)", 100 * threshold, horizon, horizon);
        }
    }

    private static void checkHorizon(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("label horizon must be at least 1 day, got " + horizon);
        }
    }

    private static void checkFraction(String name, double v) {
        if (!(v > 0 && v < 1)) {
            throw new IllegalArgumentException(name + " must be a fraction in (0, 1), got " + v);
        }
    }
}
