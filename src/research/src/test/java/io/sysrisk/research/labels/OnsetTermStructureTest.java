package io.sysrisk.research.labels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.sysrisk.TestMarkets;
import io.sysrisk.data.Market;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.research.data.Markets;

/**
 * The onset label at 5, 20 and 60 trading days: a planted fall is seen first by the 60-day label, then the 20, then
 * the 5; the 20-day row is the served onset label on every embedded market; the labels are nested and share one mask.
 */
class OnsetTermStructureTest {

    private static final LabelDefinition.Onset FALL = new LabelDefinition.Onset(20, 0.07);

    @Test
    void aPlantedFallIsSeenSixtyTwentyAndFiveDaysAhead() {
        // Flat at 100, then 90 from day 501 on: falls start on days 481..500, the onset on 481.
        int n = 700;
        double[] p = new double[n];
        for (int t = 0; t < n; t++) {
            p[t] = t <= 500 ? 100 : 90;
        }
        OnsetTermStructure ts = OnsetTermStructure.of(TestMarkets.index(p), FALL, OnsetTermStructure.DEFAULT_HORIZONS);
        assertArrayEquals(new int[] {5, 20, 60}, ts.horizons());
        int[][] y = ts.labels();
        for (int k = 0; k < 3; k++) {
            int h = ts.horizons()[k];
            for (int t = 300; t <= 480; t++) {
                assertEquals(t >= 481 - h ? 1 : 0, y[k][t], "horizon " + h + ", day " + t);
            }
            for (int t = 481; t <= 501; t++) {
                assertEquals(Labeler.MASKED, y[k][t], "inside the fall: horizon " + h + ", day " + t);
            }
            assertEquals(0, y[k][521], "after the fall, calm again");
            // Known while t + H + 20 is a day of the data.
            assertEquals(0, y[k][n - 1 - h - 20]);
            assertEquals(Labeler.UNKNOWN, y[k][n - h - 20]);
        }
        assertEquals(80, OnsetTermStructure.lookahead(FALL, OnsetTermStructure.DEFAULT_HORIZONS));
        assertArrayEquals(new int[] {0, 0, 1}, ts.at(430), "40-60 days ahead: the 60-day label only");
        assertArrayEquals(new int[] {0, 1, 1}, ts.at(470));
        assertArrayEquals(new int[] {1, 1, 1}, ts.at(478));
        assertEquals(null, ts.at(490), "masked: not an example");
    }

    @Test
    void onEveryEmbeddedMarketTheTwentyDayRowIsTheServedLabelAndTheLabelsAreNested() {
        for (Market m : Markets.embedded()) {
            OnsetTermStructure ts = OnsetTermStructure.of(m.data(), FALL, OnsetTermStructure.DEFAULT_HORIZONS);
            int[][] y = ts.labels();
            assertArrayEquals(Labeler.label(m.data(), FALL), y[1], m.name());
            int examples = 0;
            for (int t = 0; t < m.data().size(); t++) {
                // One mask for every horizon: the known labels of a day are all masked or none is.
                long known = 0;
                long masked = 0;
                for (int k = 0; k < 3; k++) {
                    known += y[k][t] != Labeler.UNKNOWN ? 1 : 0;
                    masked += y[k][t] == Labeler.MASKED ? 1 : 0;
                }
                assertTrue(masked == 0 || masked == known, m.name() + " day " + t + ": one mask");
                int[] at = ts.at(t);
                if (at != null) {
                    examples++;
                    assertTrue(at[0] <= at[1] && at[1] <= at[2], m.name() + " day " + t + ": nested");
                    // The hazard head's encoding takes every example: the interval of its first onset.
                    int first = io.sysrisk.inference.HazardCurve.firstInterval(at);
                    assertEquals(at[0] + at[1] + at[2], 3 - first);
                }
            }
            assertTrue(examples > 1000, m.name() + ": " + examples);
        }
    }

    @Test
    void horizonsMustBeAscending() {
        assertThrows(IllegalArgumentException.class, () -> OnsetTermStructure.lookahead(FALL, List.of(20, 5)));
        assertThrows(IllegalArgumentException.class, () -> OnsetTermStructure.lookahead(FALL, List.of()));
        assertThrows(IllegalArgumentException.class, () -> OnsetTermStructure.lookahead(FALL, List.of(0, 5)));
    }

    /**
     * The per-horizon alarm tables read an onset within H days as warned by an alarm on one of the H days before
     * it: on every example day of every embedded market, that warning period's signal day is the label at H. (From
     * the fall's horizon on: an onset needs that many days of history, and every window's look-back is longer.)
     */
    @Test
    void aHorizonsWarningPeriodMakesItsSignalDaysItsPositives() {
        for (Market m : Markets.embedded()) {
            OnsetTermStructure ts = OnsetTermStructure.of(m.data(), FALL, OnsetTermStructure.DEFAULT_HORIZONS);
            int[] onsets = Labeler.onsets(m.data(), FALL);
            int examples = 0;
            for (int k = 0; k < ts.horizons().length; k++) {
                io.sysrisk.research.evaluation.EventMetrics.Warning w =
                        io.sysrisk.research.evaluation.EventMetrics.Warning.within(ts.horizons()[k]);
                for (int t = FALL.horizon(); t < m.data().size(); t++) {
                    int[] at = ts.at(t);
                    if (at != null) {
                        examples++;
                        assertEquals(at[k] == 1, io.sysrisk.research.evaluation.EventMetrics.signal(onsets, t, w),
                                m.name() + ", day " + t + ", horizon " + ts.horizons()[k]);
                    }
                }
            }
            assertTrue(examples > 1000, m.name() + ": " + examples);
        }
    }
}
