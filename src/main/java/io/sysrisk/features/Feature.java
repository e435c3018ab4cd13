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
    COEXCEEDANCE_250D("coexceedance_250d", 251, Requires.MEMBERS);

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
