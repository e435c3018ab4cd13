package io.sysrisk.research.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sysrisk.features.SystemicInput;
import io.sysrisk.features.SystemicState;
import io.sysrisk.research.data.SystemicPanel;

/** The CISS-like composite ranks each segment against its own past only, and peaks when every segment does. */
class CompositeStressTest {

    @Test
    void theDistributionFunctionRanksAgainstThePastOnly() {
        double[] up = new double[400];
        double[] down = new double[400];
        for (int t = 0; t < 400; t++) {
            up[t] = t;
            down[t] = -t;
        }
        double[] a = CompositeStress.expandingCdf(up);
        double[] b = CompositeStress.expandingCdf(down);
        assertTrue(Double.isNaN(a[CompositeStress.WARM_UP - 2]));
        assertEquals(1.0, a[300], 0.0, "a new high is at the top of its past");
        assertEquals(1.0 / 301, b[300], 1e-15, "a new low at the bottom");
        double[] ties = new double[300];
        assertEquals(1.0, CompositeStress.expandingCdf(ties)[299], 0.0, "every day at or below a tie");
    }

    /** The index of a day is the same computed from the state up to that day: the future is never read. */
    @Test
    void aDaysIndexReadsNoLaterDay() {
        SystemicState state = SystemicPanel.state();
        double[] whole = CompositeStress.of(state);
        for (String date : List.of("1998-10-05", "2008-10-10", "2011-08-08")) {
            int k = state.dates().indexOf(java.time.LocalDate.parse(date)) + 1;
            EnumMap<SystemicInput, double[]> cut = new EnumMap<>(SystemicInput.class);
            for (SystemicInput in : SystemicInput.values()) {
                cut.put(in, Arrays.copyOf(state.column(in), k));
            }
            double[] part = CompositeStress.of(new SystemicState(state.dates().subList(0, k), state.stamp(), cut));
            assertEquals(whole[k - 1], part[k - 1], 0.0, date);
            assertTrue(whole[k - 1] > 0.3, date + " was a day of stress: " + whole[k - 1]);
        }
    }

    @Test
    void stressInEverySegmentAtOnceIsTheMaximum() {
        int n = 400;
        EnumMap<SystemicInput, double[]> values = new EnumMap<>(SystemicInput.class);
        java.util.Random r = new java.util.Random(1);
        for (SystemicInput in : SystemicInput.values()) {
            double[] v = new double[n];
            for (int t = 0; t < n; t++) {
                v[t] = r.nextDouble();
            }
            v[n - 1] = 10; // every segment at a new high on the last day
            values.put(in, v);
        }
        List<java.time.LocalDate> days = new java.util.ArrayList<>();
        for (int t = 0; t < n; t++) {
            days.add(java.time.LocalDate.of(2001, 1, 1).plusDays(t));
        }
        double[] c = CompositeStress.of(new SystemicState(days, io.sysrisk.data.Session.AFTER_US_CLOSE, values));
        // All five at their distribution's top: s' C s with every s = 1/5 and C's correlations at most 1.
        assertTrue(c[n - 1] <= 1.0 + 1e-12);
        assertTrue(c[n - 1] > Arrays.stream(c, 0, n - 1).filter(Double::isFinite).max().orElseThrow());
    }
}
