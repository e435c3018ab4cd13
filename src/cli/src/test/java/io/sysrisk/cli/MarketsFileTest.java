package io.sysrisk.cli;

import static io.sysrisk.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.sysrisk.data.Market;
import io.sysrisk.research.data.Markets;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;
import io.sysrisk.training.TrainingData;

/**
 * A user's file of several markets (one column of closes each, blank where a market has no close) trains as the
 * default pools its markets and is judged leave-one-market-out: each market held out with its period in every other
 * one, the version's own recipe. Real closes (the S&P 500 1928-1965, the DJIA 1980-2012, the S&P 500 2000-2020),
 * few seeds and epochs: this checks the path, not the figures.
 */
class MarketsFileTest {

    @Test
    void severalMarketsTrainPooledAndAreJudgedLeaveOneMarketOut(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("mk.csv");
        List<String> names = List.of("sp500-1928", "djia", "sp500");
        String b = MarketsCsv.of(names);
        Files.writeString(csv, b);
        Path store = dir.resolve("store");

        String[] train = run("train", "--csv", csv.toString(), "--kind", "markets", "--seeds", "1", "--epochs", "2",
                "--store", store.toString(), "--version", "mk");
        assertEquals("0", train[0], train[2]);
        ModelManifest m = new ModelStore(store).manifest("mk");
        assertEquals(List.of("mk.csv#sp500-1928", "mk.csv#djia", "mk.csv#sp500"),
                m.data().stream().map(ModelManifest.DataFile::name).toList());
        assertTrue(TrainingData.isMarketsFile(m.data()) && !m.isOneMarket());
        assertEquals(List.of(Market.CLOSE), m.input().columns(), "served like the default: one close per day");
        assertTrue(train[1].contains("(leave-one-market-out, or walk-forward over the markets together when they "
                + "share an era): ./mvnw -q -Preport -Dsysrisk.args=\"--version mk --store "
                + store + " --csv <your mk.csv>"), "it prints its report's command: " + train[1]);

        String[] without = run("report", "--version", "mk", "--store", store.toString(), "--quick");
        assertEquals("2", without[0], without[2]);
        assertTrue(without[2].contains("give it again with --csv"), without[2]);
        Path other = dir.resolve("other.csv");
        Files.writeString(other, b.replaceFirst(",,", ",1,"));
        String[] wrong = run("report", "--version", "mk", "--store", store.toString(), "--quick", "--csv",
                other.toString());
        assertEquals("2", wrong[0], wrong[2]);
        assertTrue(wrong[2].contains("is not the file mk was trained on"), wrong[2]);

        // Holding the DJIA out leaves 4 falls in the others' validation parts (2 in calibration): below the default
        // floor of 5; this path check lowers it.
        String[] floor = run("report", "--version", "mk", "--store", store.toString(), "--quick", "--csv",
                csv.toString(), "--design", "lomo");
        assertEquals("2", floor[0], floor[2]);
        assertTrue(floor[2].contains("fold djia (1980-01-01..2012-12-31 held out in every market) validation part "
                + "holds 4 distinct events"), floor[2]);
        String[] report = run("report", "--version", "mk", "--store", store.toString(), "--quick", "--csv",
                csv.toString(), "--design", "lomo", "--min-events", "2");
        assertEquals("0", report[0], report[2]);
        JsonNode lomo = ModelStore.json().readTree(store.resolve("mk").resolve("report").resolve("lomo.json").toFile());
        assertEquals("leave-one-market-out, the version's recipe", lomo.get("design").asText());
        assertEquals(names, java.util.stream.StreamSupport.stream(lomo.get("folds").spliterator(), false)
                .map(f -> f.get("market").asText()).toList());
        // The S&P 500's fold: the DJIA, which shares its era, trains only before the S&P 500's first day.
        JsonNode sp500 = lomo.get("folds").get(2);
        String djia = java.util.Arrays.stream(sp500.get("trainedOn").asText().split("; "))
                .filter(s -> s.startsWith("djia ")).findFirst().orElseThrow();
        assertTrue(LocalDate.parse(djia.substring(djia.length() - 10)).isBefore(LocalDate.parse("2000-01-03")), djia);
        String md = Files.readString(store.resolve("mk").resolve("report").resolve("README.md"));
        assertTrue(md.startsWith("# Leave-one-market-out report: mk") && md.contains("the version's own recipe")
                && !md.contains("inner leave-one-market-out over that fold"), md.substring(0, 600));
        assertFalse(Files.exists(Path.of("model-store", "mk")), "nothing written outside --store");
    }

    /**
     * Markets of one era: holding the DJIA 1980-2012 out also removes the SPI 2000-2008 and most of the S&amp;P 500
     * 2000-2020 from training, so a leave-one-market-out cannot decide: asked for, it stops with one line and writes
     * nothing; by default the markets are judged together over time, every market trained only before each fold's
     * period (its windows' label look-ahead included) and every market scored inside it.
     */
    @Test
    void marketsOfOneEraAreJudgedTogetherOverTime(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("era.csv");
        List<String> names = List.of("djia", "spi", "sp500");
        Files.writeString(csv, MarketsCsv.of(names));
        Path store = dir.resolve("store");
        String[] train = run("train", "--csv", csv.toString(), "--kind", "markets", "--seeds", "1", "--epochs", "1",
                "--store", store.toString(), "--version", "era");
        assertEquals("0", train[0], train[2]);
        String[] lomo = run("report", "--version", "era", "--store", store.toString(), "--quick", "--csv",
                csv.toString(), "--design", "lomo");
        assertEquals("2", lomo[0], lomo[2]);
        assertTrue(lomo[2].contains("error: leave-one-market-out of era.csv: the leave-one-market-out fold djia")
                && lomo[2].contains("share an era") && lomo[2].contains("--design walk-forward"), lomo[2]);
        assertFalse(Files.exists(store.resolve("era").resolve("report")), "nothing written");

        String[] report = run("report", "--version", "era", "--store", store.toString(), "--quick", "--csv",
                csv.toString());
        assertEquals("0", report[0], report[2]);
        assertTrue(report[1].contains("leave-one-market-out cannot decide here") && report[1].contains(
                "judged together over time"), report[1]);
        JsonNode wf = ModelStore.json().readTree(store.resolve("era").resolve("report").resolve("walk-forward.json")
                .toFile());
        assertEquals("walk-forward, the markets together", wf.get("design").asText());
        int ahead = new ModelStore(store).manifest("era").label().lookahead();
        java.util.Set<String> scored = new java.util.TreeSet<>();
        for (JsonNode f : wf.get("folds")) {
            scored.add(f.get("market").asText());
            LocalDate from = LocalDate.parse(f.get("period").asText().substring(0, 10));
            // Every market's last deciding window, plus its label's look-ahead, ends before the fold's first test day.
            for (String part : f.get("trainedOn").asText().split("; ")) {
                List<LocalDate> dates = Markets.byName(Markets.embedded(), part.substring(0, part.indexOf(' ')))
                        .data().dates();
                int last = dates.indexOf(LocalDate.parse(part.substring(part.length() - 10)));
                assertTrue(dates.get(last + ahead).isBefore(from), part + " reads into the period from " + from);
            }
        }
        assertEquals(new java.util.TreeSet<>(names), scored, "every market scored");
        String md = Files.readString(store.resolve("era").resolve("report").resolve("README.md"));
        assertTrue(md.startsWith("# Walk-forward report: era") && md.contains("Walk-forward, the markets together"),
                md.substring(0, 600));
    }
}
