package io.sysrisk.research.data;

import java.util.ArrayList;
import java.util.List;
import io.sysrisk.data.Market;
import io.sysrisk.data.MarketData;
import io.sysrisk.data.PriceLevels;


/**
 * The embedded markets the default model is trained and tested on, each reduced to one close series.
 *
 * <ul>
 *   <li>{@code sp500-1928}: S&amp;P 500 1928-1965 (rebuilt from daily returns);</li>
 *   <li>{@code sp500}: S&amp;P 500 close 2000-2020;</li>
 *   <li>{@code djia}: Dow Jones Industrial Average 1980-2012;</li>
 *   <li>{@code dow30-ew}: equal-weight index of the 30 Dow stocks 1991-2000 (a market built from its members);</li>
 *   <li>{@code spi}: Swiss Performance Index 2000-2008, its September-October 2008 gaps repaired from the sectors;</li>
 * </ul>
 * Equity indices only: the label's fixed fall (7% within 20 days) is a crash for an index but an ordinary month for
 * silver (62% of silver's recent days would be events), and the scale-free features cannot tell markets apart, so
 * mixing them would teach the model the wrong base rate. {@link #commodities()} (gold, silver) stay out of training
 * and serve as a check on another asset class. The 9 Swiss sector indices ({@link #spiSectors()}) are parts of the
 * SPI, not independent of it: never a test market, only a candidate extra training series. Not used at all: the SWX
 * file (its SPI is the same index; its bond index has no fall of the label's size; its pension indices mix the SPI
 * and bonds).
 */
public final class Markets {

    private Markets() {
    }

    /** Every embedded equity market, oldest first: the default model's training and test markets. */
    public static List<Market> embedded() {
        List<Market> out = new ArrayList<>();
        MarketData sp1928 = EmbeddedDataset.SP500_1928.load();
        out.add(Market.of("sp500-1928", "S&P 500 close 1928-1965, rebuilt from daily returns (dates approximate)",
                sp1928.source(), sp1928.dates(), sp1928.column(Market.CLOSE), sp1928.report()));
        MarketData djia = EmbeddedDataset.DJIA.load();
        out.add(Market.of("djia", "Dow Jones Industrial Average 1980-2012", djia.source(), djia.dates(),
                djia.column("DJIA"), djia.report()));
        MarketData dow = EmbeddedDataset.DOW30.load();
        out.add(Market.of("dow30-ew", "equal-weight index of the 30 Dow stocks 1991-2000", dow.source(), dow.dates(),
                PriceLevels.marketLevel(dow), dow.report()));
        out.add(spi());
        MarketData sp = EmbeddedDataset.SP500.load();
        out.add(Market.of("sp500", "S&P 500 close 2000-2020", sp.source(), sp.dates(), sp.column("close"), sp.report()));
        return out;
    }

    /** Gold and silver price indices 1977-2012: another asset class, never in training. */
    public static List<Market> commodities() {
        MarketData gs = EmbeddedDataset.GOLD_SILVER.load();
        return List.of(
                Market.of("gold", "gold price index 1977-2012", gs.source(), gs.dates(), gs.column("gold"), gs.report()),
                Market.of("silver", "silver price index 1977-2012", gs.source(), gs.dates(), gs.column("silver"),
                        gs.report()));
    }

    public static Market byName(List<Market> markets, String name) {
        return markets.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown market '" + name + "'; known: "
                        + markets.stream().map(Market::name).toList()));
    }

    public static final String SPI_SECTOR_PREFIX = "spi-sector-";

    /**
     * The 9 SPI sector indices 2000-2008, one market each ({@code spi-sector-basi}, ...): training-only extra series
     * a recipe may add (never held out: they are the SPI's parts, so their test figures would repeat the SPI's).
     */
    public static List<Market> spiSectors() {
        MarketData d = EmbeddedDataset.SPI_SECTORS.load();
        List<Market> out = new ArrayList<>();
        for (String sector : d.members()) {
            if (!sector.equals("SPI")) {
                out.add(Market.of(SPI_SECTOR_PREFIX + sector.toLowerCase(java.util.Locale.ROOT), "SPI sector index "
                        + sector + " 2000-2008 (training-only extra series)", d.source(), d.dates(), d.column(sector),
                        d.report()));
            }
        }
        return out;
    }

    /** The SPI, its 2008 gaps repaired from the sectors when the file is loaded ({@link SourceRepairs}). */
    public static Market spi() {
        MarketData d = EmbeddedDataset.SPI_SECTORS.load();
        return Market.of("spi", "Swiss Performance Index 2000-2008 (" + d.report().repairs() + ")", d.source(),
                d.dates(), d.column("SPI"), d.report());
    }
}
