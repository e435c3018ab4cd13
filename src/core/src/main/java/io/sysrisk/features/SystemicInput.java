package io.sysrisk.features;

/**
 * The inputs that describe the system rather than one market: the volatility index, the yield curve, the markets
 * together, index members, commodities and currencies. Each is a number per day of the system calendar, computed by
 * {@link SystemicState} from the values known once every series of that day is in; a market reads the state of the
 * last day it could have known ({@link SystemicState#forMarket}).
 */
public enum SystemicInput {

    /** Log of the VIX close. */
    VIX_LOG("vix_log", Group.VOLATILITY_INDEX, "log VIX"),
    /** Log change of the VIX over its last 5 closes. */
    VIX_CHANGE_5D("vix_change_5d", Group.VOLATILITY_INDEX, "5-day log change of the VIX"),
    /** Log of the VIX over the S&amp;P 500's annualized 20-day realized volatility (in percent): the fear premium. */
    VIX_PREMIUM("vix_premium", Group.VOLATILITY_INDEX, "log VIX over the S&P 500's 20-day realized volatility"),
    /** The 10-year minus the 1-year zero-coupon yield, in percentage points. */
    TERM_SPREAD("term_spread", Group.RATES, "10-year minus 1-year yield"),
    /** The change of the 1-year yield over its last 20 values, in percentage points. */
    SHORT_RATE_CHANGE_20D("short_rate_change_20d", Group.RATES, "20-day change of the 1-year yield"),
    /**
     * Share of the markets whose close is {@value SystemicState#BREADTH_FALL_PERCENT}% or more below its 250-day
     * high.
     */
    BREADTH("breadth", Group.CROSS_MARKET, "share of markets in a drawdown of 7% or more"),
    /** Mean pairwise correlation of the markets' daily returns over 60 days. */
    AVERAGE_CORRELATION("average_correlation", Group.CROSS_MARKET, "markets' mean 60-day correlation"),
    /** Share of the markets' return variance over 250 days explained by their first fifth of eigenvectors. */
    ABSORPTION_RATIO("absorption_ratio", Group.CROSS_MARKET, "absorption ratio (Kritzman et al. 2011)"),
    /** The day's vector of market returns, its Mahalanobis distance from the 250 days before, per market. */
    TURBULENCE("turbulence", Group.CROSS_MARKET, "turbulence (Kritzman and Li 2010)"),
    /** Robust cross-sectional dispersion of index members' daily returns, averaged over 20 days and the indices. */
    MEMBER_DISPERSION("member_dispersion", Group.MEMBERS, "index members' 20-day return dispersion"),
    /** Annualized 20-return realized volatility of gold. */
    GOLD_VOLATILITY("gold_volatility", Group.COMMODITIES, "gold's 20-day volatility"),
    /** Annualized 20-return realized volatility of Brent crude. */
    OIL_VOLATILITY("oil_volatility", Group.COMMODITIES, "Brent's 20-day volatility"),
    /** Mean annualized 20-return realized volatility of the currencies against the US dollar. */
    CURRENCY_VOLATILITY("currency_volatility", Group.CURRENCIES, "currencies' mean 20-day volatility");

    /** What an input describes: the groups an attribution adds up by. */
    public enum Group { VOLATILITY_INDEX, RATES, CROSS_MARKET, MEMBERS, COMMODITIES, CURRENCIES }

    private final String id;
    private final Group group;
    private final String words;

    SystemicInput(String id, Group group, String words) {
        this.id = id;
        this.group = group;
        this.words = words;
    }

    /** The name a manifest and the API use. */
    public String id() {
        return id;
    }

    public Group group() {
        return group;
    }

    /** The input in a reader's words. */
    public String words() {
        return words;
    }

    public static SystemicInput fromId(String id) {
        for (SystemicInput i : values()) {
            if (i.id.equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown systemic input '" + id + "'; known: "
                + java.util.Arrays.stream(values()).map(SystemicInput::id).toList());
    }
}
