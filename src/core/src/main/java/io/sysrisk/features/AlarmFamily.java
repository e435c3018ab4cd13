package io.sysrisk.features;

import java.util.Arrays;
import java.util.List;

import io.sysrisk.data.MarketData;
import io.sysrisk.data.PriceLevels;

/**
 * The kinds of daily score an alarm can read: the model's own score, or a simple causal rule of the market's level
 * (day t reads days up to t only). An alarm is one family's score at or above a threshold; which family and which
 * threshold suit a preference is chosen on training data ({@code io.sysrisk.training.ServedAlarm}) and judged on
 * held-out markets by the study. One implementation for the study, the training job and the function, so the
 * served alarm computes what the study measured.
 */
public enum AlarmFamily {

    /** The model's score (its probability). */
    MODEL("model", "the model's score"),
    /** Annualized 20-day realized volatility. */
    VOLATILITY("volatility", "20-day volatility"),
    /** Minus the days since the level closed {@link #MEMORY_FALL} below its 20-day high (recent is high). */
    DRAWDOWN_MEMORY("drawdown-memory", "days since the close was 7% below its 20-day high"),
    /** The deepest fall below a running peak within the last {@link #WORST_DRAWDOWN_DAYS} days. */
    WORST_DRAWDOWN("worst-drawdown", "the worst drawdown of the last 120 days"),
    /** Minus the return over the last {@link #TRAILING_DAYS} days (a deeper fall is high). */
    TRAILING_RETURN("trailing-return", "the fall over the last 250 days"),
    /**
     * No alarm: what is served at a preference where no family's threshold showed usefulness beyond its bootstrap
     * margin (relative usefulness 0 is never alarming's, by definition).
     */
    NONE("none", "no alarm: no rule was shown useful at this preference");

    /** The fall that makes a day a drawdown day for {@link #DRAWDOWN_MEMORY}: 7%, the default label's size. */
    public static final double MEMORY_FALL = 0.07;
    /** The high a drawdown day is measured from: the last 20 trading days. */
    public static final int MEMORY_HIGH_DAYS = 20;
    /**
     * How far back drawdown memory looks: a drawdown day older than this (a trading year) counts as none, so the
     * indicator reads a bounded past and a served request carries all it needs.
     */
    public static final int MEMORY_DAYS = 250;
    /** The look-back of {@link #WORST_DRAWDOWN}: 120 trading days. */
    public static final int WORST_DRAWDOWN_DAYS = 120;
    /** The look-back of {@link #TRAILING_RETURN}: a trading year. */
    public static final int TRAILING_DAYS = 250;

    private final String id;
    private final String words;

    AlarmFamily(String id, String words) {
        this.id = id;
        this.words = words;
    }

    /** The name a manifest, a request and the API use. */
    public String id() {
        return id;
    }

    /** What the score is, in a few words. */
    public String words() {
        return words;
    }

    /** The family named {@code id}; fails naming the known ones. */
    public static AlarmFamily byId(String id) {
        for (AlarmFamily f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown alarm family '" + id + "'; known: "
                + Arrays.stream(values()).map(AlarmFamily::id).toList());
    }

    /** The families read from the market's level alone (every one but the model's score and no alarm). */
    public static List<AlarmFamily> ofPrices() {
        return Arrays.stream(values()).filter(AlarmFamily::readsPrices).toList();
    }

    /** Whether the family's score is read from the market's level (every one but the model's score and no alarm). */
    public boolean readsPrices() {
        return this != MODEL && this != NONE;
    }

    /**
     * Days before a scored day this family reads (the day itself not counted): a request holding that many earlier
     * rows gets exactly the value the whole history gives. The model reads its window through its features.
     */
    public int lookback() {
        return switch (this) {
            case MODEL, NONE -> 0;
            case VOLATILITY -> 20;
            case DRAWDOWN_MEMORY -> MEMORY_DAYS + MEMORY_HIGH_DAYS - 1;
            case WORST_DRAWDOWN -> WORST_DRAWDOWN_DAYS - 1;
            case TRAILING_RETURN -> TRAILING_DAYS;
        };
    }

    /**
     * This family's score on every day of {@code data}; a day with too little history is NaN (drawdown memory: minus
     * infinity when no drawdown day lies within {@link #MEMORY_DAYS}, so it is never alarmed and ranked last).
     */
    public double[] daily(MarketData data) {
        return switch (this) {
            case MODEL, NONE -> throw new UnsupportedOperationException(id + " has no daily score of the data");
            case VOLATILITY -> FeaturePipeline.volatility20d(data);
            case DRAWDOWN_MEMORY -> drawdownMemory(PriceLevels.marketLevel(data));
            case WORST_DRAWDOWN -> worstDrawdown(PriceLevels.marketLevel(data));
            case TRAILING_RETURN -> trailingFall(PriceLevels.marketLevel(data));
        };
    }

    static double[] drawdownMemory(double[] level) {
        double[] out = new double[level.length];
        int last = -1;
        for (int t = 0; t < level.length; t++) {
            double high = Double.NEGATIVE_INFINITY;
            for (int k = Math.max(0, t - MEMORY_HIGH_DAYS + 1); k <= t; k++) {
                high = Math.max(high, level[k]);
            }
            if (level[t] <= (1 - MEMORY_FALL) * high) {
                last = t;
            }
            out[t] = last < 0 || t - last > MEMORY_DAYS ? Double.NEGATIVE_INFINITY : -(t - last);
        }
        return out;
    }

    static double[] worstDrawdown(double[] level) {
        double[] out = new double[level.length];
        for (int t = 0; t < level.length; t++) {
            double peak = Double.NEGATIVE_INFINITY;
            double worst = 0;
            for (int k = Math.max(0, t - WORST_DRAWDOWN_DAYS + 1); k <= t; k++) {
                peak = Math.max(peak, level[k]);
                worst = Math.max(worst, 1 - level[k] / peak);
            }
            out[t] = worst;
        }
        return out;
    }

    static double[] trailingFall(double[] level) {
        double[] out = new double[level.length];
        for (int t = 0; t < level.length; t++) {
            out[t] = t < TRAILING_DAYS ? Double.NaN : 1 - level[t] / level[t - TRAILING_DAYS];
        }
        return out;
    }
}
