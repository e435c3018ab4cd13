package io.sysrisk.research.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.sysrisk.data.DataReport;
import io.sysrisk.data.DataValidationException;
import io.sysrisk.data.DatedSeries;
import io.sysrisk.data.Market;
import io.sysrisk.data.Session;
import io.sysrisk.features.SystemicSeries;
import io.sysrisk.features.SystemicSources;
import io.sysrisk.features.SystemicState;

/**
 * The embedded systemic panel (the data card's section "The systemic panel"): eight equity indices in three time
 * zones, the VIX, the US zero-coupon curve, gold and Brent, five currencies and the members of three indices, each
 * column read as its own series on the days it has a value. An empty cell is a local holiday or a day before the
 * series starts; nothing is forward-filled here ({@link io.sysrisk.features.SystemicState} reads each series as of a
 * moment and treats a stale value as missing).
 */
public final class SystemicPanel {

    private SystemicPanel() {
    }

    /** The panel's files. */
    public enum File {
        WORLD_INDICES("world_indices_1950_2015.csv"),
        VIX("us_vix_1990_2026.csv"),
        YIELDS("us_zero_coupon_yields_1985_2015.csv"),
        GOLD_BRENT("gold_brent_1970_2015.csv"),
        FX("fx_usd_2000_2015.csv"),
        DOW30_MEMBERS("us_dow30_members_1962_2015.csv"),
        FTSE100_MEMBERS("uk_ftse100_members_1988_2015.csv"),
        EUROSTOXX50_MEMBERS("eu_eurostoxx50_members_2000_2015.csv");

        private final String fileName;

        File(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }

