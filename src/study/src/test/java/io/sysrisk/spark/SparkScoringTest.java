package io.sysrisk.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sysrisk.data.Market;
import io.sysrisk.research.data.Markets;
import io.sysrisk.scoring.DatedScore;
import io.sysrisk.scoring.MarketScorer;
import io.sysrisk.store.ModelStore;

/**
 * A folder of markets scored as Spark tasks gives, for every file, every date the scorer gives and the same numbers
 * as scoring the same file here (what {@code score --csv} gives); a file that cannot be scored is named with its reason and the others are still written.
 */
class SparkScoringTest {

    @Test
    void aFolderOfMarketsIsScoredIntoOneTable(@TempDir Path dir) throws Exception {
        Path store = Path.of("model-store");
        Path folder = Files.createDirectories(dir.resolve("markets"));
        List<String> expected = new ArrayList<>();
        expected.add(SparkScoring.HEADER);
        ModelStore.Loaded loaded = new ModelStore(store).loaded("any-index");
        MarketScorer scorer = new MarketScorer(loaded.manifest(), loaded.systemicState());
        for (String name : List.of("djia", "spi")) {
            Market m = Markets.byName(Markets.embedded(), name);
            StringBuilder csv = new StringBuilder("date,close\n");
            for (int t = 0; t < m.data().size(); t++) {
                csv.append(m.data().dates().get(t)).append(',').append(m.data().column("close")[t]).append('\n');
            }
            Path file = Files.writeString(folder.resolve(name + ".csv"), csv);
            // What `score --csv` gives for the same file, in this JVM.
            io.sysrisk.data.MarketData data = io.sysrisk.data.CsvMarketLoader.load(file,
                    loaded.manifest().loadOptions());
            for (DatedScore s : scorer.score(data, null, null, loaded.model())) {
                expected.add(String.format(Locale.ROOT, "%s,%s,%.6f,%d", name, s.asOf(), s.probability(),
                        s.alert() ? 1 : 0));
            }
        }
        Files.writeString(folder.resolve("short.csv"), "date,close\n2020-01-02,100\n2020-01-03,101\n");
        Path out = dir.resolve("scores.csv");
        SparkScoring.Outcome o;
        try (JavaSparkContext context = SparkScoring.context("local[2]")) {
            o = SparkScoring.run(context, store, "any-index", folder, out, s -> { });
        }
        assertEquals(3, o.files());
        assertEquals(List.of("short.csv"), List.copyOf(o.failed().keySet()), "the short file is named");
        assertFalse(o.failed().get("short.csv").isBlank(), "with its reason");
        List<String> table = Files.readAllLines(out);
        assertEquals(expected.size() - 1, o.rows());
        assertEquals(expected, table, "every date of every market, the numbers of the scorer here");
        assertTrue(table.size() > 9_000, "two full histories (DJIA 1980-2012, SPI 2000-2008): " + table.size());
        assertFalse(Files.exists(dir.resolve("scores.csv.partial")), "no partial file left");
    }
}
