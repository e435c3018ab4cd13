package io.sysrisk.research.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sysrisk.data.Market;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.research.data.Markets;
import io.sysrisk.research.labels.Labeler;

/** The positive control's input: informative where planted, the same values without timing when shuffled. */
class PlantedInputTest {

    @Test
    void plantedRanksTheLabelAndItsShuffledCopyDoesNot() {
        Market m = Markets.embedded().get(1);
        PooledConfig base = PooledConfig.defaults();
        int[] y = Labeler.label(m.data(), base.label());
        double[] planted = new PlantedInput(1.0, false, 7).column(m, y);
        double[] shuffled = new PlantedInput(1.0, true, 7).column(m, y);
        int[] labelled = java.util.stream.IntStream.range(0, y.length).filter(t -> y[t] >= 0).toArray();
        int[] yl = Arrays.stream(labelled).map(t -> y[t]).toArray();
        double auc = Metrics.rocAuc(Arrays.stream(labelled).mapToDouble(t -> planted[t]).toArray(), yl);
        double shuffledAuc = Metrics.rocAuc(Arrays.stream(labelled).mapToDouble(t -> shuffled[t]).toArray(), yl);
        assertEquals(0.76, auc, 0.03, "d' = 1: ROC-AUC = Phi(1 / sqrt 2)");
        assertEquals(0.5, shuffledAuc, 0.03);
        double[] a = planted.clone();
        double[] b = shuffled.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        assertArrayEquals(a, b, "the same values, another order");
        assertArrayEquals(planted, new PlantedInput(1.0, false, 7).column(m, y), "seeded");
    }

    @Test
    void itIsOneMoreNormalizedChannelAndNothingElseMoves() {
        PooledConfig base = PooledConfig.defaults().withHeldOut(new PooledConfig.HeldOut("dow30-ew",
                java.time.LocalDate.of(1991, 1, 1), java.time.LocalDate.of(2000, 12, 31)));
        List<Market> markets = Markets.embedded();
        PooledExperiment plain = PooledExperiment.prepare(base, markets);
        PooledExperiment with = PooledExperiment.prepare(base, markets, List.of(), java.util.Set.of(),
                new PlantedInput(1.0, false, 7));
        assertEquals(plain.train().features() + 1, with.train().features());
        assertEquals(PlantedInput.COLUMN, with.normalization().features().get(plain.train().features()));
        assertArrayEquals(plain.train().labels(), with.train().labels());
        assertArrayEquals(plain.validation().rows(), with.validation().rows());
        assertArrayEquals(plain.heldOut().testRows(), with.heldOut().testRows());
        // The features' normalized values are the same; the planted channel comes after them.
        int f = plain.train().features();
        for (int k = 0; k < 1000; k++) {
            assertEquals(plain.train().data()[k], with.train().data()[k / f * (f + 1) + k % f]);
        }
        assertNotEquals(0, with.train().data()[f]);
        assertTrue(plain.normalization().features().stream().noneMatch(PlantedInput.COLUMN::equals));
    }
}
