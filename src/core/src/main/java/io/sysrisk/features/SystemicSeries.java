package io.sysrisk.features;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sysrisk.data.DatedSeries;
import io.sysrisk.data.Session;

/**
 * One series the systemic state is computed from, as a systemic model records it and a request sends it: its name
 * (the key of a request's {@code system.series}), what it is to the state ({@link Role}), when it is known, and
 * where the model's own came from. A {@link Role#MEMBERS} entry names a group of index members: a request sends
 * each member as {@code "<group>:<ticker>"}, any tickers (index membership changes), at least
 * {@value SystemicState#MIN_MEMBERS} of them.
 *
 * @param name    the series' name (for {@link Role#VIX_REFERENCE}: the {@link Role#MARKET} it names)
 * @param role    what the state reads it as
 * @param session when its daily value is known
 * @param about   what it is, and its source in the model's training data
 */
public record SystemicSeries(String name, Role role, Session session, String about) {

    /** What a series is to the state ({@link SystemicSources}' fields). */
    public enum Role { MARKET, VIX, VIX_REFERENCE, SHORT_RATE, LONG_RATE, MEMBERS, GOLD, OIL, CURRENCY }

    /** The separator of a member's group and its ticker in a request's series names. */
    public static final char MEMBER_SEPARATOR = ':';

    public SystemicSeries {
        if (name == null || name.isBlank() || name.indexOf(MEMBER_SEPARATOR) >= 0) {
            throw new IllegalArgumentException("a systemic series needs a name without '" + MEMBER_SEPARATOR
                    + "', got '" + name + "'");
        }
        java.util.Objects.requireNonNull(role, "role");
        java.util.Objects.requireNonNull(session, "session");
    }

    /**
     * The roles {@code inputs} read: markets always (they make the calendar), the rest only where an input reads
     * them. A model that reads no currency volatility needs no currency.
     */
    public static Set<Role> rolesFor(List<SystemicInput> inputs) {
        Set<Role> out = EnumSet.of(Role.MARKET);
        for (SystemicInput in : inputs) {
            switch (in) {
                case VIX_LOG, VIX_CHANGE_5D -> out.add(Role.VIX);
                case VIX_PREMIUM -> out.addAll(List.of(Role.VIX, Role.VIX_REFERENCE));
                case TERM_SPREAD -> out.addAll(List.of(Role.SHORT_RATE, Role.LONG_RATE));
                case SHORT_RATE_CHANGE_20D -> out.add(Role.SHORT_RATE);
                case BREADTH, AVERAGE_CORRELATION, ABSORPTION_RATIO, TURBULENCE -> out.add(Role.MARKET);
                case MEMBER_DISPERSION -> out.add(Role.MEMBERS);
                case GOLD_VOLATILITY -> out.add(Role.GOLD);
                case OIL_VOLATILITY -> out.add(Role.OIL);
                case CURRENCY_VOLATILITY -> out.add(Role.CURRENCY);
            }
        }
        return out;
    }

    /** The entries of {@code layout} that {@code inputs} read, in order. */
    public static List<SystemicSeries> neededBy(List<SystemicSeries> layout, List<SystemicInput> inputs) {
        Set<Role> roles = rolesFor(inputs);
        return layout.stream().filter(s -> roles.contains(s.role())).toList();
    }

    /** The names a request sends: every entry's but a VIX reference's (it is one of the markets) and member groups'. */
    public static List<String> sentNames(List<SystemicSeries> layout) {
        return layout.stream().filter(s -> s.role() != Role.VIX_REFERENCE && s.role() != Role.MEMBERS)
                .map(SystemicSeries::name).toList();
    }

    /**
     * The sources of the state, laid out by {@code layout}: {@code series} by name (each a non-member entry's,
     * dated on its own days), {@code members} by group. Every entry must be there; the problem names the first that
     * is not ({@link IllegalArgumentException}). Members keep the order they are given in.
     */
    public static SystemicSources sources(List<SystemicSeries> layout, Map<String, DatedSeries> series,
                                          Map<String, List<DatedSeries>> members) {
        List<DatedSeries> markets = new ArrayList<>();
        Map<Role, DatedSeries> single = new LinkedHashMap<>();
        List<List<DatedSeries>> groups = new ArrayList<>();
        List<DatedSeries> currencies = new ArrayList<>();
        for (SystemicSeries s : layout) {
            if (s.role() == Role.MEMBERS) {
                List<DatedSeries> g = members.get(s.name());
                if (g == null || g.size() < SystemicState.MIN_MEMBERS) {
                    throw new IllegalArgumentException("member group '" + s.name() + "' needs at least "
                            + SystemicState.MIN_MEMBERS + " members ('" + s.name() + MEMBER_SEPARATOR
                            + "<ticker>'), got " + (g == null ? 0 : g.size()));
                }
                groups.add(g);
                continue;
            }
            DatedSeries d = series.get(s.name());
            if (d == null) {
                throw new IllegalArgumentException("series '" + s.name() + "' (" + s.about() + ") is missing");
            }
            switch (s.role()) {
                case MARKET -> markets.add(d);
                case CURRENCY -> currencies.add(d);
                default -> single.put(s.role(), d);
            }
        }
        return new SystemicSources(markets, single.get(Role.VIX), single.get(Role.VIX_REFERENCE),
                single.get(Role.SHORT_RATE), single.get(Role.LONG_RATE), groups, single.get(Role.GOLD),
                single.get(Role.OIL), currencies);
    }
}
