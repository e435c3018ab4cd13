package io.sysrisk.research.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.sysrisk.data.MarketData;
import io.sysrisk.features.FeatureMatrix;
import io.sysrisk.features.FeaturePipeline;
import io.sysrisk.features.FeatureSet;
import io.sysrisk.research.data.Markets;
import io.sysrisk.scoring.MarketScorer;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;
import io.sysrisk.windows.WindowSet;

/** Features over only the rows a request's windows read give the same windows as features over every row. */
class MarketScorerTest {

    @Test
    void windowsFromTheNeededRowsEqualWindowsFromAllRows() {
        ModelManifest m = new ModelStore(Path.of("model-store")).manifest("any-index");
        MarketData data = Markets.byName(Markets.embedded(), "sp500").data();
        MarketScorer scorer = new MarketScorer(m);
        FeatureMatrix full = FeaturePipeline.compute(data, FeatureSet.ofIds(m.input().features()));
        for (LocalDate[] range : new LocalDate[][] {{LocalDate.of(2008, 9, 1), LocalDate.of(2008, 11, 28)},
                {null, null}}) {
            MarketScorer.Windows w = scorer.windows(data, range[0], range[1]);
            int[] rows = w.asOf().stream().mapToInt(d -> data.dates().indexOf(d)).toArray();
            WindowSet expected = WindowSet.of(full, null, rows, m.input().window(), m.normalization());
            assertEquals(expected.data().length, w.data().length);
            // Bit for bit: the features and the volatility reference over only the needed rows are those over all.
            for (int i = 0; i < w.data().length; i++) {
                assertEquals(expected.data()[i], w.data()[i], 0f, "value " + i);
            }
            double[] vol = FeaturePipeline.volatility20d(data);
            for (int i = 0; i < rows.length; i++) {
                assertEquals(vol[rows[i]], w.volatility()[i], 0.0, "volatility on " + w.asOf().get(i));
            }
        }
    }
}
