package io.sysrisk.features;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.sysrisk.data.DatedSeries;
import io.sysrisk.data.Session;

/**
 * The series the systemic inputs are computed from. Only {@code markets} is required; an input whose series is
 * absent is missing (NaN) on every day.
 *
 * @param markets      index closes, one series per market (at least {@value SystemicState#MIN_MARKETS} for the
 *                     cross-market inputs)
 * @param vix          the VIX close, or null
 * @param vixReference the index whose realized volatility the VIX is set against (the S&amp;P 500), or null
 * @param shortRate    the 1-year yield in percent, or null
 * @param longRate     the 10-year yield in percent, or null
 * @param memberGroups index members' closes, one list per index (each list an index's members)
 * @param gold         gold's price, or null
 * @param oil          crude oil's price, or null
 * @param currencies   exchange rates against one currency (any may be empty)
 */
public record SystemicSources(List<DatedSeries> markets, DatedSeries vix, DatedSeries vixReference,
                              DatedSeries shortRate, DatedSeries longRate, List<List<DatedSeries>> memberGroups,
                              DatedSeries gold, DatedSeries oil, List<DatedSeries> currencies) {

    public SystemicSources {
        markets = List.copyOf(markets);
        if (markets.isEmpty()) {
            throw new IllegalArgumentException("systemic inputs need at least one market");
        }
        memberGroups = memberGroups.stream().map(List::copyOf).toList();
        currencies = List.copyOf(currencies);
    }

    /** Every series, each once. */
    public List<DatedSeries> all() {
        List<DatedSeries> out = new ArrayList<>(markets);
        Stream.of(vix, vixReference, shortRate, longRate, gold, oil).filter(java.util.Objects::nonNull)
                .filter(s -> !out.contains(s)).forEach(out::add);
        memberGroups.forEach(out::addAll);
        out.addAll(currencies);
        return out;
    }

    /** The latest session any series is known in: the moment a day's state is complete. */
    public Session stamp() {
        return all().stream().map(DatedSeries::session).max(Session::compareTo).orElseThrow();
    }

    /** Every series cut to what was known at {@code date} in {@code session} (what a reader could then see). */
    public SystemicSources knownAt(java.time.LocalDate date, Session session) {
        java.util.function.UnaryOperator<DatedSeries> cut = s -> s == null ? null : s.knownAt(date, session);
        return new SystemicSources(markets.stream().map(cut).toList(), cut.apply(vix), cut.apply(vixReference),
                cut.apply(shortRate), cut.apply(longRate),
                memberGroups.stream().map(g -> g.stream().map(cut).toList()).toList(), cut.apply(gold),
                cut.apply(oil), currencies.stream().map(cut).toList());
    }

    /** These sources with {@code market} replaced (a test's planted move). */
    public SystemicSources withMarket(DatedSeries market) {
        List<DatedSeries> ms = markets.stream().map(m -> m.name().equals(market.name()) ? market : m).toList();
        DatedSeries ref = vixReference != null && vixReference.name().equals(market.name()) ? market : vixReference;
        return new SystemicSources(ms, vix, ref, shortRate, longRate, memberGroups, gold, oil, currencies);
    }
}