        /** Every column of the file, each on its own days, in the file's order. */
        public Map<String, DatedSeries> read(Function<String, Session> session) {
            try (InputStream in = SystemicPanel.class.getResourceAsStream("/datasets/" + fileName)) {
                if (in == null) {
                    throw new IllegalStateException("embedded dataset /datasets/" + fileName
                            + " is not on the class path");
                }
                return parse(in, fileName, session);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The file's bytes. */
        public byte[] bytes() {
            try (InputStream in = SystemicPanel.class.getResourceAsStream("/datasets/" + fileName)) {
                if (in == null) {
                    throw new IllegalStateException("embedded dataset /datasets/" + fileName
                            + " is not on the class path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** SHA-256 of the file's bytes. */
        public String sha256() {
            try (InputStream in = SystemicPanel.class.getResourceAsStream("/datasets/" + fileName)) {
                return EmbeddedDataset.sha256(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * One of the panel's equity indices.
     *
     * @param name    short name (the index's usual ticker), used to hold it out
     * @param column  its column in {@link File#WORLD_INDICES}
     * @param session when it closes
     * @param members the file of its members, if the panel has them
     */
    public record PanelMarket(String name, String column, Session session, String about, File members) {
    }

    /** The eight indices, US first. */
    public static final List<PanelMarket> MARKETS = List.of(
            new PanelMarket("spx", "SP500", Session.US_CLOSE, "S&P 500 1950-2015", null),
            new PanelMarket("dji", "DJIA", Session.US_CLOSE, "Dow Jones Industrial Average 1985-2015",
                    File.DOW30_MEMBERS),
            new PanelMarket("ndx", "NASDAQ100", Session.US_CLOSE, "NASDAQ 100 1985-2015", null),
            new PanelMarket("ftse", "FTSE100", Session.EUROPE_CLOSE, "FTSE 100 1984-2015", File.FTSE100_MEMBERS),
            new PanelMarket("sx5e", "EUROSTOXX50", Session.EUROPE_CLOSE, "Euro Stoxx 50 1986-2015",
                    File.EUROSTOXX50_MEMBERS),
            new PanelMarket("cac", "CAC40", Session.EUROPE_CLOSE, "CAC 40 1990-2015", null),
            new PanelMarket("dax", "DAX", Session.EUROPE_CLOSE, "DAX 1990-2015", null),
            new PanelMarket("smi", "SMI", Session.EUROPE_CLOSE, "Swiss Market Index 1990-2015", null));

    /**
     * When the other series are known. The VIX closes at 16:15 New York, after the equity close; the Federal
     * Reserve's fitted curve reads end-of-day Treasury quotes (17:00); the gold, Brent and currency series' time of
     * day is not stated by their source, so they are taken as known only after the US close (the later choice: it
     * may lag them a day, never reads them early).
     */
    public static final Session VIX_SESSION = Session.AFTER_US_CLOSE;
    public static final Session RATES_SESSION = Session.AFTER_US_CLOSE;
    public static final Session COMMODITY_AND_CURRENCY_SESSION = Session.AFTER_US_CLOSE;

    public static PanelMarket market(String name) {
        return MARKETS.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown panel market '" + name + "'; known: "
                        + MARKETS.stream().map(PanelMarket::name).toList()));
    }

    /** The eight indices' closes, each on its own trading days, in {@link #MARKETS}' order. */
    public static List<DatedSeries> indexCloses() {
        Map<String, DatedSeries> all = File.WORLD_INDICES.read(c -> market(byColumn(c)).session());
        return MARKETS.stream().map(m -> all.get(m.column())).toList();
    }

    /** Every index as a close-only {@link Market} on its own trading days (as the default model reads a market). */
    public static List<Market> markets() {
        List<DatedSeries> closes = indexCloses();
        List<Market> out = new ArrayList<>();
        for (int i = 0; i < MARKETS.size(); i++) {
            DatedSeries s = closes.get(i);
            // Named as a file of several markets names its columns (file#column), as a model's provenance does.
            out.add(Market.of(MARKETS.get(i).name(), MARKETS.get(i).about() + " (systemic panel)",
                    File.WORLD_INDICES.fileName() + "#" + s.name(), s.dates(), s.values(),
                    new DataReport(s.size(), 0, 0, 0)));
        }
        return out;
    }

    /** The names of the panel's other series, as {@link #layout()} and a request call them. */
    public static final String VIX = "vix";
    public static final String SHORT_RATE = "y1y";
    public static final String LONG_RATE = "y10y";
    public static final String GOLD = "gold";
    public static final String OIL = "brent";

    /**
     * Every series of the panel the systemic inputs read, as a systemic model records them and a request sends them:
     * the eight indices by short name, the VIX, the 1- and 10-year yields, gold, Brent, each currency by its column,
     * and each index's members as a group named after the index.
     */
    public static List<SystemicSeries> layout() {
        List<SystemicSeries> out = new ArrayList<>();
        for (PanelMarket m : MARKETS) {
            out.add(new SystemicSeries(m.name(), SystemicSeries.Role.MARKET, m.session(),
                    m.about() + " (" + File.WORLD_INDICES.fileName() + "#" + m.column() + ")"));
        }
        out.add(new SystemicSeries(MARKETS.get(0).name(), SystemicSeries.Role.VIX_REFERENCE, MARKETS.get(0).session(),
                "the index whose realized volatility the VIX is set against"));
        out.add(new SystemicSeries(VIX, SystemicSeries.Role.VIX, VIX_SESSION, "VIX close ("
                + File.VIX.fileName() + "#close)"));
        out.add(new SystemicSeries(SHORT_RATE, SystemicSeries.Role.SHORT_RATE, RATES_SESSION,
                "1-year zero-coupon yield, percent (" + File.YIELDS.fileName() + "#y1y)"));
        out.add(new SystemicSeries(LONG_RATE, SystemicSeries.Role.LONG_RATE, RATES_SESSION,
                "10-year zero-coupon yield, percent (" + File.YIELDS.fileName() + "#y10y)"));
        out.add(new SystemicSeries(GOLD, SystemicSeries.Role.GOLD, COMMODITY_AND_CURRENCY_SESSION,
                "gold price (" + File.GOLD_BRENT.fileName() + "#GOLD)"));
        out.add(new SystemicSeries(OIL, SystemicSeries.Role.OIL, COMMODITY_AND_CURRENCY_SESSION,
                "Brent crude price (" + File.GOLD_BRENT.fileName() + "#BRENT)"));
        for (String c : File.FX.read(c -> COMMODITY_AND_CURRENCY_SESSION).keySet()) {
            out.add(new SystemicSeries(c, SystemicSeries.Role.CURRENCY, COMMODITY_AND_CURRENCY_SESSION,
                    "exchange rate (" + File.FX.fileName() + "#" + c + ")"));
        }
        for (PanelMarket m : MARKETS) {
            if (m.members() != null) {
                out.add(new SystemicSeries(m.name(), SystemicSeries.Role.MEMBERS, m.session(),
                        m.about() + " members (" + m.members().fileName() + ")"));
            }
        }
        return List.copyOf(out);
    }

    /** Every non-member series of {@link #layout()} by its name there. */
    public static Map<String, DatedSeries> seriesByName() {
        Map<String, DatedSeries> out = new java.util.LinkedHashMap<>();
        List<DatedSeries> markets = indexCloses();
        for (int i = 0; i < MARKETS.size(); i++) {
            out.put(MARKETS.get(i).name(), markets.get(i));
        }
        out.put(VIX, File.VIX.read(c -> VIX_SESSION).get("close"));
        Map<String, DatedSeries> yields = File.YIELDS.read(c -> RATES_SESSION);
        out.put(SHORT_RATE, yields.get("y1y"));
        out.put(LONG_RATE, yields.get("y10y"));
        Map<String, DatedSeries> gb = File.GOLD_BRENT.read(c -> COMMODITY_AND_CURRENCY_SESSION);
        out.put(GOLD, gb.get("GOLD"));
        out.put(OIL, gb.get("BRENT"));
        out.putAll(File.FX.read(c -> COMMODITY_AND_CURRENCY_SESSION));
        return out;
    }

    /** Each index's members by the group name {@link #layout()} gives them, in their file's order. */
    public static Map<String, List<DatedSeries>> membersByGroup() {
        Map<String, List<DatedSeries>> out = new java.util.LinkedHashMap<>();
        for (PanelMarket m : MARKETS) {
            if (m.members() != null) {
                out.put(m.name(), List.copyOf(m.members().read(c -> m.session()).values()));
            }
        }
        return out;
    }

    /** Every series of the panel the systemic inputs read, laid out by {@link #layout()}. */
    public static SystemicSources sources() {
        return SystemicSeries.sources(layout(), seriesByName(), membersByGroup());
    }

    /** The panel's files as a model's provenance records them: name, SHA-256, rows and dates. */
    public static List<io.sysrisk.store.ModelManifest.DataFile> provenance() {
        List<io.sysrisk.store.ModelManifest.DataFile> out = new ArrayList<>();
        for (File f : File.values()) {
            Map<String, DatedSeries> columns = f.read(c -> Session.AFTER_US_CLOSE);
            LocalDate first = columns.values().stream().map(s -> s.dates().get(0)).min(LocalDate::compareTo)
                    .orElseThrow();
            LocalDate last = columns.values().stream().map(s -> s.dates().get(s.size() - 1))
                    .max(LocalDate::compareTo).orElseThrow();
            int rows = (int) columns.values().stream().flatMap(s -> s.dates().stream()).distinct().count();
            out.add(new io.sysrisk.store.ModelManifest.DataFile(f.fileName(), f.sha256(), rows, first.toString(),
                    last.toString(), columns.size() + " series, each read on its own days; nothing filled"));
        }
        return List.copyOf(out);
    }

    /** The systemic state of the embedded panel, computed once (about a second). */
    public static SystemicState state() {
        return StateHolder.STATE;
    }

    private static final class StateHolder {
        static final SystemicState STATE = SystemicState.compute(sources());
    }

    /**
     * When market {@code name} (a panel index's short name or its column) closes: a panel index's own session; any
     * other market (a user's, of unknown time
     * zone) the earliest one, {@link Session#EUROPE_CLOSE}, so it reads no state a later close would add. With the
     * panel's state known only after the US close, every market reads the state of the day before its own.
     */
    public static Session sessionOf(String name) {
        return MARKETS.stream().filter(m -> m.name().equals(name) || m.column().equals(name))
                .map(PanelMarket::session).findFirst()
                .orElse(SystemicState.UNKNOWN_CLOSE);
    }

    private static String byColumn(String column) {
        return MARKETS.stream().filter(m -> m.column().equals(column)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no panel market reads column " + column)).name();
    }

    /**
     * A CSV whose first column is an ISO date and every other a number or empty, each column a series of the days it
     * has a value. Errors name the file, line and column.
     */
    static Map<String, DatedSeries> parse(InputStream in, String source, Function<String, Session> session)
            throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = r.readLine();
        if (header == null) {
            throw new DataValidationException(source + ": empty file");
        }
        String[] names = header.split(",", -1);
        if (!names[0].equals("date")) {
            throw new DataValidationException(source + ": the first column must be 'date', not '" + names[0] + "'");
        }
        int k = names.length - 1;
        List<List<LocalDate>> dates = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        int[] counts = new int[k];
        for (int j = 0; j < k; j++) {
            dates.add(new ArrayList<>());
            values.add(new double[1024]);
        }
        LocalDate previous = null;
        String line;
        int lineNo = 1;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != names.length) {
                throw new DataValidationException(source + " line " + lineNo + ": " + cells.length
                        + " cells, the header has " + names.length);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(cells[0]);
            } catch (DateTimeParseException e) {
                throw new DataValidationException(source + " line " + lineNo + ": '" + cells[0] + "' is not a date");
            }
            if (previous != null && !date.isAfter(previous)) {
                throw new DataValidationException(source + " line " + lineNo + ": date " + date
                        + " does not follow " + previous);
            }
            previous = date;
            for (int j = 0; j < k; j++) {
                String cell = cells[j + 1];
                if (cell.isEmpty()) {
                    continue;
                }
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new DataValidationException(source + " line " + lineNo + ", column " + names[j + 1]
                            + ": '" + cell + "' is not a number");
                }
                if (!Double.isFinite(v)) {
                    throw new DataValidationException(source + " line " + lineNo + ", column " + names[j + 1]
                            + ": " + cell);
                }
                dates.get(j).add(date);
                if (counts[j] == values.get(j).length) {
                    values.set(j, java.util.Arrays.copyOf(values.get(j), counts[j] * 2));
                }
                values.get(j)[counts[j]++] = v;
            }
        }
        Map<String, DatedSeries> out = new LinkedHashMap<>();
        for (int j = 0; j < k; j++) {
            if (counts[j] > 0) {
                out.put(names[j + 1], new DatedSeries(names[j + 1], session.apply(names[j + 1]), dates.get(j),
                        java.util.Arrays.copyOf(values.get(j), counts[j])));
            }
        }
        return out;
    }
}
