package io.sysrisk.research.labels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.sysrisk.TestMarkets;
import io.sysrisk.data.MarketData;
import io.sysrisk.labels.LabelDefinition;

class LabelerTest {

    @Test
    void futureDrawdownLooksAtTheNextHDaysOnly() {
        // Day 5 closes 10% below days 0-3; day 4 (95) sees only a 5.3% fall.
        MarketData d = TestMarkets.index(new double[] {100, 100, 100, 100, 95, 90, 91, 92});
        int[] y = Labeler.label(d, new LabelDefinition.FutureDrawdown(2, 0.07));
        assertArrayEquals(new int[] {0, 0, 0, 1, 0, 0, -1, -1}, y);
        int[] y3 = Labeler.label(d, new LabelDefinition.FutureDrawdown(3, 0.07));
        assertArrayEquals(new int[] {0, 0, 1, 1, 0, -1, -1, -1}, y3);
    }

    @Test
    void aFallOfExactlyTheThresholdIsNotAnEvent() {
        MarketData d = TestMarkets.index(new double[] {100, 93, 93});
        assertArrayEquals(new int[] {0, 0, -1}, Labeler.label(d, new LabelDefinition.FutureDrawdown(1, 0.07)));
    }

    @Test
    void coCrashNeedsEnoughMembers() {
        double[][] p = {
                {100, 100, 80, 80},
                {100, 100, 85, 85},
                {100, 100, 99, 99},
                {100, 100, 100, 100},
        };
        MarketData d = TestMarkets.panel(p);
        assertArrayEquals(new int[] {0, 1, 0, -1}, Labeler.label(d, new LabelDefinition.CoCrash(1, 0.10, 0.5)));
        assertArrayEquals(new int[] {0, 0, 0, -1}, Labeler.label(d, new LabelDefinition.CoCrash(1, 0.10, 0.75)));
        assertThrows(IllegalArgumentException.class,
                () -> Labeler.label(TestMarkets.index(new double[] {1, 2, 3}), new LabelDefinition.CoCrash(1, 0.1, 0.5)));
    }

    @Test
    void volatilityRegimeUsesFutureReturns() {
        // Calm, then alternating +/-5% days: annualized volatility far above 50%.
        double[] p = {100, 100.1, 100.2, 100.3, 105, 99.75, 104.7, 99.5};
        int[] y = Labeler.label(TestMarkets.index(p), new LabelDefinition.VolatilityRegime(2, 0.5));
        assertArrayEquals(new int[] {0, 0, 1, 1, 1, 1, -1, -1}, y);
    }

    @Test
    void definitionsRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new LabelDefinition.FutureDrawdown(0, 0.07));
        assertThrows(IllegalArgumentException.class, () -> new LabelDefinition.FutureDrawdown(20, 7));
        assertThrows(IllegalArgumentException.class, () -> new LabelDefinition.VolatilityRegime(1, 0.3));
    }
}
