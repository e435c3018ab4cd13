package io.sysrisk.features;

import io.sysrisk.data.InputKind;

/**
 * Every daily feature sysrisk knows. Each is causal: its value on day t uses data of days up to t only.
 * "Market" is the index (OHLCV close, or a panel's index column) or, without one, the equal-weighted members;
 * r is a daily log return. {@code lookback} is how many days before t the feature reads.
 */
public enum Feature {
    /** r_t = ln(P_t / P_{t-1}) of the market. */
    RET_1D("ret_1d", 1, Requires.ANY),
    /** Realized volatility: sample standard deviation of the market's last 20 returns, times sqrt(252). */
    VOL_20D("vol_20d", 20, Requires.ANY),
    /** Realized volatility over the last 120 returns, annualized like VOL_20D. */
    VOL_120D("vol_120d", 120, Requires.ANY),
    /** Drawdown: ln(P_t / max of P over days t-249..t), zero at a new one-year high. */
    DRAWDOWN_250D("drawdown_250d", 249, Requires.ANY),
    /** Parkinson range volatility: sqrt(252 / (4 ln 2) x mean of ln(H/L)^2 over days t-19..t). OHLCV only. */
    PARKINSON_20D("parkinson_20d", 19, Requires.OHLCV),
    /** Volume surprise: ln V_t minus the mean of ln V over days t-20..t-1. OHLCV only. */
    VOLUME_SURPRISE_20D("volume_surprise_20d", 20, Requires.OHLCV),
    /** Mean pairwise correlation of member returns over days t-59..t. */
    AVG_CORR_60D("avg_corr_60d", 60, Requires.MEMBERS),
    /**
     * Absorption ratio (Kritzman et al. 2011): share of the total variance of member returns over days t-249..t
     * explained by the top max(1, round(n/5)) eigenvectors of their covariance.
     */
    ABSORPTION_250D("absorption_250d", 250, Requires.MEMBERS),
    /**
     * Turbulence (Kritzman and Li 2010): (r_t - mu)' S^-1 (r_t - mu) / n, with mu and S the mean and covariance
     * of member returns over days t-250..t-1 (today excluded), n members; about 1 in ordinary times.
     */
    TURBULENCE_250D("turbulence_250d", 251, Requires.MEMBERS),
    /** Cross-sectional dispersion: population standard deviation of the members' returns on day t. */
    DISPERSION_1D("dispersion_1d", 1, Requires.MEMBERS),
    /** Co-exceedance: share of members whose return on day t is below their own 5% quantile over days t-250..t-1. */
    COEXCEEDANCE_250D("coexceedance_250d", 251, Requires.MEMBERS),
    /**
     * The worst member: the lowest of the members' 20-day log returns, ln(P_t / P_{t-20}). One member in distress
     * before the rest (a lead the cross-section's averages dilute: turbulence and dispersion read one day).
     */
    WORST_MEMBER_20D("worst_member_20d", 20, Requires.MEMBERS),

    // Scale-free, regime-relative features of the market's closes alone: each means the same on any index and era
    // (no price level, no absolute volatility level), so a model trained on some markets can read another.
    // sigma_n is the sample standard deviation of the last n daily log returns (not annualized).

    /** Today's return in units of the last year's daily volatility: r_t / sigma_250. */
    RET_Z("ret_z", 250, Requires.ANY),
    /** Volatility regime: ln(sigma_20 / sigma_250). */
    VOL_RATIO_20_250("vol_ratio_20_250", 250, Requires.ANY),
    /** Volatility burst: ln(sigma_5 / sigma_20). */
    VOL_RATIO_5_20("vol_ratio_5_20", 20, Requires.ANY),
    /** Trailing percentile rank of sigma_20 among its values on days t-249..t, in [0, 1]. */
    VOL_RANK_250("vol_rank_250", 269, Requires.ANY),
    /** Drawdown over volatility: ln(P_t / max P over days t-249..t) / (sigma_250 x sqrt(250)). */
    DRAWDOWN_Z("drawdown_z", 250, Requires.ANY),
    /** Momentum: ln(P_t / P_{t-20}) / (sigma_250 x sqrt(20)). */
    MOMENTUM_20_Z("momentum_20_z", 250, Requires.ANY),
    /** Trend: ln(P_t / mean of P over days t-199..t) / (sigma_250 x sqrt(200)). */
    TREND_200_Z("trend_200_z", 250, Requires.ANY),
    /** Downside share: sum of squared negative returns over the last 20 days / sum of all squared returns. */
    DOWNSIDE_SHARE_20("downside_share_20", 20, Requires.ANY);

    /** The regime-relative close-only features (an option of the any-index experiment: {@code --features}). */
    public static final java.util.List<Feature> SCALE_FREE = java.util.List.of(RET_Z, VOL_RATIO_20_250,
            VOL_RATIO_5_20, VOL_RANK_250, DRAWDOWN_Z, MOMENTUM_20_Z, TREND_200_Z, DOWNSIDE_SHARE_20);

    /**
     * The default model's inputs: return, 20- and 120-day volatility and one-year drawdown of the closes. All are
     * free of the price level (a return, an annualized volatility and a drawdown mean the same on any index), and
     * they are what the label is made of: a fixed fall is likelier when volatility is high. Chosen over the
     * regime-relative set, and over both sets together, on validation loss (README, "How the default was chosen").
     */
    public static final java.util.List<Feature> CLOSE_ONLY = java.util.List.of(RET_1D, VOL_20D, VOL_120D,
            DRAWDOWN_250D);

    /** What input a feature needs. */
    public enum Requires { ANY, OHLCV, MEMBERS }

    /** Cross-asset features need at least this many member series. */
    public static final int MIN_MEMBERS = 2;

    private final String id;
    private final int lookback;
    private final Requires requires;

    Feature(String id, int lookback, Requires requires) {
        this.id = id;
        this.lookback = lookback;
        this.requires = requires;
    }

    /** Stable name, recorded in model.json. */
    public String id() {
        return id;
    }

    /** Days before t that the feature reads. */
    public int lookback() {
        return lookback;
    }

    public boolean availableFor(InputKind kind, int members) {
        return switch (requires) {
            case ANY -> true;
            case OHLCV -> kind == InputKind.OHLCV;
            case MEMBERS -> kind == InputKind.PANEL && members >= MIN_MEMBERS;
        };
    }

    public static Feature fromId(String id) {
        for (Feature f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown feature '" + id + "'");
    }
}
